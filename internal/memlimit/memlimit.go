// Package memlimit sets the Go runtime's collector for a build of a
// number of pages: a build keeps each page's list facts until its lists
// are written, and the collector's pace decides both the build's memory
// and the CPU it spends marking them.
//
// The rule (For): a site of fewer than LimitFrom pages runs at GOGC=200
// with no limit, and a larger one at GOGC=400 under a soft limit of
// Budget(n). The high GOGC lets the heap grow while it is small (the
// start of every build, and the whole of a small one) with few
// collections; on a large site the limit, set close under the memory
// the site may take, paces the collector instead once the heap nears
// it. A GOGC or GOMEMLIMIT the user set in the environment wins over
// the rule, each on its own.
package memlimit

import (
	"math"
	"os"
	"runtime/debug"
)

// The memory a build may keep, in bytes: a base for the templates, the
// data and the pages in flight, and a share for each page, whose list
// facts (title, dates, terms, summary, card) live until the lists are
// written. The limit is the Go runtime's memory; the process's peak RSS
// is 12–18 MiB more (the binary's code, and the pages' memory the
// runtime has not returned yet): at 10,000 pages 159 MiB, 171–177 MiB of
// RSS (bench/README.md, seventh session), under the 200 MiB target.
//
// Beyond memoryLargeFrom pages each further page has a smaller share:
// the heap a page keeps does not grow with the site, and the collector's
// room above what is live need not grow as fast as the pages (100,000
// pages keep 420–580 MB live; under their 888 MiB the process peaked at
// 903–970 MiB, bench/README.md).
const (
	memoryBase    = 52 << 20
	memoryPerPage = 11 << 10
	// memoryLargeFrom and memoryPerLargePage: the pages from which the
	// share is memoryPerLargePage instead of memoryPerPage.
	memoryLargeFrom    = 20000
	memoryPerLargePage = 8 << 10
	// memoryPerCachedPage is a page's further share when the build
	// cache is on: its keys and state are held until the cache is
	// saved.
	memoryPerCachedPage = 12 << 10
	// LimitFrom is the fewest pages a build limits its memory for:
	// below it the pages' share is small beside what a site's data or
	// images may take, and a limit under them would make the collector
	// run all the time.
	LimitFrom = 2000
)

// GOGC under the rule: smallGCPercent below LimitFrom pages, where no
// limit bounds the heap and it may grow to three times what is live
// (at 1,000 posts 55–63 MiB of RSS instead of 44, and 13 % less CPU
// than GOGC=100); largeGCPercent under the limit, which bounds the heap
// (GOGC=off was no faster at 10,000 posts, bench/README.md).
const (
	smallGCPercent = 200
	largeGCPercent = 400
)

// Budget is the soft memory limit of a build of n pages, with or
// without the build cache.
func Budget(n int, cached bool) int64 {
	large := max(n-memoryLargeFrom, 0)
	budget := memoryBase + int64(n-large)*memoryPerPage + int64(large)*memoryPerLargePage
	if cached {
		budget += int64(n) * memoryPerCachedPage
	}
	return budget
}

// Policy is the collector's setting for one build.
type Policy struct {
	// GCPercent is GOGC.
	GCPercent int
	// Limit is the soft memory limit in bytes, math.MaxInt64 for none.
	Limit int64
}

// For is the rule: the policy of a build of n pages, with the build
// cache on or not.
func For(n int, cached bool) Policy {
	if n < LimitFrom {
		return Policy{GCPercent: smallGCPercent, Limit: math.MaxInt64}
	}
	return Policy{GCPercent: largeGCPercent, Limit: Budget(n, cached)}
}

// Limit sets the collector for rendering n pages (with the build cache
// on or not) by For's rule and returns the function that puts the
// previous setting back. A GOGC or memory limit set already — by the
// user (GOGC, GOMEMLIMIT) or by a build running beside this one in the
// same process — is left as it is. The limit is soft: a build that
// needs more memory gets it, at the price of more collections (the
// runtime gives them at most half the CPU).
func Limit(n int, cached bool) (restore func()) {
	return apply(For(n, cached), runtimeKnobs())
}

// knobs are the runtime's settings as apply changes them: debug's
// setters (setLimit of a negative value reads the current limit
// without changing it; setGCPercent has no such value, a negative one
// turns the collector off) and the environment the runtime read them
// from.
type knobs struct {
	setGCPercent func(int) int
	setLimit     func(int64) int64
	lookupEnv    func(string) (string, bool)
}

// runtimeKnobs are the Go runtime's.
func runtimeKnobs() knobs {
	return knobs{setGCPercent: debug.SetGCPercent, setLimit: debug.SetMemoryLimit, lookupEnv: os.LookupEnv}
}

// apply sets p's GOGC and limit with k, each unless the environment
// sets it or it is not the runtime's default, and returns the function
// that puts back what it changed.
func apply(p Policy, k knobs) (restore func()) {
	var undo []func()
	if !k.userSet("GOGC") && p.GCPercent != 100 {
		if prev := k.setGCPercent(p.GCPercent); prev != 100 {
			k.setGCPercent(prev)
		} else {
			undo = append(undo, func() { k.setGCPercent(prev) })
		}
	}
	if !k.userSet("GOMEMLIMIT") && p.Limit != math.MaxInt64 {
		if prev := k.setLimit(-1); prev == math.MaxInt64 {
			k.setLimit(p.Limit)
			undo = append(undo, func() { k.setLimit(prev) })
		}
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}

// userSet reports whether the environment sets the runtime's variable
// name. An empty value is the runtime's default, as if unset.
func (k knobs) userSet(name string) bool {
	v, ok := k.lookupEnv(name)
	return ok && v != ""
}
