//go:build unix && !linux

package fileid

import "syscall"

// changeTime is 0, not known: the field's name differs from one system
// to the next (Ctim, Ctimespec), and only Linux's is read.
func changeTime(*syscall.Stat_t) int64 { return 0 }
