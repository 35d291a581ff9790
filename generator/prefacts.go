package generator

import (
	"crypto/sha256"
	"fmt"

	"github.com/affsite/affsite/buildcache"
)

// A content page's key holds what the page shows of itself before
// rendering (factsOf: every field of Page, by reflection). That is a
// function of the page's file and of what the view key holds (the
// site's files, configuration, cascades, every page's path and URL), so
// a warm build takes its sum from the last build's entry when the view
// key and the file — its stat data and its bytes' SHA-256, as the
// source snapshot checks them — are the same, instead of reading the
// fields of all 10,000 pages again (a fifth of a warm build's CPU).

// preSums is a content page's facts before rendering as a sum (List),
// with the sum of what they were read from (Key, preKey).
type preSums struct {
	Key, List buildcache.Sum
}

// preFacts returns the sums of s's page's facts before rendering, from
// the last build's entry when its Key is this build's.
func (pc *pageCache) preFacts(s *source) preSums {
	if f, ok := pc.pre[s]; ok {
		// The view key read them (pages that read lists): it cannot
		// key them too.
		return preSums{List: sha256.Sum256([]byte(f.list(true)))}
	}
	key := pc.preKey(s)
	if m, ok := pc.lastMetaAny("page " + s.file); ok && key != (buildcache.Sum{}) && m.Pre.Key == key {
		return m.Pre
	}
	return preSums{Key: key, List: sha256.Sum256([]byte(factsOf(s).list(true)))}
}

// preKey is the sum of what s's page's facts are read from: the view
// key, the file's path, stat data and bytes. A file with no stat data
// (no cache, or no source snapshot) gets no key, and is read.
func (pc *pageCache) preKey(s *source) buildcache.Sum {
	if s.stat.Sum == (buildcache.Sum{}) {
		return buildcache.Sum{}
	}
	h := sha256.New()
	h.Write(pc.view[:])
	st := s.stat
	fields(h, "page facts", s.file, fmt.Sprint(st.Size, st.ModTime, st.ChangeTime, st.Inode))
	h.Write(st.Sum[:])
	var key buildcache.Sum
	h.Sum(key[:0])
	return key
}
