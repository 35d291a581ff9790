package wpimport_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the import of the fixture")

// TestImportGolden compares the whole tree an import of the fixture
// writes (content, site.toml, links registry, static files, report) with
// testdata/golden, file by file, and fails on a file missing from either
// side. go test ./wpimport -run TestImportGolden -update rewrites it.
func TestImportGolden(t *testing.T) {
	t.Parallel()
	dir, _ := importFixture(t)
	got := tree(t, dir)
	const golden = "testdata/golden"
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			full := filepath.Join(golden, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := tree(t, golden)
	for name, data := range want {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: in testdata/golden, not written by the import", name)
		case !bytes.Equal(g, data):
			t.Errorf("%s differs from testdata/golden (go test -run TestImportGolden -update to accept):\n--- got\n%s\n--- want\n%s", name, g, data)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: written by the import, not in testdata/golden", name)
		}
	}
}

// tree reads every file below root, by slash path.
func tree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
