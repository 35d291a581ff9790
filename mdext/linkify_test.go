package mdext_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/affsite/affsite/mdext"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// linkifyCases are Markdown texts where goldmark's linkify finds links,
// and nearly does: each kind of address after each trigger character, at
// a line's start, inside a link's label, and e-mail addresses whose local
// part is just within and just beyond the 64 bytes goldmark reads.
var linkifyCases = []string{
	"plain words only, no address at all\n",
	"see www.example.com today and https://example.org/a?b=c.\n",
	"(http://x.io/a) *https://y.io* _ftp://z.io_ ~www.w.io~\n",
	"www.start.com at the line's start\nhttps://next.line/ too\n",
	"mail me@example.com or (you@example.org), not me@nodot\n",
	"[a label with www.example.com](/x) and [https://in.label](/y)\n",
	strings.Repeat("a", 64) + "@example.com and " + strings.Repeat("b", 65) + "@example.com\n",
	"http:/half https:/ www example.com HTTP://UPPER.COM Www.upper.com\n",
	"a @ b, x@y, foo@bar.baz- and foo@bar.baz_\n",
	"- list www.item.com\n- me@list.com\n\n> quote https://q.io\n\n| t | www.cell.com |\n| - | - |\n| a | b@c.de |\n",
	"word\\ www.escaped.com and **bold** www.after.bold.com\n",
	"hard break  \nwww.next.com\\\nhttps://after.backslash.break\n",
	"> - a@b.co in a quote's list\n>   - nested www.x.com and c@d.io\n>\n> back e@f.gh\n\nlast para g@h.ij\n",
	"# Heading me@head.io\n\nTerm\n: definition you@def.io[^n]\n\n[^n]: note www.note.com\n",
}

// markdownWith is goldmark with Hugo's default extensions and the given
// linkify.
func markdownWith(linkify goldmark.Extender) goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, linkify,
		extension.TaskList, extension.Footnote, extension.DefinitionList, extension.Typographer))
}

// treeOf writes the tree goldmark parses from src, with each text
// node's segment and line-break flags, and then its HTML.
func treeOf(md goldmark.Markdown, src []byte) string {
	var sb strings.Builder
	doc := md.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&sb, "%s", n.Kind())
		if t, ok := n.(*ast.Text); ok {
			fmt.Fprintf(&sb, "[%d:%d soft=%v hard=%v]", t.Segment.Start, t.Segment.Stop, t.SoftLineBreak(), t.HardLineBreak())
		}
		sb.WriteByte(' ')
		return ast.WalkContinue, nil
	})
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, src, doc); err != nil {
		return "render error: " + err.Error()
	}
	return sb.String() + "\n" + out.String()
}

// TestLinkify: the links, the tree and the HTML are goldmark's linkify's.
func TestLinkify(t *testing.T) {
	t.Parallel()
	ours, theirs := markdownWith(mdext.Linkify{}), markdownWith(extension.Linkify)
	links := 0
	for _, src := range linkifyCases {
		got, want := treeOf(ours, []byte(src)), treeOf(theirs, []byte(src))
		if got != want {
			t.Errorf("%q:\n got %s\nwant %s", src, got, want)
		}
		links += strings.Count(want, "AutoLink")
	}
	if links < 15 {
		t.Errorf("the cases make %d links: they no longer test the links goldmark makes", links)
	}
}

// FuzzLinkify: for any text, the tree and the HTML are goldmark's
// linkify's.
func FuzzLinkify(f *testing.F) {
	for _, src := range linkifyCases {
		f.Add(src)
	}
	ours, theirs := markdownWith(mdext.Linkify{}), markdownWith(extension.Linkify)
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := treeOf(ours, []byte(src)), treeOf(theirs, []byte(src)); got != want {
			t.Errorf("%q:\n got %s\nwant %s", src, got, want)
		}
	})
}
