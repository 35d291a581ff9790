package generator

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/affsite/affsite/bench/corpus"
)

// TestRenderLentBuffer: a page rendered from a buffer the build lends
// (renderFirst) keeps nothing of it: rendered one after another on one
// goroutine, so that each reuses the last one's buffer, in one order and
// the other, the pages' HTML is the same, and each page's state keeps
// its own front matter as written.
func TestRenderLentBuffer(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "site")
	if err := corpus.Generate(dir, 12); err != nil {
		t.Fatal(err)
	}
	render := func(reverse bool) map[string]template.HTML {
		b, err := newBuilder(Options{Source: dir, Output: NewMemOutput()})
		if err != nil {
			t.Fatal(err)
		}
		b.out = NewMemOutput()
		if _, err := b.run(); err != nil {
			t.Fatal(err)
		}
		srcs := slices.Clone(b.srcs)
		if reverse {
			slices.Reverse(srcs)
		}
		var kept []renderedBody
		for _, s := range srcs {
			rb := b.renderFirst(s)
			if rb.err != nil {
				t.Fatal(rb.err)
			}
			kept = append(kept, rb)
		}
		html := map[string]template.HTML{}
		for i, s := range srcs {
			raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(s.file)))
			if err != nil {
				t.Fatal(err)
			}
			if fm := kept[i].state.FrontMatter; !bytes.Equal(fm, raw[:s.bodyStart]) {
				t.Errorf("%s: the state's front matter is %q after the other pages were read", s.file, fm)
			}
			html[s.file] = s.page.Content
		}
		return html
	}
	forward, backward := render(false), render(true)
	if len(forward) < 12 {
		t.Fatalf("%d pages rendered", len(forward))
	}
	for file, h := range forward {
		if h == "" || h != backward[file] {
			t.Errorf("%s renders differently after other pages (%d and %d bytes)", file, len(h), len(backward[file]))
		}
	}
}
