package mdext_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/affsite/affsite/mdext"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// mayLinkCases are texts where an address is near a place linkify does
// not read (a link's destination, an autolink, raw HTML, a code span),
// or where a parse without linkify splits what linkify would read whole
// (an e-mail address whose local part holds "*", "_" or "`").
var mayLinkCases = []string{
	"Read [the guide](https://example.org/a/) first. Then [more](http://x.io) and [ftp](ftp://f.io).\n",
	"[not closed](https://example.org/a and (https://b.io\n",
	"<https://auto.io> and <me@auto.io>, <a href=\"https://raw.io\">raw</a> and `www.code.io` or `c@d.io`\n",
	"a x`y@b.com` and z*w@c.com and u_v@d.com and ~t@e.com~ and (s@f.com)\n",
	"AFFSC1Z then https://after.placeholder AFFSC2Z\n",
	"|www.cell.com|b|\n|-|-|\n|c@d.io|[x](https://y.io)|\n",
	"## A heading [with](https://link.io) and me@h.io\n\nwww\n.split.com http\n://split.io\n",
	"![an image](https://img.io/a.png \"title www.t.io\") and [ref]\n\n[ref]: https://ref.io \"ref me@r.io\"\n",
	"&#64;entity at and &#x40;hex@at.io and \\@escaped@at.io\n",
	"    indented code www.code.io\n\n```\nfenced me@code.io\n```\n\n<div>\nhttps://html.block.io\n</div>\n",
	"words " + strings.Repeat("x", 70) + " then @ far away\n",
	// Blanks at a line's end that linkify's parser, asked at their first
	// space, splits from the text: goldmark then trims only the last.
	"a \t\nb *c*\t \nd\ne    \nf\r \ng\v\f\nh  \ni   \nj\r\nk\n",
}

// bareMarkdown is markdownWith without linkify.
func bareMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough,
		extension.TaskList, extension.Footnote, extension.DefinitionList, extension.Typographer))
}

// mayLinkOf parses src without linkify and tells whether a text node
// of it may link (MayLinkText) or a line's blanks split (SplitsBlanks),
// and gives its HTML.
func mayLinkOf(md goldmark.Markdown, src []byte) (bool, string) {
	doc := md.Parser().Parse(text.NewReader(src))
	marks := mdext.NewLinkMarks(src)
	may := mdext.SplitsBlanks(src)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && marks.MayLinkText(t.Segment) {
			may = true
		}
		return ast.WalkContinue, nil
	})
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, src, doc); err != nil {
		return true, "render error: " + err.Error()
	}
	return may, out.String()
}

// htmlOf renders src with md.
func htmlOf(md goldmark.Markdown, src []byte) string {
	var out bytes.Buffer
	if err := md.Convert(src, &out); err != nil {
		return "render error: " + err.Error()
	}
	return out.String()
}

// TestMayLinkText: where no text of a parse without linkify may link,
// linkify's HTML is that parse's; both kinds of case occur.
func TestMayLinkText(t *testing.T) {
	t.Parallel()
	bare, full := bareMarkdown(), markdownWith(mdext.Linkify{})
	var may, mayNot int
	for _, src := range append(append([]string(nil), linkifyCases...), mayLinkCases...) {
		m, html := mayLinkOf(bare, []byte(src))
		if m {
			may++
			continue
		}
		mayNot++
		if want := htmlOf(full, []byte(src)); html != want {
			t.Errorf("%q: no text may link, but linkify's HTML differs:\n got %s\nwant %s", src, html, want)
		}
	}
	if may < 14 || mayNot < 3 {
		t.Errorf("%d cases may link, %d may not: the cases no longer test both", may, mayNot)
	}
}

