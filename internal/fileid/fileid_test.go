package fileid

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestOf: a file and its hard link have one ID; another file has its
// own; on Linux the change time is the file's, near now.
func TestOf(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a, link, b := filepath.Join(dir, "a"), filepath.Join(dir, "link"), filepath.Join(dir, "b")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Link(a, link); err != nil {
		t.Skip("no hard links here:", err)
	}
	of := func(p string) ID {
		st, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		id, ok := Of(st)
		if !ok {
			t.Skip("the system gives no file IDs")
		}
		return id
	}
	ia, il, ib := of(a), of(link), of(b)
	if ia != il || ia.Ino == 0 {
		t.Errorf("a %+v, its link %+v: want one nonzero ID", ia, il)
	}
	if ib.Ino == ia.Ino && ib.Dev == ia.Dev {
		t.Errorf("b has a's device and inode: %+v", ib)
	}
	if runtime.GOOS == "linux" {
		if d := time.Since(time.Unix(0, ia.ChangeTime)); d < -time.Minute || d > time.Minute {
			t.Errorf("change time %v is not near now", time.Unix(0, ia.ChangeTime))
		}
	}
}
