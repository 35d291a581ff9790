//go:build !unix

package main

import "time"

// cpuTime is not measured here (cpu_unix.go says why it is printed).
func cpuTime() time.Duration { return 0 }
