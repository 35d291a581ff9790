package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGolden builds testdata/fixture and compares every output file with
// testdata/golden/. Run "go test ./generator -run TestGolden -update" to
// rewrite the golden tree after an intended change, then review the diff.
func TestGolden(t *testing.T) {
	t.Parallel()
	b, err := buildDir(filepath.Join("testdata", "fixture"))
	if err != nil {
		t.Fatal(err)
	}
	compareGoldenTree(t, memTree(b.out), filepath.Join("testdata", "golden"))
}

// compareGoldenTree compares got with the files below dir, or rewrites
// dir with -update.
func compareGoldenTree(t *testing.T, got map[string][]byte, dir string) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			full := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := readTree(t, dir)
	if d := diffTrees(want, got); d != "" {
		t.Errorf("output differs from %s (golden first; run with -update to accept):\n%s", dir, d)
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok || bytes.Equal(g, w) {
			continue
		}
		t.Errorf("%s: first difference at line %d:\n golden: %q\n    got: %q", name, firstDiffLine(w, g), lineAt(w, firstDiffLine(w, g)), lineAt(g, firstDiffLine(w, g)))
	}
}

func firstDiffLine(a, b []byte) int {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}

func lineAt(b []byte, n int) string {
	l := strings.Split(string(b), "\n")
	if n-1 < len(l) {
		return l[n-1]
	}
	return ""
}
