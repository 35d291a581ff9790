package memlimit

import (
	"math"
	"testing"
)

// TestMemoryBudget checks the budget grows by each page's share, and by
// more with the build cache on, and stays under the targets' peak RSS
// with the ~20 MiB the process has beside the runtime's memory.
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
	if got := Budget(10000, false) >> 20; got < 150 || got > 165 {
		t.Errorf("10,000 pages: budget %d MiB, want 150–165 (peak RSS target 200 MiB, 185 measured)", got)
	}
	if got := Budget(100000, false) >> 20; got < 700 || got > 900 {
		t.Errorf("100,000 pages: budget %d MiB, want 700–900 (peak RSS target 1 GiB)", got)
	}
}

// TestFor checks the rule: a small site a higher GOGC and no limit, a
// large one a higher GOGC still under its budget.
func TestFor(t *testing.T) {
	for _, tc := range []struct {
		n      int
		cached bool
		want   Policy
	}{
		{0, false, Policy{smallGCPercent, math.MaxInt64}},
		{1000, true, Policy{smallGCPercent, math.MaxInt64}},
		{LimitFrom - 1, false, Policy{smallGCPercent, math.MaxInt64}},
		{LimitFrom, false, Policy{largeGCPercent, Budget(LimitFrom, false)}},
		{10000, false, Policy{largeGCPercent, Budget(10000, false)}},
		{10000, true, Policy{largeGCPercent, Budget(10000, true)}},
		{100000, false, Policy{largeGCPercent, Budget(100000, false)}},
	} {
		if got := For(tc.n, tc.cached); got != tc.want {
			t.Errorf("For(%d, %v) = %+v, want %+v", tc.n, tc.cached, got, tc.want)
		}
	}
}

// fakeRuntime stands in for the runtime's GOGC, limit and environment,
// counting the changes made to them.
type fakeRuntime struct {
	gc      int
	limit   int64
	env     map[string]string
	changes int
}

func (f *fakeRuntime) knobs() knobs {
	return knobs{
		setGCPercent: func(p int) int {
			prev := f.gc
			f.gc = p
			f.changes++
			return prev
		},
		setLimit: func(l int64) int64 {
			prev := f.limit
			if l >= 0 {
				f.limit = l
				f.changes++
			}
			return prev
		},
		lookupEnv: func(k string) (string, bool) {
			v, ok := f.env[k]
			return v, ok
		},
	}
}

// TestApply checks what a build sets, during it and after, from the
// runtime's default or from a GOGC and a limit the user (the
// environment) or a build beside it set.
func TestApply(t *testing.T) {
	large := Policy{GCPercent: 400, Limit: 160 << 20}
	small := Policy{GCPercent: 200, Limit: math.MaxInt64}
	for _, tc := range []struct {
		name           string
		p              Policy
		gc             int
		limit          int64
		env            map[string]string
		duringGC       int
		duringLimit    int64
		changesOnStart int
	}{
		{"large, defaults", large, 100, math.MaxInt64, nil, 400, 160 << 20, 2},
		{"small, defaults", small, 100, math.MaxInt64, nil, 200, math.MaxInt64, 1},
		{"user GOGC=100", large, 100, math.MaxInt64, map[string]string{"GOGC": "100"}, 100, 160 << 20, 1},
		{"user GOGC=off", large, -1, math.MaxInt64, map[string]string{"GOGC": "off"}, -1, 160 << 20, 1},
		{"user GOMEMLIMIT", large, 100, 1 << 30, map[string]string{"GOMEMLIMIT": "1GiB"}, 400, 1 << 30, 1},
		{"user GOMEMLIMIT=max", large, 100, math.MaxInt64, map[string]string{"GOMEMLIMIT": "max"}, 400, math.MaxInt64, 1},
		// An empty value is the runtime's default: the rule applies.
		{"empty GOGC and GOMEMLIMIT", large, 100, math.MaxInt64, map[string]string{"GOGC": "", "GOMEMLIMIT": ""}, 400, 160 << 20, 2},
		{"user both", large, 50, 1 << 30, map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}, 50, 1 << 30, 0},
		// A build beside this one set its own: this one leaves it
		// (GOGC is set and put back at once).
		{"beside", large, 400, 100 << 20, nil, 400, 100 << 20, 2},
	} {
		f := &fakeRuntime{gc: tc.gc, limit: tc.limit, env: tc.env}
		restore := apply(tc.p, f.knobs())
		if f.gc != tc.duringGC || f.limit != tc.duringLimit || f.changes != tc.changesOnStart {
			t.Errorf("%s: during the build GOGC %d, limit %d, %d changes; want %d, %d, %d",
				tc.name, f.gc, f.limit, f.changes, tc.duringGC, tc.duringLimit, tc.changesOnStart)
		}
		restore()
		if f.gc != tc.gc || f.limit != tc.limit {
			t.Errorf("%s: after the build GOGC %d, limit %d; want %d, %d back", tc.name, f.gc, f.limit, tc.gc, tc.limit)
		}
	}
}
