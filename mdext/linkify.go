package mdext

import (
	"bytes"

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

// MayLinkText tells whether goldmark's default linkify parser could
// make a link from a word that starts in the text segment seg of src,
// the Markdown source, when src is parsed without linkify. Where it can
// link, the word is text to a parse without it: it begins "http://",
// "https://", "ftp://" or "www.", or has an "@" within the 64 bytes of
// an e-mail address's local part, and each of those begins with a byte
// that no inline parser but linkify's starts at. So when no text
// segment of a parse without linkify may link, linkify would have made
// no link: the page's HTML is the same without it (FuzzMayLinkText),
// and the parse is cheaper, since linkify's parser is asked at every
// space of the text.
func MayLinkText(src []byte, seg text.Segment) bool {
	start, stop := seg.Start, seg.Stop
	if start >= stop || start < 0 || stop > len(src) {
		return false
	}
	// The word starts at some q with start <= q < stop; what it must
	// hold lies within reach of q.
	if bytes.IndexByte(src[start:min(stop+emailLocalMax, len(src))], '@') >= 0 {
		return true
	}
	if bytes.Contains(src[start:min(stop+len("https://")-1, len(src))], []byte("://")) {
		return true
	}
	return bytes.Contains(src[start:min(stop+len("www.")-1, len(src))], []byte("www."))
}
