package buildcache

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/affsite/affsite/internal/sitefile"
)

// The state is an index and its segments. The index (StateName) is a
// header line (header: format, version, the body's checksum), then the
// SHA-256 of each shard's segment, zero for a shard without entries. A
// segment (segmentsDir/<its SHA-256 in hex>) holds the entries of one
// shard, those whose ids hash to it, in encodeState's encoding; it is
// named by its bytes' sum, so it never changes once written, and it is
// trusted only when its bytes still have that sum. A build that changed
// a few entries writes their shards' segments and the small index, not
// tens of megabytes; each file is replaced atomically, and a build
// reading the index while another saves sees the old state or the new,
// or, when the other build removed a segment it named, that shard as
// empty.

// shards is how many segments the entries are spread over: at 10,000
// pages (26,000 entries, 32 MB) a one-post edit changes twenty or so
// entries, so a few hundred segments keep what it writes to a few
// megabytes.
const shards = 256

// segmentsDir is the folder, inside the cache folder, of the segments.
const segmentsDir = "segments"

// sweepEvery is how many saves, on average, walk the whole objects
// folder (see collect): the others remove only the objects of entries
// they replaced.
const sweepEvery = 16

// unnamedGrace is how long a segment no index names is left, in case a
// build saving beside this one is about to name it.
const unnamedGrace = time.Minute

// shardOf is the shard of entry id: the FNV-1a hash of its bytes (a
// hash fixed across processes, which read one another's states).
func shardOf(id string) int {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint32(id[i])) * 16777619
	}
	return int(h % shards)
}

// sameEntry tells whether two entries record the same thing.
func sameEntry(a, b Entry) bool {
	return a.Key == b.Key && slices.Equal(a.Files, b.Files) && bytes.Equal(a.Meta, b.Meta)
}

// decodeIndex returns the segments an index file names, or false when
// data is not a whole index of this format and version.
func decodeIndex(data []byte, version string) ([shards]Sum, bool) {
	var segs [shards]Sum
	line, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(line)+"\n" != header(version, body) || len(body) != shards*len(Sum{}) {
		return segs, false
	}
	for i := range segs {
		copy(segs[i][:], body[i*len(Sum{}):])
	}
	return segs, true
}

// readSegments reads the segments segs names into c.prev, on a few
// goroutines; a segment that is gone or damaged leaves its shard empty
// (and marked changed, so that Save writes it again).
func (c *Cache) readSegments(segs [shards]Sum) {
	parts := make([]map[string]Entry, shards)
	var wg sync.WaitGroup
	const workers = 4
	for w := range workers {
		wg.Go(func() {
			for i := w; i < shards; i += workers {
				if segs[i] != (Sum{}) {
					parts[i] = c.readSegment(segs[i])
				}
			}
		})
	}
	wg.Wait()
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	c.prev = make(map[string]Entry, n)
	for i, p := range parts {
		if segs[i] != (Sum{}) && p == nil {
			c.changed[i] = true
			continue
		}
		c.segs[i], c.count[i] = segs[i], len(p)
		for id, e := range p {
			c.prev[id] = e
		}
	}
}

// readSegment returns the entries of segment sum, or nil when it is gone
// or is not what its name says.
func (c *Cache) readSegment(sum Sum) map[string]Entry {
	data, err := sitefile.ReadOwn(c.segment(sum))
	if err != nil || Sum(sha256.Sum256(data)) != sum {
		return nil
	}
	entries, err := decodeState(data)
	if err != nil {
		return nil
	}
	return entries
}

// segment is the path of segment sum.
func (c *Cache) segment(sum Sum) string {
	return filepath.Join(c.dir, segmentsDir, sum.String())
}

