package generator

import (
	"sync"
	"time"
)

// progressInterval is how often Options.Progress is called at most.
const progressInterval = 100 * time.Millisecond

// progress returns what a render worker calls after each of total pages:
// it passes the count to Options.Progress, one call at a time, at most
// every progressInterval, and always for the last page.
func (b *builder) progress(total int) func() {
	report := b.opts.Progress
	if report == nil {
		return func() {}
	}
	var mu sync.Mutex
	var last time.Time
	done := 0
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		if now := time.Now(); done == total || now.Sub(last) >= progressInterval {
			last = now
			report(done, total)
		}
	}
}
