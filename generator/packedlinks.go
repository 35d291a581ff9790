package generator

import (
	"encoding/binary"
	"slices"
	"unsafe"

	"github.com/affsite/affsite/buildcache"
)

// packedLinks are one page's affiliate links (ManifestLink, less the
// page and file, which are the page's own) in the build cache's
// encoding: one pointer-free buffer a page instead of six strings a
// link, so that the collector has nothing to follow in them while a
// large site's pages wait for their lists (bench/README.md, sixth
// session). The cache stores them as they are (cachecodec.go).
type packedLinks []byte

// packLinks packs links, all of one page.
func packLinks(links []ManifestLink) packedLinks {
	if len(links) == 0 {
		return nil
	}
	var e buildcache.Encoder
	e.Uint(uint64(len(links)))
	for _, l := range links {
		e.Int(int64(l.Line))
		for _, s := range []string{l.Program, l.Plan, l.Placement, l.SubID, l.URL, l.Source} {
			e.String(s)
		}
	}
	return slices.Clone(e.Bytes()) // the encoder's buffer has room to spare
}

// len is the number of links packed.
func (p packedLinks) len() int {
	n, _ := binary.Uvarint(p)
	return int(n)
}

// valid tells whether p is packLinks' encoding, without unpacking it.
func (p packedLinks) valid() bool {
	if len(p) == 0 {
		return true
	}
	d := buildcache.NewDecoder(p)
	for range d.Len(7) {
		d.Int()
		for range 6 {
			d.Blob()
		}
	}
	return d.Err() == nil
}

// unpack appends p's links to out as links of page and file. The
// programs, plans, placements and sources, a few values repeated over
// the whole site, are taken from (and added to) seen, so that a site's
// links share them; the sub-ids and URLs are views of p's bytes, which
// nothing changes once they are packed (at 100,000 pages a copy of them
// for the report was 80 MB at the build's peak). p is packLinks' own
// copy or, for a reused page, a slice of the cache segment buildcache
// read whole into a buffer of its own (sitefile.ReadOwn; decodeState's
// entries share it), which nothing writes either: reading segments into
// a reused buffer would break these views. p must be valid.
func (p packedLinks) unpack(out []ManifestLink, page, file string, seen map[string]string) []ManifestLink {
	if len(p) == 0 {
		return out
	}
	d := buildcache.NewDecoder(p)
	for range d.Len(7) {
		l := ManifestLink{Page: page, File: file, Line: int(d.Int())}
		l.Program, l.Plan, l.Placement = shared(seen, d.Blob()), shared(seen, d.Blob()), shared(seen, d.Blob())
		l.SubID, l.URL, l.Source = view(d.Blob()), view(d.Blob()), shared(seen, d.Blob())
		out = append(out, l)
	}
	return out
}

// shared is b as a string, the one in seen when it holds it.
func shared(seen map[string]string, b []byte) string {
	if s, ok := seen[string(b)]; ok {
		return s
	}
	s := string(b)
	seen[s] = s
	return s
}

// view is b as a string that shares b's bytes.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
