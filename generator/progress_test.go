package generator_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// Options.Progress hears of the pages as they render, in order, never
// more than once a page, and always of the last one.
func TestProgress(t *testing.T) {
	t.Parallel()
	var site strings.Builder
	site.WriteString("-- site.toml --\ntitle = \"P\"\nbaseURL = \"https://example.com/\"\n")
	const pages = 40
	for i := range pages {
		fmt.Fprintf(&site, "-- content/posts/p%d.md --\n---\ntitle: P%d\n---\nText.\n", i, i)
	}
	var calls [][2]int
	b := buildSite(t, site.String(), func(o *generator.Options) {
		o.Workers = 4
		o.Progress = func(done, total int) { calls = append(calls, [2]int{done, total}) }
	})
	if b.report.Pages != pages {
		t.Fatalf("built %d pages, want %d", b.report.Pages, pages)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{pages, pages} {
		t.Fatalf("calls = %v, want the last to be {%d %d}", calls, pages, pages)
	}
	for i, c := range calls {
		if c[1] != pages || (i > 0 && c[0] <= calls[i-1][0]) {
			t.Errorf("call %d = %v after %v", i, c, calls[max(i-1, 0)])
		}
	}
	// Rate-limited: 40 quick pages are reported in a few calls.
	if len(calls) > pages/2 {
		t.Errorf("%d calls for %d pages: not rate-limited", len(calls), pages)
	}
}
