package generator

import (
	"html/template"
	"strings"
)

// A content page's list facts live from the time its file is read until
// the lists are written, and at 100,000 pages the collector's marking of
// them, about 30 objects a page, is what grows faster than the pages
// (bench/README.md, sixth and seventh sessions). Once the pages are
// read, compactPages moves what a page keeps into fewer objects: its own
// strings (title, description, summary, slug, URLs, the front matter's
// string values) into one string a page, its tags and categories into
// one array; once the site is assembled, compactTerms its terms. The values stay
// equal, so the output does not change; only the collector sees fewer
// objects to mark.

// compactPages compacts every page of srcs as it was read (its strings,
// tags and categories), before the site is assembled: what assembling
// keeps of a page (its URL's sub-id prefix, its slug) is then the
// compacted strings, not a second copy.
func compactPages(srcs []*source) {
	for _, s := range srcs {
		compactStrings(s.page, s)
		if p := s.page; len(p.Tags) > 0 && len(p.Categories) > 0 {
			p.Tags, p.Categories = joinTwo(p.Tags, p.Categories)
		}
	}
}

// compactTerms moves each assembled page's terms of its tags and of
// its categories into one array.
func compactTerms(srcs []*source) {
	for _, s := range srcs {
		if p := s.page; len(p.TagTerms) > 0 && len(p.CategoryTerms) > 0 {
			p.TagTerms, p.CategoryTerms = joinTwo(p.TagTerms, p.CategoryTerms)
		}
	}
}

// joinTwo is a and b, copied into one array: a has no room to spare,
// so an append to it copies it and never writes over b.
func joinTwo[T any](a, b []T) ([]T, []T) {
	both := make([]T, 0, len(a)+len(b))
	both = append(append(both, a...), b...)
	return both[:len(a):len(a)], both[len(a):]
}

// compactStrings makes p's own strings, and the string values of its
// front matter, substrings of one string, equal values one substring.
func compactStrings(p *Page, s *source) {
	summary := string(p.Summary)
	fields := []*string{&p.Title, &p.Description, &summary, &p.Slug, &p.Program, &p.RelPermalink, &p.Permalink, &s.outPath}
	var keys []string
	for k, v := range p.Params {
		if _, ok := v.(string); ok {
			keys = append(keys, k)
		}
	}
	values := make([]string, len(keys))
	for i, k := range keys {
		values[i] = p.Params[k].(string)
		fields = append(fields, &values[i])
	}
	packStrings(fields)
	p.Summary = template.HTML(summary)
	for i, k := range keys {
		p.Params[k] = values[i]
	}
}

// packStrings replaces the strings fields point at by substrings of one
// string that holds each distinct value once.
func packStrings(fields []*string) {
	at := make(map[string]int, len(fields)) // a value → its offset
	size := 0
	for _, f := range fields {
		if _, ok := at[*f]; !ok && *f != "" {
			at[*f] = size
			size += len(*f)
		}
	}
	var sb strings.Builder
	sb.Grow(size)
	for _, f := range fields {
		if at[*f] == sb.Len() && *f != "" {
			sb.WriteString(*f)
		}
	}
	all := sb.String()
	for _, f := range fields {
		if *f != "" {
			off := at[*f]
			*f = all[off : off+len(*f)]
		}
	}
}
