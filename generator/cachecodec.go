package generator

import (
	"errors"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/diag"
)

// A content page's cachedPage is its cache entry's Meta, in the cache's
// binary encoding (buildcache.Encoder), field by field in the order of
// the struct; TestCachedPageRoundTrip fails when a field is left out.

// encodeCachedPage is m's encoding.
func encodeCachedPage(m *cachedPage) []byte {
	var e buildcache.Encoder
	e.Blob(m.Links)
	e.Strings(m.Programs)
	e.Bool(m.HasAffiliateLinks)
	e.String(m.TableOfContents)
	e.Strings(m.JSONLD)
	e.Uint(uint64(len(m.Warnings)))
	for _, w := range m.Warnings {
		// Err, the wrapped error, is for errors.Is within one build.
		e.String(w.File)
		e.Int(int64(w.Line))
		e.Int(int64(w.Col))
		e.String(string(w.Severity))
		e.String(string(w.Code))
		e.String(w.Message)
	}
	e.Int(int64(m.ReadingTime))
	e.Int(int64(m.WordCount))
	e.String(m.Summary)
	e.String(m.Description)
	encodeProse(&e, m.Prose)
	e.Sum(m.Post.Order)
	e.Sum(m.Post.List)
	e.Bool(m.HasPost)
	e.Strings(m.Shortcodes)
	e.Strings(m.Pictures)
	e.Sum(m.Pre.Key)
	e.Sum(m.Pre.List)
	return e.Bytes()
}

// decodeCachedPage reads encodeCachedPage's encoding; bytes it did not
// write are an error.
func decodeCachedPage(data []byte) (cachedPage, error) {
	d := buildcache.NewDecoder(data)
	var m cachedPage
	m.Links = packedLinks(d.Blob())
	m.Programs = d.Strings()
	m.HasAffiliateLinks = d.Bool()
	m.TableOfContents = d.String()
	m.JSONLD = d.Strings()
	if n := d.Len(6); n > 0 {
		m.Warnings = make(diag.List, n)
		for i := range m.Warnings {
			m.Warnings[i] = diag.Diagnostic{File: d.String(), Line: int(d.Int()), Col: int(d.Int()),
				Severity: diag.Severity(d.String()), Code: diag.Code(d.String()), Message: d.String()}
		}
	}
	m.ReadingTime, m.WordCount = int(d.Int()), int(d.Int())
	m.Summary, m.Description = d.String(), d.String()
	m.Prose = decodeProse(d)
	m.Post = postSums{Order: d.Sum(), List: d.Sum()}
	m.HasPost = d.Bool()
	m.Shortcodes = d.Strings()
	m.Pictures = d.Strings()
	m.Pre = preSums{Key: d.Sum(), List: d.Sum()}
	if !m.Links.valid() {
		return m, errors.New("corrupted affiliate links")
	}
	return m, d.Err()
}

// encodeProse appends p, for a page's entry and a source's snapshot.
func encodeProse(e *buildcache.Encoder, p proseFacts) {
	e.Sum(p.Sum)
	e.Int(int64(p.Max))
	e.Int(int64(p.Words))
	e.String(p.Summary)
	e.Bool(p.More)
}

// decodeProse reads encodeProse's bytes.
func decodeProse(d *buildcache.Decoder) proseFacts {
	return proseFacts{Sum: d.Sum(), Max: int(d.Int()), Words: int(d.Int()), Summary: d.String(), More: d.Bool()}
}
