package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// removeTree removes the old build whole and follows no symbolic link:
// a folder of it swapped for a link to another folder during the build
// leaves that folder's files alone.
func TestRemoveTreeFollowsNoLink(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "old")
	sitetest.WriteInto(t, dir, map[string]string{"index.html": "i", "tags/t/index.html": "t", "a/b/c/d/e.txt": "e"})
	sitetest.WriteInto(t, parent, map[string]string{"elsewhere/index.html": "keep", "elsewhere/a.html": "keep"})
	if err := os.Symlink(filepath.Join(parent, "elsewhere"), filepath.Join(dir, "posts")); err != nil {
		t.Fatal(err)
	}
	if _, err := writeManifest(dir, []string{"index.html", "posts/a.html", "posts/index.html", "tags/t/index.html", "a/b/c/d/e.txt"}); err != nil {
		t.Fatal(err)
	}
	removeTree(dir)
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the build's folder is still there (%v): %s", err, treeString(readTree(t, dir)))
	}
	if got := readTree(t, parent); len(got) != 2 || got["elsewhere/index.html"] != "keep" || got["elsewhere/a.html"] != "keep" {
		t.Errorf("beside the build: %v, want elsewhere/ kept", got)
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
