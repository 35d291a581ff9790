package generator

import (
	"testing"

	"github.com/affsite/affsite/siteconfig"
	"github.com/yuin/goldmark/ast"
)

// titleCases are headings whose titles plainTitle writes (plain words,
// other scripts, punctuation the renderer copies) and those it leaves
// to the renderer: references, escapes, markup characters, quotes the
// typographer replaces, inline markup, breaks of a setext heading, NUL.
var titleCases = []string{
	"# Plain words only\n",
	"## Ünïcødé, 日本語 and punctuation: (a) [b] {c} ! ? ; / ~ ^ |\n",
	"## Fish &amp; chips &copy; &#169; &#xA9;\n",
	"## An \\*escaped\\* star and a back\\\\slash\n",
	"## a < b > c\n",
	"## \"Quoted\" and it's\n",
	"## With *emphasis*, `code` and [a link](/x)\n",
	"Setext heading\nover two lines\n===\n",
	"## NUL \x00 here\n",
	"## <b>raw</b> HTML\n",
	"## Trailing hashes ##\n",
	"## Ends with a backslash\\\n",
}

// TestPlainTitle: headingTitle's shortcut writes what the renderer
// writes, and both ways are taken.
func TestPlainTitle(t *testing.T) {
	t.Parallel()
	m := newMarkdown(siteconfig.DefaultMarkup(true), nil)
	if !m.ownOnly {
		t.Fatal("the shortcut is off: the test tests nothing")
	}
	slow := *m
	slow.ownOnly = false
	plain := 0
	for _, src := range titleCases {
		st := &mdState{}
		doc := m.parse([]byte(src), st)
		var h *ast.Heading
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if hh, ok := n.(*ast.Heading); ok && h == nil {
				h = hh
			}
			return ast.WalkContinue, nil
		})
		if h == nil {
			t.Fatalf("%q: no heading", src)
		}
		got, err := m.headingTitle(h, []byte(src))
		want, err2 := slow.headingTitle(h, []byte(src))
		if err != nil || err2 != nil || got != want {
			t.Errorf("%q: title %q (%v), the renderer writes %q (%v)", src, got, err, want, err2)
		}
		if _, ok := plainTitle(h, []byte(src)); ok {
			plain++
		}
	}
	if plain < 3 || plain > len(titleCases)-6 {
		t.Errorf("the shortcut takes %d of %d headings: the cases no longer test both ways", plain, len(titleCases))
	}
}
