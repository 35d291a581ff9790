package generator

import (
	"fmt"
	"strings"
	"testing"
)

// countingLinks classifies links to aff.example as program p's and
// counts what it is asked.
type countingLinks map[string]int

func (c countingLinks) classify(href string) (string, bool) {
	c[href]++
	if strings.Contains(href, "aff.example") {
		return "p", true
	}
	return "", false
}

// TestPageLinks: a page's classifier tells what the build's tells, and
// asks it once for each of the page's first maxPageLinks hrefs.
func TestPageLinks(t *testing.T) {
	t.Parallel()
	build := countingLinks{}
	p := &pageLinks{links: build}
	var hrefs []string
	for i := range maxPageLinks + 5 {
		hrefs = append(hrefs, fmt.Sprintf("https://aff.example/%d", i), fmt.Sprintf("/local/%d/", i))
	}
	for range 3 {
		for _, h := range hrefs {
			prog, ok := p.classify(h)
			if wantProg, wantOK := (countingLinks{}).classify(h); prog != wantProg || ok != wantOK {
				t.Errorf("classify(%q) = %q, %v; the build's classifier says %q, %v", h, prog, ok, wantProg, wantOK)
			}
		}
	}
	for i, h := range hrefs {
		want := 1
		if i >= maxPageLinks {
			want = 3 // not kept: asked each time
		}
		if build[h] != want {
			t.Errorf("%q: the build's classifier was asked %d times, want %d", h, build[h], want)
		}
	}
}