// Save writes this build's state, replacing the last one atomically (a
// temporary file renamed over the index, so a build reading it
// concurrently sees the old state or the new, never part of one), then
// removes the segments and objects no entry of the new state names. It
// lets the last build's state go first: Lookup finds nothing after Save.
// A state the same as the one read (a build that changed nothing) is
// left as it is; of one that changed, only the changed shards' segments
// are written.
func (c *Cache) Save() error {
	c.mu.Lock()
	last := c.prev
	c.prev = map[string]Entry{}
	var count [shards]int
	for id := range c.next {
		count[shardOf(id)]++
	}
	byShard := make([]map[string]Entry, shards)
	for id, e := range c.next {
		if i := shardOf(id); c.changed[i] || count[i] != c.count[i] {
			if byShard[i] == nil {
				byShard[i] = map[string]Entry{}
			}
			byShard[i][id] = e
		}
	}
	c.mu.Unlock()
	segs, wrote, err := c.writeSegments(byShard, count)
	if err != nil {
		return err
	}
	if !wrote && segs == c.segs && c.read {
		return nil
	}
	body := make([]byte, 0, shards*len(Sum{}))
	for _, s := range segs {
		body = append(body, s[:]...)
	}
	index := append([]byte(header(c.version, body)), body...)
	err = replaceWith(filepath.Join(c.dir, StateName), func(tmp string) error {
		return writeNew(tmp, 0o600, true, bytes.NewReader(index))
	})
	if err != nil {
		return err
	}
	c.segs, c.read = segs, true
	if err := c.collectSegments(segs); err != nil {
		return err
	}
	return c.collect(last)
}

// writeSegments returns the segment of each shard, writing those of the
// shards that changed. A shard that did not change (none of its entries
// differs and it holds as many) keeps its segment, unless another build
// removed it meanwhile.
func (c *Cache) writeSegments(byShard []map[string]Entry, count [shards]int) ([shards]Sum, bool, error) {
	var segs [shards]Sum
	wrote := false
	if err := os.MkdirAll(filepath.Join(c.dir, segmentsDir), 0o755); err != nil {
		return segs, false, err
	}
	for i := range segs {
		if !c.changed[i] && count[i] == c.count[i] {
			segs[i] = c.segs[i]
			if _, err := os.Lstat(c.segment(segs[i])); segs[i] == (Sum{}) || err == nil {
				continue
			}
			byShard[i] = c.shardEntries(i)
		}
		if count[i] == 0 {
			continue
		}
		data := encodeState(byShard[i])
		segs[i] = sha256.Sum256(data)
		name := c.segment(segs[i])
		err := replaceWith(name, func(tmp string) error { return writeNew(tmp, 0o600, false, bytes.NewReader(data)) })
		if err != nil {
			return segs, false, err
		}
		wrote = true
	}
	return segs, wrote, nil
}

// shardEntries returns this build's entries of shard i.
func (c *Cache) shardEntries(i int) map[string]Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := map[string]Entry{}
	for id, e := range c.next {
		if shardOf(id) == i {
			m[id] = e
		}
	}
	return m
}

// collectSegments removes the segments segs does not name, once older
// than unnamedGrace (another build may be saving an index that names
// them), and temporary files of saves that died.
func (c *Cache) collectSegments(segs [shards]Sum) error {
	dir := filepath.Join(c.dir, segmentsDir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	named := make(map[string]bool, shards)
	for _, s := range segs {
		named[s.String()] = true
	}
	for _, e := range entries {
		if named[e.Name()] {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < unnamedGrace {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// collect removes the objects the new state does not name. Most saves
// remove only those of the last build's entries (last) that this one
// replaced or dropped; one in sweepEvery, and every save that did not
// start from a whole index, walks the objects folder for any object
// not named, and temporary files left by builds that died. Another
// build sharing the folder may lose objects it was about to reuse: it
// then renders them, since every object is checked before use.
func (c *Cache) collect(last map[string]Entry) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.read || len(last) == 0 || rand.IntN(sweepEvery) == 0 {
		return c.sweep()
	}
	keys := make(map[Sum]bool, len(c.next))
	for _, e := range c.next {
		keys[e.Key] = true
	}
	for _, e := range last {
		if keys[e.Key] {
			continue // kept, or its objects may be named still
		}
		for _, f := range e.Files {
			if err := os.Remove(c.Object(e.Key, f.Name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// sweep removes every object (and temporary file) under the objects
// folder that no entry of the new state names; c.mu is held.
func (c *Cache) sweep() error {
	keep := map[string]bool{}
	for _, e := range c.next {
		for _, f := range e.Files {
			keep[c.Object(e.Key, f.Name)] = true
		}
	}
	root := filepath.Join(c.dir, objectsDir)
	return sitefile.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !keep[p] {
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		return nil
	})
}
