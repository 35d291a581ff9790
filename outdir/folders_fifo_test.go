//go:build unix

package outdir

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestIndexFileFIFO: a named pipe where the folder index belongs reads
// as no index at once; opening it would block the build for ever.
func TestIndexFileFIFO(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "x.folders")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip(err)
	}
	if got := loadIndexes(p); got.output != nil || got.spare != nil {
		t.Errorf("a FIFO read as the index %+v, want none", got)
	}
}
