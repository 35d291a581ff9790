package mdext

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Linkify is goldmark's extension.Linkify (its default settings) with a
// cheaper refusal: its parser is asked at every space of the text, and
// a word that cannot begin an address is refused before goldmark's
// parser reads it. The links it makes, and the tree, are goldmark's.
type Linkify struct{}

// Extend implements goldmark.Extender, as extension.Linkify does (the
// same parser priority, so the same order among the inline parsers).
func (Linkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(linkifyParser{extension.NewLinkifyParser()}, 999),
	))
}

// linkifyParser is goldmark's linkify parser behind mayLink.
type linkifyParser struct{ parser.InlineParser }

// Parse implements parser.InlineParser: nil where goldmark's parser
// would find no link, else what it finds.
func (p linkifyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !mayLink(line) {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// emailLocalMax is how many bytes of an address's local part goldmark's
// linkify reads before it wants the "@" (util.FindEmailIndex).
const emailLocalMax = 64

// mayLink tells whether goldmark's default linkify parser may find a
// link at line, the text from its trigger character on. It skips the
// trigger as that parser does, then wants what each of its three kinds
// of link begins with: "http:", "https:" or "ftp:" (its URL pattern),
// "www.", or an "@" within the local part's longest reach (an e-mail
// address). Where mayLink says no, that parser returns nil without a
// change to the tree or the reader: refusing it first is the same.
func mayLink(line []byte) bool {
	if len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			line = line[1:]
		}
	}
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case 'h', 'f', 'w':
		return true
	}
	return bytes.IndexByte(line[:min(len(line), emailLocalMax+1)], '@') >= 0
}

// LinkMarks are the places of a Markdown source where linkify's
// parser could find an address, found once (NewLinkMarks): each "@",
// "://" and "www.", with the word starts from which the parser reads
// that far. Where it can link, the word is text to a parse without
// linkify: it begins "http://", "https://", "ftp://" or "www.", or has
// an "@" within the 64 bytes of an e-mail address's local part, and
// each of those begins with a byte that no inline parser but linkify's
// starts at. So when no text segment of a parse without linkify may
// link (MayLinkText), linkify would have made no link: the page's HTML
// is the same without it (FuzzMayLinkText), and the parse is cheaper,
// since linkify's parser is asked at every space of the text — unless a
// line ends in blanks that asking it splits (SplitsBlanks).
type LinkMarks struct {
	// reach are the marks' word starts by lo, each with the largest hi
	// of those up to it.
	reach []reach
}

// reach is a mark's word starts: from lo to hi, both included.
type reach struct{ lo, hi int }

// NewLinkMarks finds the marks of src.
func NewLinkMarks(src []byte) LinkMarks {
	var m LinkMarks
	add := func(sep string, lo, hi int) { // word starts from p-lo to p-hi
		for p, o := 0, 0; ; p += o + 1 {
			if o = bytes.Index(src[p:], []byte(sep)); o < 0 {
				return
			}
			if m.reach == nil {
				m.reach = make([]reach, 0, 16) // one allocation for most pages
			}
			m.reach = append(m.reach, reach{p + o - lo, p + o - hi})
		}
	}
	add("@", emailLocalMax, 1)
	add("://", len("https"), len("ftp"))
	add("www.", 0, 0)
	slices.SortFunc(m.reach, func(a, b reach) int { return a.lo - b.lo })
	for i := 1; i < len(m.reach); i++ {
		m.reach[i].hi = max(m.reach[i].hi, m.reach[i-1].hi)
	}
	return m
}

// MayLinkText tells whether goldmark's default linkify parser could
// make a link from a word that starts in the text segment seg of the
// source m was made from.
func (m LinkMarks) MayLinkText(seg text.Segment) bool {
	if seg.Start >= seg.Stop || len(m.reach) == 0 {
		return false
	}
	// The marks that a word starting before seg.Stop can reach are the
	// first i; one of them reaches back to seg.Start or beyond.
	i, _ := slices.BinarySearchFunc(m.reach, seg.Stop, func(r reach, stop int) int {
		if r.lo < stop {
			return -1
		}
		return 1
	})
	return i > 0 && m.reach[i-1].hi >= seg.Start
}

// SplitsBlanks tells whether a line of src ends in blanks (goldmark's:
// space, tab, CR) that a parse with linkify keeps in part where one
// without it trims them all: two or more blanks not all spaces, or four
// spaces or more. Linkify's parser is asked at their first blank, which
// ends the text segment there, and goldmark trims only the last
// segment's blanks ("a \t\n" is "a \n" with linkify, "a\n" without).
func SplitsBlanks(src []byte) bool {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		j, spaces := len(line), true
		for ; j > 0 && util.IsSpace(line[j-1]); j-- { // no '\n' in line
			spaces = spaces && line[j-1] == ' '
		}
		if n := len(line) - j; n >= 2 && (!spaces || n >= 4) {
			return true
		}
	}
	return false
}
