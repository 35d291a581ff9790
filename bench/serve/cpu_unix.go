//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime is the user and system CPU the process has used so far: on a
// machine shared with other work, the start-up's CPU tells more than its
// wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
