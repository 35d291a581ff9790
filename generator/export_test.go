package generator

import (
	"os"
	"time"
)

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

// WithClock is opts with the build cache taking the time a content
// file's stat data were read from clock, so that a test places files
// inside or outside the racy window whatever the machine's load.
func WithClock(opts Options, clock func() time.Time) Options {
	opts.clock = clock
	return opts
}

// StatTime is the later of the file's modification and change times, as
// the build cache's racy window compares them.
func StatTime(file string) (time.Time, error) {
	st, err := os.Stat(file)
	if err != nil {
		return time.Time{}, err
	}
	s := statSum(st)
	return time.Unix(0, max(s.ModTime, s.ChangeTime)), nil
}

// RacyWindow is how long after a read a file's times must be before its
// stat data are trusted.
const RacyWindow = racyWindow
