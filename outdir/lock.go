package outdir

import (
	"fmt"
	"os"

	"github.com/gofrs/flock"
)

// folderLock is the lock of one output folder: a file beside it, locked
// with the system's file lock (released by the system if the process
// dies) and removed when the build ends, so nothing is left behind.
type folderLock struct {
	path string
	fl   *flock.Flock
}

// lockFolder takes the lock at path, calling waiting once before it
// waits for another holder.
func lockFolder(path string, waiting func()) (*folderLock, error) {
	told := false
	for {
		fl := flock.New(path)
		ok, err := fl.TryLock()
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !ok {
			if !told && waiting != nil {
				waiting()
				told = true
			}
			if err := fl.Lock(); err != nil {
				return nil, fmt.Errorf("lock %s: %w", path, err)
			}
		}
		// The holder before us removes the file as it lets go: the lock
		// is ours only if the file we locked is still the one at path.
		held, err1 := fl.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return &folderLock{path: path, fl: fl}, nil
		}
		fl.Unlock()
	}
}

// unlock removes the lock file, then releases the lock.
func (l *folderLock) unlock() {
	os.Remove(l.path)
	l.fl.Unlock()
}
