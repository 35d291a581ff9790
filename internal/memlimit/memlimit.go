// Package memlimit sets the Go runtime's soft memory limit for a build
// of a number of pages: a build keeps each page's list facts until its
// lists are written, and without a limit the collector would let the
// heap grow to twice what is live.
package memlimit

import (
	"math"
	"runtime/debug"
)

// The memory a build may keep, in bytes: a base for the templates, the
// data and the pages in flight, and a share for each page, whose list
// facts (title, dates, terms, summary, card) live until the lists are
// written. Measured with gencorpus, a page keeps 6–8 KiB of live heap
// (bench/README.md); its share leaves the collector room above that,
// and the process's memory stays under 200 MiB at 10,000 pages.
//
// Beyond memoryLargeFrom pages each further page has a smaller share:
// the heap a page keeps does not grow with the site, and the collector's
// room above what is live need not grow as fast as the pages (100,000
// pages keep 420–580 MB live; under their 888 MiB the process peaked at
// 970 MiB, bench/README.md).
const (
	memoryBase    = 48 << 20
	memoryPerPage = 11 << 10
	// memoryLargeFrom and memoryPerLargePage: the pages from which the
	// share is memoryPerLargePage instead of memoryPerPage.
	memoryLargeFrom    = 20000
	memoryPerLargePage = 8 << 10
	// memoryPerCachedPage is a page's further share when the build
	// cache is on: its keys and state are held until the cache is
	// saved.
	memoryPerCachedPage = 12 << 10
	// LimitFrom is the fewest pages a build limits its memory for: below it the pages' share is small beside what a site's
	// data or images may take, and memory is no concern.
	LimitFrom = 2000
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

// Limit sets the Go runtime's soft memory limit for rendering n
// pages (with the build cache on or not) and returns the function that
// puts the previous limit back. Without a limit, the collector lets the
// heap grow to twice what is live (GOGC=100), and the process's memory
// to about three times; with one, it collects more often as the heap
// nears the budget, so memory grows with the pages by their share and
// not by twice their share. A limit set already (GOMEMLIMIT, or a build
// running beside this one in the same process) is left as it is, and so
// is a build of fewer than LimitFrom pages. The limit is soft: a
// build that needs more memory gets it, at the price of more
// collections (the runtime gives them at most half the CPU).
func Limit(n int, cached bool) (restore func()) {
	if n < LimitFrom {
		return func() {}
	}
	budget := Budget(n, cached)
	restoreLimit := swapLimit(debug.SetMemoryLimit, budget)
	if !cached || debug.SetMemoryLimit(-1) != budget {
		return restoreLimit
	}
	restoreGC := swapGCPercent(debug.SetGCPercent)
	return func() {
		restoreGC()
		restoreLimit()
	}
}

// cachedGCPercent is GOGC while a build with the cache renders under its
// own limit: most of its pages are reused, its heap is mostly what lives
// to the end (the last build's records, the site value), and collecting
// at each doubling of it took a fifth of a warm build's CPU. The limit
// still bounds the heap.
const cachedGCPercent = 400

// swapGCPercent sets cachedGCPercent with set (debug.SetGCPercent) when
// GOGC is the default (not set by the user, nor by a build running
// beside this one), and returns the function that puts it back.
func swapGCPercent(set func(int) int) (restore func()) {
	if prev := set(cachedGCPercent); prev != 100 {
		set(prev)
		return func() {}
	}
	return func() { set(100) }
}

// swapLimit sets limit with set (debug.SetMemoryLimit) unless a limit
// is set already, and returns the function that puts the previous one
// back.
func swapLimit(set func(int64) int64, limit int64) (restore func()) {
	prev := set(-1) // a negative limit reads the current one
	if prev != math.MaxInt64 {
		return func() {}
	}
	set(limit)
	return func() { set(prev) }
}
