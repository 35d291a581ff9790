package generator

import (
	"html/template"
	"reflect"
	"testing"
	"time"
)

// TestPageFacts: which edits of a page move it in lists (order facts),
// change only what lists show of it (list facts), or neither.
func TestPageFacts(t *testing.T) {
	t.Parallel()
	base := func() *source {
		return &source{outPath: "posts/a/index.html", page: &Page{
			Title: "A", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Tags: []string{"x"},
			Params:  map[string]any{"title": "A", "rating": 4, "series": []any{"s1"}},
			Summary: "<p>Sum</p>", WordCount: 120, ReadingTime: 1, Content: "<p>Body</p>",
		}}
	}
	tests := []struct {
		name            string
		edit            func(s *source)
		order, list, wc bool // order facts differ; list facts differ; with word count shown
	}{
		{"nothing", func(s *source) {}, false, false, false},
		{"a rendered field", func(s *source) { s.page.Content = "<p>Other</p>"; s.page.HasAffiliateLinks = true }, false, false, false},
		{"a parameter lists print", func(s *source) { s.page.Params["rating"] = 5 }, true, true, true},
		{"a custom taxonomy", func(s *source) { s.page.Params["series"] = []any{"s2"} }, true, true, true},
		{"a new parameter", func(s *source) { s.page.Params["image"] = "/a.png" }, true, true, true},
		{"the title", func(s *source) { s.page.Title = "B" }, true, true, true},
		{"the output path", func(s *source) { s.outPath = "a/index.html" }, true, true, true},
		{"the summary", func(s *source) { s.page.Summary = template.HTML("<p>Other</p>") }, false, true, true},
		{"the word count only", func(s *source) { s.page.WordCount = 121 }, false, false, true},
	}
	for _, tt := range tests {
		old, s := base(), base()
		tt.edit(s)
		if got := orderFacts(old) != orderFacts(s); got != tt.order {
			t.Errorf("%s: order facts differ = %v, want %v", tt.name, got, tt.order)
		}
		if got := listFacts(old, false) != listFacts(s, false); got != tt.list {
			t.Errorf("%s: list facts differ = %v, want %v", tt.name, got, tt.list)
		}
		if got := listFacts(old, true) != listFacts(s, true); got != tt.wc {
			t.Errorf("%s: list facts with word count differ = %v, want %v", tt.name, got, tt.wc)
		}
	}
}

// TestPageFactsHoldNoPointers: a fact is compared by its printed value,
// so a field that holds pointers (other pages, terms, the site, a
// function) must be named in pageFieldRole as made by assembling or
// rendering; printed, its addresses would differ in every build, and
// every edit would re-sort every list and miss the build cache.
func TestPageFactsHoldNoPointers(t *testing.T) {
	t.Parallel()
	var holdsPointers func(reflect.Type) bool
	holdsPointers = func(t reflect.Type) bool {
		switch t.Kind() {
		case reflect.Pointer, reflect.Func, reflect.Chan, reflect.UnsafePointer:
			return true
		case reflect.Slice, reflect.Array:
			return holdsPointers(t.Elem())
		case reflect.Map:
			return holdsPointers(t.Key()) || t.Elem().Kind() != reflect.Interface && holdsPointers(t.Elem())
		case reflect.Struct:
			if t == reflect.TypeOf(time.Time{}) {
				return false // its location pointer is printed by name
			}
			for i := range t.NumField() {
				if holdsPointers(t.Field(i).Type) {
					return true
				}
			}
		}
		return false
	}
	pt := reflect.TypeOf(Page{})
	for i := range pt.NumField() {
		f := pt.Field(i)
		if pageFieldRole(f.Name) != notAFact && holdsPointers(f.Type) {
			t.Errorf("Page.%s (%s) holds pointers but is a fact: name it in pageFieldRole", f.Name, f.Type)
		}
	}
}
