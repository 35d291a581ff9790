package generator

import (
	"context"
	"maps"

	"github.com/affsite/affsite/buildcache"
)

// A preview Session's first build with a warm cache leaves the pages it
// reused in the cache's objects, checked but not read (memCache.place):
// reading 16,000 of them (270 MB at 10,000 posts) before the first page
// is served was most of a warm start. A lazy file's bytes are read on
// first use (File), or all at once by Prefetch, which the preview calls
// once the server is up. An object that is no longer what the cache
// recorded (another session sharing the folder removed it) is never
// served: the file reads as missing, and the output as lost, so that
// the session's next rebuild builds all (and the preview starts one).

// lazyFile is an output file held by the build cache: the object of f,
// of an entry whose key is key.
type lazyFile struct {
	c   *buildcache.Cache
	key buildcache.Sum
	f   buildcache.File
}

// setLazy makes name the object lz, in place of any bytes.
func (m *MemOutput) setLazy(name string, lz lazyFile) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.lazy == nil {
		m.lazy = map[string]lazyFile{}
	}
	delete(m.files, name)
	m.lazy[name] = lz
}

// load reads the lazy file name (lz) and keeps its bytes, unless it was
// written meanwhile.
func (m *MemOutput) load(name string, lz lazyFile) ([]byte, bool) {
	data, err := lz.c.Read(lz.key, lz.f)
	m.mu.Lock()
	defer m.mu.Unlock()
	if cur, ok := m.lazy[name]; !ok || cur != lz {
		b, ok := m.files[name]
		return b, ok
	}
	delete(m.lazy, name)
	if err != nil {
		m.lost = true
		return nil, false
	}
	m.files[name] = data
	return data, true
}

// Prefetch reads every file the build cache still holds for m into
// memory, until ctx is done, and reports whether every file it read
// could be read: false means a page is missing from m, and the site
// must be built again.
func (m *MemOutput) Prefetch(ctx context.Context) bool {
	m.mu.Lock()
	names := sortedKeys(m.lazy)
	m.mu.Unlock()
	for _, n := range names {
		if ctx.Err() != nil {
			break
		}
		m.File(n)
	}
	return !m.Lost()
}

// Lost tells whether a file the build cache held for m could not be
// read.
func (m *MemOutput) Lost() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lost
}

// clone is a copy of m, lazy files included, for a rebuild to change.
func (m *MemOutput) clone() *MemOutput {
	m.mu.Lock()
	defer m.mu.Unlock()
	return &MemOutput{files: maps.Clone(m.files), lazy: maps.Clone(m.lazy), lost: m.lost}
}

// count is how many files m holds.
func (m *MemOutput) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.files) + len(m.lazy)
}

// names lists the files, lazy ones included, sorted; m.mu is held.
func (m *MemOutput) names() []string {
	if len(m.lazy) == 0 {
		return sortedKeys(m.files)
	}
	all := maps.Clone(m.files)
	for n := range m.lazy {
		all[n] = nil
	}
	return sortedKeys(all)
}
