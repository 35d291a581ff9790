package generator

import "github.com/affsite/affsite/internal/memlimit"

// limitForSources sets the memory limit of a build that writes to disk
// for its files content files before it reads them, so that the heap
// reading a large site grows under the limit too, not to twice what is
// live (the limit render would set comes too late: reading 100,000
// sources took 940–970 MiB without it). A site of several languages is
// left to render's limit, one language at a time. run puts the limit
// back (releaseMemory).
func (b *builder) limitForSources(files int) {
	if b.opts.Output != nil || b.multilingual() || b.unlimit != nil {
		return
	}
	b.unlimit = memlimit.Limit(files, b.cache != nil)
}

// releaseMemory puts back the limit limitForSources set, if it did.
func (b *builder) releaseMemory() {
	if b.unlimit != nil {
		b.unlimit()
		b.unlimit = nil
	}
}
