// Package cpuprofile starts and stops a CPU profile into a file, for the
// commands that offer one (affsite's --cpuprofile, bench/serve's
// -cpuprofile).
package cpuprofile

import (
	"os"
	"runtime/pprof"
)

// Start starts writing a CPU profile to the file path, when path is not
// empty, and returns what stops it (nothing to stop for an empty path).
func Start(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
