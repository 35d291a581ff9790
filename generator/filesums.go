package generator

import (
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/internal/fileid"
)

// fileSums is the build cache's index of the site files whose bytes the
// global key holds (templates, data, static CSS and JavaScript, product
// pictures): the SHA-256 of each, with the stat data it was taken at,
// so that a file whose size, modification and change times and inode
// are as they were is not read again — git's index does the same. A
// file changed less than a racyWindow before the index was made (its
// times too close to tell an edit that followed the read) is read again
// every build until it is older.
type fileSums struct {
	mu     sync.Mutex
	last   map[string]fileSum // the last build's, by site path
	next   map[string]fileSum
	now    time.Time     // when this build's index was begun
	seen   int64         // when the last build's index was begun (ns)
	window time.Duration // racyWindow
	// lastMeta is the last build's entry as read, recorded again when
	// this build read no file (so an unchanged build saves nothing).
	lastMeta []byte
	read     bool // a file was read this build
}

// fileSum is one file's entry.
type fileSum struct {
	Size, ModTime, ChangeTime int64
	Inode                     uint64
	Sum                       buildcache.Sum
}

// racyWindow is how long after a read a file's times must be before its
// entry is trusted.
const racyWindow = time.Second

// fileSumsID names the index's cache entry; its key is fixed, the
// index being checked entry by entry.
const fileSumsID = "generator: site file sums"

// openFileSums reads the last build's index from c (nil: no cache).
func openFileSums(c *buildcache.Cache, now time.Time) *fileSums {
	sums := &fileSums{last: map[string]fileSum{}, next: map[string]fileSum{}, now: now, window: racyWindow}
	if c == nil {
		return sums
	}
	e, ok := c.Last(fileSumsID)
	if !ok {
		return sums
	}
	d := buildcache.NewDecoder(e.Meta)
	seen := d.Int()
	n := d.Len(1)
	last := make(map[string]fileSum, n)
	for range n {
		name := d.String()
		last[name] = fileSum{Size: d.Int(), ModTime: d.Int(), ChangeTime: d.Int(), Inode: d.Uint(), Sum: d.Sum()}
	}
	if d.Err() == nil {
		sums.last, sums.seen, sums.lastMeta = last, seen, e.Meta
	}
	return sums
}

// sum returns the SHA-256 of the file at full (site path name), from the
// last build's index when its stat data are the same and old enough.
func (f *fileSums) sum(name, full string) (buildcache.Sum, error) {
	st, err := os.Stat(full) // follows a symbolic link, as the build does
	if err != nil {
		return buildcache.Sum{}, err
	}
	now := statSum(st)
	f.mu.Lock()
	old, ok := f.last[name]
	f.mu.Unlock()
	trusted := ok && old.trusted(now, f.seen, f.window)
	if trusted {
		now.Sum = old.Sum
	} else if now.Sum, err = buildcache.SumFile(full); err != nil {
		return buildcache.Sum{}, err
	}
	f.mu.Lock()
	f.read = f.read || !trusted
	f.next[name] = now
	f.mu.Unlock()
	return now.Sum, nil
}

// trusted tells whether the file now at st is the one old was taken
// of: the same stat data, and times older than readAt (ns) by more than
// window (an edit in the same clock tick as the read could leave them
// equal).
func (old fileSum) trusted(st fileSum, readAt int64, window time.Duration) bool {
	return old.Size == st.Size && old.ModTime == st.ModTime && old.ChangeTime == st.ChangeTime &&
		old.Inode == st.Inode && max(st.ModTime, st.ChangeTime) < readAt-int64(window)
}

// statSum is a fileSum of st without its sum.
func statSum(st fs.FileInfo) fileSum {
	s := fileSum{Size: st.Size(), ModTime: st.ModTime().UnixNano()}
	if id, ok := fileid.Of(st); ok && id.ChangeTime != 0 {
		s.ChangeTime, s.Inode = id.ChangeTime, id.Ino
	} else {
		s.ChangeTime = time.Now().UnixNano() // never old enough: always read
	}
	return s
}

// record puts this build's index in c, for the next build.
func (f *fileSums) record(c *buildcache.Cache) {
	f.mu.Lock()
	if !f.read && len(f.next) == len(f.last) && f.lastMeta != nil {
		f.mu.Unlock()
		c.Record(fileSumsID, buildcache.Entry{Meta: f.lastMeta})
		return
	}
	var e buildcache.Encoder
	e.Int(f.now.UnixNano())
	names := sortedKeys(f.next)
	e.Uint(uint64(len(names)))
	for _, n := range names {
		s := f.next[n]
		e.String(n)
		e.Int(s.Size)
		e.Int(s.ModTime)
		e.Int(s.ChangeTime)
		e.Uint(s.Inode)
		e.Sum(s.Sum)
	}
	f.mu.Unlock()
	c.Record(fileSumsID, buildcache.Entry{Meta: e.Bytes()})
}
