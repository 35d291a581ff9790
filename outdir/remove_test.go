package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// removeBuild removes a build by its manifest, and then what the
// manifest does not list (a file, an empty folder), but never a file a
// manifest's unclean path names outside the folder.
func TestRemoveBuild(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "old")
	listed := map[string]string{"index.html": "i", "posts/a/index.html": "a", "posts/b/index.html": "b", "a/b/c/d/e.txt": "e"}
	sitetest.WriteInto(t, dir, listed)
	sitetest.WriteInto(t, dir, map[string]string{"posts/a/stranger.txt": "s"})
	sitetest.WriteInto(t, parent, map[string]string{"outside.txt": "keep"})
	if err := os.MkdirAll(filepath.Join(dir, "empty", "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeManifest(dir, append(sortedNames(listed), "../outside.txt", "posts/missing.html")); err != nil {
		t.Fatal(err)
	}
	removeBuild(dir)
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the build's folder is still there (%v): %s", err, treeString(readTree(t, dir)))
	}
	if got := readTree(t, parent); len(got) != 1 || got["outside.txt"] != "keep" {
		t.Errorf("beside the build: %v, want outside.txt kept", got)
	}
}

// A folder without a manifest is removed whole.
func TestRemoveBuildWithoutManifest(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "old")
	sitetest.WriteInto(t, dir, map[string]string{"index.html": "i", "posts/a/index.html": "a"})
	removeBuild(dir)
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the folder is still there (%v)", err)
	}
}

// writeFile replaces what the file held, and fails as os.WriteFile does
// where the folder is missing: Place tells that case by fs.ErrNotExist.
func TestWriteFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "f.html")
	if err := writeFile(p, []byte("a longer first version")); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(p, []byte("short")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(p); err != nil || string(b) != "short" {
		t.Errorf("file = %q, %v; want %q", b, err, "short")
	}
	if st, err := os.Stat(p); err != nil || st.Mode().Perm()&^0o022 != 0o644&^0o022 {
		t.Errorf("mode = %v, %v; want 0644 less the umask", st.Mode(), err)
	}
	missing := filepath.Join(dir, "no", "f.html")
	var pe *fs.PathError
	if err := writeFile(missing, nil); !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != missing {
		t.Errorf("writeFile in a missing folder = %v, want a *fs.PathError of it that is fs.ErrNotExist", err)
	}
}
