package cpuprofile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStart is not parallel: a process runs one CPU profile at a time
// (and go test -cpuprofile makes Start fail).
func TestStart(t *testing.T) {
	stop, err := Start("")
	if err != nil {
		t.Fatal(err)
	}
	stop() // nothing started: nothing to stop
	path := filepath.Join(t.TempDir(), "cpu.pprof")
	if stop, err = Start(path); err != nil {
		t.Fatal(err)
	}
	stop()
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		t.Errorf("profile %s: %v, %v", path, st, err)
	}
	if _, err := Start(filepath.Join(t.TempDir(), "no", "such", "dir", "cpu.pprof")); err == nil {
		t.Error("Start into a missing folder: no error")
	}
}
