//go:build unix

package fileid

import (
	"io/fs"
	"syscall"
)

// Of is the ID of the file st describes, and whether the system gives
// one.
func Of(st fs.FileInfo) (ID, bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return ID{}, false
	}
	return ID{Dev: uint64(sys.Dev), Ino: uint64(sys.Ino), ChangeTime: changeTime(sys)}, true
}
