package generator

import (
	"html/template"
	"maps"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// compactSource is a page as readSource and assemble leave it, every
// string a copy of its own.
func compactSource(tags, cats []string) *source {
	c := strings.Clone
	p := &Page{
		Kind: KindPage, Title: c("Kartra review"), Description: c("All of it"), Summary: template.HTML(c("<p>Sum</p>")),
		Slug: c("kartra"), Program: c("kartra"), RelPermalink: c("/posts/kartra/"), Permalink: c("https://x.org/posts/kartra/"),
		Tags: tags, Categories: cats,
		Params: map[string]any{"title": c("Kartra review"), "slug": c("kartra"), "n": 3, "draft": false, "empty": "",
			"nested": map[string]any{"k": c("v")}, "tags": []any{"a"}},
	}
	for _, t := range tags {
		p.TagTerms = append(p.TagTerms, &Term{Name: t})
	}
	for _, t := range cats {
		p.CategoryTerms = append(p.CategoryTerms, &Term{Name: t})
	}
	return &source{page: p, file: "content/posts/kartra.md", outPath: c("posts/kartra/index.html")}
}

// TestCompactPages checks compacting leaves every value of a page as it
// was, puts its own strings in one allocation, and its two lists each
// in one array whose first part has no room to spare.
func TestCompactPages(t *testing.T) {
	for _, tc := range []struct {
		name       string
		tags, cats []string
		joined     bool
	}{
		{"tags and categories", []string{"a", "b"}, []string{"c"}, true},
		{"tags only", []string{"a"}, nil, false},
		{"neither", nil, nil, false},
	} {
		s := compactSource(tc.tags, tc.cats)
		want := *s.page
		want.Params = maps.Clone(s.page.Params)
		wantOut := s.outPath
		compactPages([]*source{s})
		compactTerms([]*source{s})
		p := s.page
		if !reflect.DeepEqual(*p, want) || s.outPath != wantOut {
			t.Fatalf("%s: compacting changed the page:\n%+v\nwant\n%+v", tc.name, *p, want)
		}
		base := unsafe.StringData(p.Title)
		all := []string{p.Description, string(p.Summary), p.Slug, p.Program, p.RelPermalink, p.Permalink, s.outPath, p.Params["title"].(string), p.Params["slug"].(string)}
		size := len(p.Title) + len(p.Description) + len(p.Summary) + len(p.Slug) + len(p.RelPermalink) + len(p.Permalink) + len(s.outPath)
		for _, str := range all {
			off := uintptr(unsafe.Pointer(unsafe.StringData(str))) - uintptr(unsafe.Pointer(base))
			if off+uintptr(len(str)) > uintptr(size) {
				t.Errorf("%s: %q is not in the page's one string", tc.name, str)
			}
		}
		if unsafe.StringData(p.Slug) != unsafe.StringData(p.Program) || unsafe.StringData(p.Title) != unsafe.StringData(p.Params["title"].(string)) {
			t.Errorf("%s: equal values were not one substring", tc.name)
		}
		if !tc.joined {
			continue
		}
		if !adjacent(p.Tags, p.Categories) || !adjacent(p.TagTerms, p.CategoryTerms) {
			t.Errorf("%s: tags and categories, or their terms, not one array with no room after the tags", tc.name)
		}
		_ = append(p.Tags, "z")
		if p.Categories[0] != "c" {
			t.Errorf("%s: an append to the tags wrote over the categories", tc.name)
		}
	}
}

// adjacent tells whether b starts where a ends, a with no room to spare.
func adjacent[T any](a, b []T) bool {
	end := unsafe.Add(unsafe.Pointer(unsafe.SliceData(a)), uintptr(len(a))*unsafe.Sizeof(a[0]))
	return cap(a) == len(a) && end == unsafe.Pointer(unsafe.SliceData(b))
}
