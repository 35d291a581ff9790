//go:build unix

package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// TestSourcesThatAreNotFiles puts a FIFO, and a symlink to /dev/zero,
// where the build reads a content, static, data, layout or program file
// or the configuration: each must fail at once with an error naming it,
// not block on the FIFO or read the device until memory runs out.
func TestSourcesThatAreNotFiles(t *testing.T) {
	t.Parallel()
	kinds := map[string]func(t *testing.T, p string){
		"fifo": func(t *testing.T, p string) {
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		},
		"/dev/zero": func(t *testing.T, p string) {
			if _, err := os.Stat("/dev/zero"); err != nil {
				t.Skip("no /dev/zero")
			}
			if err := os.Symlink("/dev/zero", p); err != nil {
				t.Fatal(err)
			}
		},
	}
	want := map[string]string{"fifo": "is a named pipe (FIFO), not a regular file", "/dev/zero": "is a device, not a regular file"}
	for _, file := range []string{
		"content/posts/f.md", "content/posts/b/index.md", "content/posts/b/chart.png", "static/f.css",
		"data/f.json", "data/programs/f.yaml", "layouts/partials/f.html", "site.toml",
	} {
		for kind, mk := range kinds {
			t.Run(file+" "+kind, func(t *testing.T) {
				t.Parallel()
				dir := hardSite(t, map[string]string{
					"site.toml":                "title = \"T\"\n",
					"content/posts/a.md":       "---\ntitle: A\n---\nText.\n",
					"content/posts/b/index.md": "---\ntitle: B\n---\nText.\n",
				})
				p := filepath.Join(dir, filepath.FromSlash(file))
				os.Remove(p)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				mk(t, p)
				done := make(chan error, 1)
				go func() {
					_, err := generator.Build(generator.Options{Source: dir, Dest: filepath.Join(t.TempDir(), "out")})
					done <- err
				}()
				select {
				case err := <-done:
					if err == nil || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), want[kind]) {
						t.Errorf("got %v, want an error naming %s: %s", err, file, want[kind])
					}
				case <-time.After(20 * time.Second):
					// The FIFO blocks the build: open it for writing to let it go.
					if f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
						f.Close()
					}
					t.Fatal("the build did not return")
				}
			})
		}
	}
}

// TestSourceFileSizeLimit: a static file over the limit is an error
// naming it, like a content file (see TestErrorPaths in cmd/affsite).
func TestSourceFileSizeLimit(t *testing.T) {
	t.Parallel()
	dir := hardSite(t, map[string]string{"site.toml": "title = \"T\"\n"})
	p := filepath.Join(dir, "static", "big.bin")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(65 << 20); err != nil { // sparse
		t.Fatal(err)
	}
	f.Close()
	_, err = generator.Build(generator.Options{Source: dir, Output: generator.NewMemOutput()})
	if want := "static/big.bin: file is 65 MB, larger than the 64 MB a static file may be"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
