package generator

import (
	"bytes"
	"sync"
	"time"
)

// Session keeps a site built in memory and rebuilds it on request, for
// the preview server. A failed rebuild leaves the last good build in
// place.
type Session struct {
	opts Options

	mu    sync.Mutex
	files *MemOutput
}

// RebuildReport tells what a rebuild changed.
type RebuildReport struct {
	*Report
	// Changed and Removed list the output files (slash paths, as in
	// MemOutput) that differ from the previous build, sorted.
	Changed []string
	Removed []string
}

// NewSession returns a session for the site opts describe. opts.Output
// and opts.Dest are ignored: the session keeps its files in memory.
func NewSession(opts Options) *Session {
	opts.Output = nil
	return &Session{opts: opts}
}

// Files returns the last good build, or nil before the first one.
func (s *Session) Files() *MemOutput {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files
}

// Rebuild builds the site again after the files named in changed (paths
// relative to the site root; empty means unknown) were edited, and
// reports which output files differ.
func (s *Session) Rebuild(changed []string) (*RebuildReport, error) {
	start := time.Now()
	out := NewMemOutput()
	opts := s.opts
	opts.Output = out
	rep, err := Build(opts)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	prev := s.files
	s.files = out
	s.mu.Unlock()
	rr := &RebuildReport{Report: rep}
	rr.Changed, rr.Removed = diffOutputs(prev, out)
	rr.Duration = time.Since(start)
	return rr, nil
}

// diffOutputs lists the files of next that are new or different from
// prev, and the files of prev that next lacks.
func diffOutputs(prev, next *MemOutput) (changed, removed []string) {
	if prev == nil {
		return next.Names(), nil
	}
	for _, n := range next.Names() {
		old, ok := prev.File(n)
		cur, _ := next.File(n)
		if !ok || !bytes.Equal(old, cur) {
			changed = append(changed, n)
		}
	}
	for _, n := range prev.Names() {
		if _, ok := next.File(n); !ok {
			removed = append(removed, n)
		}
	}
	return changed, removed
}
