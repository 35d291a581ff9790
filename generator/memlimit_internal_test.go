package generator

import (
	"math"
	"os"
	"runtime/debug"
	"testing"

	"github.com/affsite/affsite/internal/memlimit"
)

// TestLimitForSources checks a build that writes to disk limits its
// memory before it reads the sources and run's releaseMemory puts the
// limit back, and a build into memory (serve) sets none. It does not
// run in parallel: GOGC and the limit are the process's.
func TestLimitForSources(t *testing.T) {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 || os.Getenv("GOGC") != "" {
		t.Skip("a memory limit or GOGC is set already (GOMEMLIMIT, GOGC)")
	}
	b := &builder{siteEnv: &siteEnv{}}
	b.limitForSources(memlimit.LimitFrom)
	got, gotGC := debug.SetMemoryLimit(-1), debug.SetGCPercent(100)
	debug.SetGCPercent(gotGC)
	b.releaseMemory()
	if want := memlimit.For(memlimit.LimitFrom, false); got != want.Limit || gotGC != want.GCPercent {
		t.Errorf("while reading: limit %d, GOGC %d; want %+v", got, gotGC, want)
	}
	if after, afterGC := debug.SetMemoryLimit(-1), debug.SetGCPercent(100); after != math.MaxInt64 || afterGC != 100 || b.unlimit != nil {
		t.Errorf("after the build: limit %d, GOGC %d; want none, 100", after, afterGC)
	}
	mem := &builder{siteEnv: &siteEnv{opts: Options{Output: NewMemOutput()}}}
	mem.limitForSources(memlimit.LimitFrom)
	if mem.unlimit != nil || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Error("a build into memory set a limit")
	}
}
