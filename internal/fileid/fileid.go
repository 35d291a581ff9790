// Package fileid reads what the system says of a file beyond
// fs.FileInfo: its device and inode, and its change time, which the
// build cache and the build's record of its source files compare to
// tell a file that is still the one they read. It is the one place that
// reads syscall.Stat_t.
package fileid

// ID is a file's device, inode and change time (ns since 1970; 0 where
// the system does not give it).
type ID struct {
	Dev, Ino   uint64
	ChangeTime int64
}
