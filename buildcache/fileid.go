//go:build unix

package buildcache

import (
	"io/fs"
	"syscall"
)

// fileID is the device and inode of the file st describes, and whether
// the system gives them.
func fileID(st fs.FileInfo) (dev, ino uint64, ok bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return uint64(sys.Dev), uint64(sys.Ino), true
}
