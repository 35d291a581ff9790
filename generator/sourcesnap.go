package generator

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"errors"
	"os"
	"time"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/diag"
)

// A content file's snapshot is what reading it gives the first stage —
// its front matter decoded, the text before the body, what the body's
// prose says (words and summary) and the file's SHA-256 — kept in the
// build cache with the file's stat data, so that a warm build neither
// reads nor parses a file whose size, modification and change times and
// inode are as they were (the rule fileSums follows for site files,
// with its racy window: a file whose times are within racyWindow of the
// snapshot's read is read again). Everything that depends on the site's
// configuration or the other files (cascade, URL, publishing) is done
// again from the snapshot, as from a parse. A page reused from the cache
// does not render, so the body is not kept: one that renders reads its
// file then.

// sourceSnap is one content file's snapshot.
type sourceSnap struct {
	stat   fileSum // Sum: the file's SHA-256
	readAt int64   // when stat was taken, before the read (ns)
	keys   map[string]any
	head   []byte // the file before its body (front matter lines)
	lines  int    // lines before the body
	body   bodyFacts
	// warnings are the front matter's reading's (frontMatter); a
	// snapshot is kept only when there are none, so it does not encode
	// them.
	warnings diag.List
}

// bodyFacts is what summarize reads of a page's body.
type bodyFacts struct {
	prose proseFacts // the whole body's (proseSummaryCached)
	// hasMore tells whether the body has <!--more-->; moreSummary is
	// the prose before it.
	hasMore     bool
	moreSummary string
}

// errSnapFormat is decodeSnap's error for a snapshot of another format.
var errSnapFormat = errors.New("source snapshot of another format")

// readInput reads the content file at full (site path file) for
// readSource, from its snapshot when the build has a cache holding one
// that is still true; the snapshot returned is what the next build gets.
// Its stat.Sum is zero without a cache (page keys are not needed).
func (b *builder) readInput(full, file string) (*sourceSnap, error) {
	max := cmp.Or(b.cfg.SummaryLength, summaryWords)
	pc := b.cache
	var st fileSum
	var at int64
	var statErr error // read only with a cache, which sets it
	if pc != nil {
		st, at, statErr = statContent(full, b.opts.clock)
		if statErr == nil {
			if s, meta, ok := pc.snapshotOf(file, st, max); ok {
				pc.prose.Store(file, s.body.prose)
				pc.snapshots.Add(1)
				pc.keepSnapshot(file, s, meta)
				return s, nil
			}
		}
	}
	buf := b.readBufs.get()
	defer b.readBufs.put(buf)
	src, err := readContentFile(full, file, (*buf)[:0])
	if err != nil {
		return nil, err
	}
	*buf = src // lent: what the snapshot keeps of src is copied out of it
	fm, warnings, err := b.frontMatter(file, src)
	if err != nil {
		return nil, err
	}
	headLen := len(src) - len(fm.Body)
	body := b.bodyFactsOf(file, fm.Body, max)
	if pc == nil {
		return &sourceSnap{keys: fm.Keys, head: bytes.Clone(src[:headLen]), lines: fm.Lines, body: body, warnings: warnings}, nil
	}
	s := newSnapshot(st, at, src, fm.Keys, headLen, fm.Lines, body)
	s.warnings = warnings
	// A file whose front matter gave warnings is read every build, so
	// that they are given every build.
	if statErr == nil && len(fm.Duplicates) == 0 {
		pc.keepSnapshot(file, s, nil)
	}
	return s, nil
}

// snapFormat changes when sourceSnap's encoding or what it holds does.
const snapFormat = 1

// snapID names a content file's snapshot entry.
func snapID(file string) string { return "source " + file }

// snapshotOf returns the last build's snapshot of the content file at
// full (site path file) when its stat data st are the same and old
// enough, and its prose was counted for max words.
func (pc *pageCache) snapshotOf(file string, st fileSum, max int) (*sourceSnap, []byte, bool) {
	e, ok := pc.c.Last(snapID(file))
	if !ok {
		return nil, nil, false
	}
	s, err := decodeSnap(e.Meta)
	if err != nil || !s.trusted(st, pc.statWindow()) || s.body.prose.Max != max {
		return nil, nil, false
	}
	return s, e.Meta, true
}

// trusted tells whether the file now at st is the one the snapshot read
// (fileSum.trusted).
func (s *sourceSnap) trusted(st fileSum, window time.Duration) bool {
	return s.stat.trusted(st, s.readAt, window)
}

// statContent is the stat data of the content file at full, and when it
// was taken, by clock (Options.clock: time.Now unless a test sets it).
func statContent(full string, clock func() time.Time) (fileSum, int64, error) {
	at := clock().UnixNano()
	st, err := os.Stat(full)
	if err != nil {
		return fileSum{}, 0, err
	}
	return statSum(st), at, nil
}

// keepSnapshot records the snapshot for the next build: meta as the last
// build recorded it when it was reused, else s encoded (nothing when its
// front matter has a value the encoding cannot give back exactly).
func (pc *pageCache) keepSnapshot(file string, s *sourceSnap, meta []byte) {
	if meta == nil {
		var ok bool
		if meta, ok = encodeSnap(s); !ok {
			return
		}
	}
	pc.c.Record(snapID(file), buildcache.Entry{Meta: meta})
}

// newSnapshot is the snapshot of a file just read: src its bytes (a
// lent buffer: head, the part before the body, is copied).
func newSnapshot(st fileSum, readAt int64, src []byte, keys map[string]any, headLen, lines int, body bodyFacts) *sourceSnap {
	st.Sum = sha256.Sum256(src)
	return &sourceSnap{stat: st, readAt: readAt, keys: keys, head: bytes.Clone(src[:headLen]), lines: lines, body: body}
}

func encodeSnap(s *sourceSnap) ([]byte, bool) {
	var e buildcache.Encoder
	e.Uint(snapFormat)
	e.Int(s.stat.Size)
	e.Int(s.stat.ModTime)
	e.Int(s.stat.ChangeTime)
	e.Uint(s.stat.Inode)
	e.Sum(s.stat.Sum)
	e.Int(s.readAt)
	e.Bool(s.keys != nil)
	if s.keys != nil && !e.Value(s.keys) {
		return nil, false
	}
	e.Blob(s.head)
	e.Int(int64(s.lines))
	encodeProse(&e, s.body.prose)
	e.Bool(s.body.hasMore)
	e.String(s.body.moreSummary)
	return e.Bytes(), true
}

// decodeSnap reads encodeSnap's bytes; its error is the decoder's (or
// one for another format), and the snapshot is then not used.
func decodeSnap(b []byte) (*sourceSnap, error) {
	d := buildcache.NewDecoder(b)
	if d.Uint() != snapFormat {
		return nil, errSnapFormat
	}
	s := &sourceSnap{}
	s.stat = fileSum{Size: d.Int(), ModTime: d.Int(), ChangeTime: d.Int(), Inode: d.Uint(), Sum: d.Sum()}
	s.readAt = d.Int()
	if d.Bool() {
		s.keys, _ = d.Value().(map[string]any)
		if s.keys == nil {
			return nil, errSnapFormat
		}
	}
	s.head = d.Blob()
	s.lines = int(d.Int())
	s.body.prose = decodeProse(d)
	s.body.hasMore = d.Bool()
	s.body.moreSummary = d.String()
	if err := d.Err(); err != nil {
		return nil, err
	}
	return s, nil
}
