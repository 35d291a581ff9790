package generator

import "time"

// WithoutRacyWindow is opts with the build cache trusting a file's stat
// data as soon as they are older than its last read, so that tests,
// which write files just before building, reuse snapshots and sums.
func WithoutRacyWindow(opts Options) Options {
	opts.racyWindow = time.Nanosecond
	return opts
}

// SnapshotsUsed is how many content files the build that made r took
// from their snapshots in the build cache instead of reading them.
func SnapshotsUsed(r *Report) int { return r.snapshots }
