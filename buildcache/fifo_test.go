//go:build unix

package buildcache_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/affsite/affsite/buildcache"
)

// TestOpenStateFIFO: a named pipe, a folder or a device where the cache's
// state belongs is an error to warn of and an empty cache, at once:
// opening a FIFO would block the build for ever.
func TestOpenStateFIFO(t *testing.T) {
	t.Parallel()
	for name, mk := range map[string]func(string) error{
		"fifo":   func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"folder": func(p string) error { return os.Mkdir(p, 0o755) },
		"device": func(p string) error { return os.Symlink("/dev/zero", p) },
	} {
		dir := t.TempDir()
		if err := mk(filepath.Join(dir, buildcache.StateName)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c, err := buildcache.Open(dir, "v1")
		if err == nil || !strings.HasPrefix(err.Error(), buildcache.StateName+": ") {
			t.Errorf("%s: Open's error %v, want one naming %s", name, err, buildcache.StateName)
		}
		if c == nil {
			t.Fatalf("%s: no cache", name)
		}
		if n := c.Len(); n != 0 {
			t.Errorf("%s: the cache holds %d entries, want none", name, n)
		}
	}
}
