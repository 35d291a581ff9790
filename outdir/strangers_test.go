package outdir

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/affsite/affsite/buildcache"
)

// TestStrangersInWalkOrder: strangers, which reads folders on several
// goroutines, lists what a filepath.WalkDir of the folder finds outside
// the manifest, in the walk's order.
func TestStrangersInWalkOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := []string{"a.txt", "a/x.html", "a/b/y.html", "a-b/z", "b/index.html", ManifestName}
	for i := range 40 {
		files = append(files, filepath.Join("posts", string(rune('a'+i%26))+string(rune('a'+i/26)), "index.html"))
	}
	for _, f := range files {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "posts", "link")); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{"b/index.html": true, "posts/aa/index.html": true, "posts/link": true}
	var want []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel != ManifestName && (!names[rel] || !d.Type().IsRegular()) {
			want = append(want, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := (&folderWalk{}).strangers(dir, names, buildcache.Sum{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("strangers:\n%q\nwant the walk's\n%q", got, want)
	}
}
