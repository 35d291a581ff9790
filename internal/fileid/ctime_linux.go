package fileid

import "syscall"

// changeTime is the change time of sys, in ns.
func changeTime(sys *syscall.Stat_t) int64 {
	return int64(sys.Ctim.Sec)*1e9 + int64(sys.Ctim.Nsec)
}
