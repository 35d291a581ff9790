package generator

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/affsite/affsite/internal/memlimit"
)

// TestLimitForSources checks a build that writes to disk limits its
// memory before it reads the sources and run's releaseMemory puts the
// limit back, and a build into memory (serve) sets none.
func TestLimitForSources(t *testing.T) {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Skip("a memory limit is set already (GOMEMLIMIT)")
	}
	b := &builder{siteEnv: &siteEnv{}}
	b.limitForSources(memlimit.LimitFrom)
	got := debug.SetMemoryLimit(-1)
	b.releaseMemory()
	if want := memlimit.Budget(memlimit.LimitFrom, false); got != want {
		t.Errorf("limit while reading %d, want %d", got, want)
	}
	if after := debug.SetMemoryLimit(-1); after != math.MaxInt64 || b.unlimit != nil {
		t.Errorf("after the build: limit %d, want none", after)
	}
	mem := &builder{siteEnv: &siteEnv{opts: Options{Output: NewMemOutput()}}}
	mem.limitForSources(memlimit.LimitFrom)
	if mem.unlimit != nil || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Error("a build into memory set a limit")
	}
}