// TestMayLinkTextWindows: each kind of address is seen from the text
// segment where its word starts, to the last byte it can reach.
func TestMayLinkTextWindows(t *testing.T) {
	t.Parallel()
	seg := func(src string, start, stop int) bool {
		return mdext.NewLinkMarks([]byte(src)).MayLinkText(text.NewSegment(start, stop))
	}
	for _, c := range []struct {
		src         string
		start, stop int
		want        bool
	}{
		{"a https://x.io", 0, 3, true},  // the word starts at 2, the segment's last byte
		{"a https://x.io", 0, 2, false}, // it starts after the segment
		{"a ftp://x.io", 0, 3, true},
		{"a www.x.io", 0, 3, true},
		{"a www.x.io", 0, 2, false},
		{"a " + strings.Repeat("b", 64) + "@x.io", 0, 3, true}, // "@" 64 bytes after the word's start
		{"a " + strings.Repeat("b", 65) + "@x.io", 0, 3, false},
		{"plain words", 0, 11, false},
		{"x", 0, 0, false},
		{"a://b", 0, 1, false}, // "://" one byte after the start: no scheme that short
		{"ab://c", 0, 1, false},
		{"abc://d", 0, 1, true},
		{"abcdef://g", 0, 1, false},  // nor that long
		{"x@y www.z.io", 3, 5, true}, // a later mark reaches the segment, an earlier one not
		{"x@y www.z.io", 2, 4, false},
		{"x@y www.z.io", 5, 7, false}, // "www." begins before the segment
	} {
		if got := seg(c.src, c.start, c.stop); got != c.want {
			t.Errorf("NewLinkMarks(%q).MayLinkText(%d:%d) = %v, want %v", c.src, c.start, c.stop, got, c.want)
		}
	}
}

// FuzzMayLinkText: for any text, where no text of a parse without
// linkify may link, linkify's HTML is that parse's.
func FuzzMayLinkText(f *testing.F) {
	for _, src := range append(append([]string(nil), linkifyCases...), mayLinkCases...) {
		f.Add(src)
	}
	bare, full := bareMarkdown(), markdownWith(mdext.Linkify{})
	f.Fuzz(func(t *testing.T, src string) {
		if m, html := mayLinkOf(bare, []byte(src)); !m {
			if want := htmlOf(full, []byte(src)); html != want {
				t.Errorf("%q: no text may link, but linkify's HTML differs:\n got %s\nwant %s", src, html, want)
			}
		}
	})
}

// TestSplitsBlanks: the line ends that a parse with linkify splits, and
// those it does not (a hard break of two or three spaces, CRLF).
func TestSplitsBlanks(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]bool{
		"a \t\nb": true, "a\t \nb": true, "a \r\nb": true, "a\t\r\nb": true, "a    \nb": true, "a\t\t": true,
		"a \nb": false, "a  \nb": false, "a   \nb": false, "a\r\nb": false, "a\v\f\nb": false, "a \f\nb": false, "a\tb \t c\n": false, "": false, "\n\n": false,
	} {
		if got := mdext.SplitsBlanks([]byte(src)); got != want {
			t.Errorf("SplitsBlanks(%q) = %v, want %v", src, got, want)
		}
	}
}

// TestMayLinkTextSmall: every text of up to 7 bytes of letters and
// blanks, and of up to 5 with emphasis, brackets, CR and VT too, renders
// as with linkify when mayLinkOf says it may not link.
func TestMayLinkTextSmall(t *testing.T) {
	t.Parallel()
	bare, full := bareMarkdown(), markdownWith(mdext.Linkify{})
	var try func(src []byte, alphabet string, n int)
	try = func(src []byte, alphabet string, n int) {
		if m, html := mayLinkOf(bare, src); !m {
			if want := htmlOf(full, src); html != want {
				t.Errorf("%q: no text may link, but linkify's HTML differs:\n got %q\nwant %q", src, html, want)
			}
		}
		for i := 0; n > 0 && i < len(alphabet); i++ {
			try(append(src[:len(src):len(src)], alphabet[i]), alphabet, n-1)
		}
	}
	try(nil, "a \t\n", 7)
	try(nil, "a \t\n\r\v(*_", 5)
}
