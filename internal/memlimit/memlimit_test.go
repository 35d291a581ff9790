package memlimit

import (
	"math"
	"testing"
)

// TestMemoryBudget checks the budget grows by each page's share, and by
// more with the build cache on.
func TestMemoryBudget(t *testing.T) {
	for _, tc := range []struct {
		n      int
		cached bool
		want   int64
	}{
		{0, false, memoryBase},
		{10000, false, memoryBase + 10000*memoryPerPage},
		{memoryLargeFrom, false, memoryBase + memoryLargeFrom*memoryPerPage},
		{100000, false, memoryBase + memoryLargeFrom*memoryPerPage + (100000-memoryLargeFrom)*memoryPerLargePage},
		{10000, true, memoryBase + 10000*(memoryPerPage+memoryPerCachedPage)},
		{100000, true, memoryBase + memoryLargeFrom*memoryPerPage + (100000-memoryLargeFrom)*memoryPerLargePage + 100000*memoryPerCachedPage},
	} {
		if got := Budget(tc.n, tc.cached); got != tc.want {
			t.Errorf("Budget(%d, %v) = %d, want %d", tc.n, tc.cached, got, tc.want)
		}
	}
	if got := Budget(10000, false) >> 20; got < 100 || got > 180 {
		t.Errorf("10,000 pages: budget %d MiB, want 100–180 (peak RSS target 200 MiB)", got)
	}
	if got := Budget(100000, false) >> 20; got < 700 || got > 960 {
		t.Errorf("100,000 pages: budget %d MiB, want 700–960 (peak RSS target 1 GiB)", got)
	}
}

// fakeLimit stands in for debug.SetMemoryLimit.
type fakeLimit struct {
	limit int64
	sets  []int64
}

func (f *fakeLimit) set(l int64) int64 {
	prev := f.limit
	if l >= 0 {
		f.limit = l
		f.sets = append(f.sets, l)
	}
	return prev
}

// TestSwapLimit checks a build sets its limit and puts back none after,
// and leaves a limit set already (GOMEMLIMIT) alone.
func TestSwapLimit(t *testing.T) {
	f := &fakeLimit{limit: math.MaxInt64}
	restore := swapLimit(f.set, 123)
	if f.limit != 123 {
		t.Fatalf("limit %d during the build, want 123", f.limit)
	}
	restore()
	if f.limit != math.MaxInt64 || len(f.sets) != 2 {
		t.Fatalf("after the build: limit %d, sets %v; want no limit, 2 sets", f.limit, f.sets)
	}

	f = &fakeLimit{limit: 500 << 20}
	swapLimit(f.set, 123)()
	if f.limit != 500<<20 || len(f.sets) != 0 {
		t.Fatalf("GOMEMLIMIT set: limit %d, sets %v; want it untouched", f.limit, f.sets)
	}
}

// TestSwapGCPercent checks a cached build raises GOGC from the default
// and puts it back, and leaves a GOGC set otherwise alone.
func TestSwapGCPercent(t *testing.T) {
	gc := 100
	set := func(p int) int {
		prev := gc
		gc = p
		return prev
	}
	restore := swapGCPercent(set)
	if gc != cachedGCPercent {
		t.Fatalf("GOGC %d during the build, want %d", gc, cachedGCPercent)
	}
	restore()
	if gc != 100 {
		t.Fatalf("GOGC %d after the build, want 100", gc)
	}
	gc = 50
	swapGCPercent(set)()
	if gc != 50 {
		t.Fatalf("GOGC=50 set: %d after the build, want it untouched", gc)
	}
}
