package affiliate

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
)

// Anchor is one affiliate hyperlink (<a> or <area>) found by Scan.
type Anchor struct {
	Tag     string // "a" or "area"
	Href    string // as written, character references decoded
	Rel     string
	Program string
	Offset  int // byte offset of its start tag
}

// Found is what Scan found in a document, in document order.
type Found struct {
	Anchors []Anchor
	// Disclosure is the byte offset of the first element whose class
	// holds DisclosureClass, or -1.
	Disclosure int
	// Statement is the first disclosure the author wrote in their own
	// words (Offset -1 when there is none, or no phrase was given),
	// looked for as far as the rule needs: up to the end of the block of
	// the first affiliate link, or to a disclosure box before it (a page
	// whose box comes first is disclosed whatever its text says).
	Statement Statement
	// end is where the document's last whole token ends: the tokenizer
	// drops a tag left unfinished at the end, and so does editAnchors.
	end int
}

// nothingFound is the Found of a document with no anchor, no disclosure
// box and no statement: the offsets that say "none" are -1, not 0.
func nothingFound() Found {
	return Found{Disclosure: -1, Statement: Statement{Offset: -1}}
}

// Scan finds the affiliate anchors, the first disclosure box and the
// first statement in one of phrases of an HTML document or fragment, as
// a browser would parse it: comments and the text of script and style
// elements hold no links. classify tells whether an href is an
// affiliate link and of which program; the build passes
// Classifier.Program, affsite check one that first resolves the href
// against the page's URL. Found.Place judges what was found.
func Scan(b []byte, classify func(href string) (string, bool), phrases Phrases) Found {
	f := scan(b, classify, phrases, true)
	if f.Statement.Offset < 0 && phrases.Len() > 0 && !f.Place(false).Disclosed() {
		// Only on a page that lacks a disclosure in time is a statement
		// after the first link worth the reading: for the message.
		f.Statement = scan(b, classify, phrases, false).Statement
	}
	return f
}

// scan is Scan; untilLink stops looking for a statement after the block
// of the first affiliate link.
func scan(b []byte, classify func(href string) (string, bool), phrases Phrases, untilLink bool) Found {
	f := nothingFound()
	if !bytes.Contains(b, []byte("<a")) && !bytes.Contains(b, []byte("<A")) && !bytes.Contains(b, []byte(DisclosureClass)) {
		return f
	}
	if fast, ok := scanFast(b, classify, phrases, untilLink); ok {
		return fast
	}
	return scanTokens(b, classify, phrases, untilLink)
}

// scanTokens is scan through x/net/html's tokenizer, for any markup.
func scanTokens(b []byte, classify func(href string) (string, bool), phrases Phrases, untilLink bool) Found {
	f := nothingFound()
	z := html.NewTokenizer(bytes.NewReader(b))
	text := newTextScan(phrases, untilLink)
	off := 0
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		start := off
		off += len(z.Raw())
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			f.tag(name, hasAttr, func() tagAttrs { return readTagAttrs(z) }, start, classify, text)
		case html.EndTagToken:
			name, _ := z.TagName()
			text.end(name)
		case html.TextToken:
			if text.wants() { // Text unescapes: only for text that is read
				text.text(z.Text(), start)
			}
		}
	}
	text.flush()
	f.Statement = text.found
	f.end = off
	return f
}

// tag records the start tag name (lower case), which begins at byte
// start, when it is the first disclosure or an affiliate link, and tells
// text. hasAttr tells whether it has attributes, which attrs reads.
func (f *Found) tag(name []byte, hasAttr bool, attrs func() tagAttrs, start int, classify func(href string) (string, bool), text *textScan) {
	isLink := isLinkTag(name)
	var a tagAttrs
	if hasAttr && (isLink || f.readsAnyAttrs(text)) {
		a = attrs()
	}
	text.start(name, a)
	if f.Disclosure < 0 && HasWord(a.val[attrClass], DisclosureClass) {
		f.Disclosure = start
		if len(f.Anchors) == 0 {
			text.boxFirst()
		}
	}
	if !isLink || !a.has(attrHref) {
		return
	}
	href := a.val[attrHref]
	if prog, ok := classify(href); ok {
		f.Anchors = append(f.Anchors, Anchor{Tag: string(name), Href: href, Rel: a.val[attrRel], Program: prog, Offset: start})
		text.link(string(name))
	}
}

// readsAnyAttrs tells whether the next tag's attributes are read
// whatever the tag: until the disclosure box is found, or while text
// reads the page's words. Else only a link's are.
func (f *Found) readsAnyAttrs(text *textScan) bool { return f.Disclosure < 0 || text.active() }

// isLinkTag tells whether a tag name (lower case) is one of the
// hyperlinks Scan finds.
func isLinkTag(name []byte) bool { return string(name) == "a" || string(name) == "area" }

// tagAttrs are the attributes Scan reads from a tag, by attr index.
type tagAttrs struct {
	val   [numAttrs]string
	given uint8 // bit i: attribute i is on the tag
}

// The attributes Scan reads.
const (
	attrHref = iota
	attrRel
	attrClass
	attrStyle
	attrAriaHidden
	attrHidden
	attrOpen
	numAttrs
)

// attrIndex is the index of an attribute Scan reads, or -1.
func attrIndex(key []byte) int {
	switch string(key) {
	case "href":
		return attrHref
	case "rel":
		return attrRel
	case "class":
		return attrClass
	case "style":
		return attrStyle
	case "aria-hidden":
		return attrAriaHidden
	case "hidden":
		return attrHidden
	case "open":
		return attrOpen
	}
	return -1
}

// has tells whether the tag has attribute i.
func (a tagAttrs) has(i int) bool { return a.given&(1<<i) != 0 }

// readTagAttrs reads the attributes of the tag z is at that Scan needs;
// of an attribute given twice the first counts, as in a browser.
func readTagAttrs(z *html.Tokenizer) tagAttrs {
	var a tagAttrs
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		if i := attrIndex(k); i >= 0 && !a.has(i) {
			a.val[i], a.given = string(v), a.given|1<<i
		}
	}
	return a
}

// RewriteAnchors merges Rel into the rel of every <a> and <area> start
// tag of b whose href classify accepts, calls found for each, and
// returns the rewritten HTML (b itself when nothing changed).
func RewriteAnchors(b []byte, classify func(href string) (string, bool), found func(program, href string)) []byte {
	return editAnchors(b, classify, func(attrs []html.Attribute, program, href string) []html.Attribute {
		found(program, href)
		return withRel(attrs)
	})
}

// withRel gives a tag's attributes the affiliate rel, merged into the
// rel it has.
func withRel(attrs []html.Attribute) []html.Attribute {
	for i := range attrs {
		if attrs[i].Key == "rel" {
			attrs[i].Val = MergeRel(attrs[i].Val, Rel)
			return attrs
		}
	}
	return append(attrs, html.Attribute{Key: "rel", Val: Rel})
}

// editAnchors gives edit the attributes of every <a> and <area> start
// tag of b whose href classify accepts, and writes the tag back with
// what edit returns; other markup is copied as it is. It returns b
// itself when there is no such anchor (or the markup cannot be read).
func editAnchors(b []byte, classify func(href string) (string, bool), edit func(attrs []html.Attribute, program, href string) []html.Attribute) []byte {
	if !bytes.Contains(bytes.ToLower(b), []byte("<a")) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/16)
	z := html.NewTokenizer(bytes.NewReader(b))
	changed := false
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		raw := z.Raw()
		if tag, ok := editTag(tt, z, classify, edit); ok {
			out.WriteString(tag)
			changed = true
		} else {
			out.Write(raw)
		}
	}
	if z.Err() != io.EOF || !changed {
		return b
	}
	return out.Bytes()
}

// editAnchorsAt is editAnchors for the anchors Scan found in b: each
// start tag is tokenized again on its own, from its offset (a start tag
// reads the same alone as in its document, since Scan met it in the
// tokenizer's data state), and the markup between is copied, all
// written to out; it returns out.Bytes(), or b itself when there is no
// anchor.
func editAnchorsAt(out *bytes.Buffer, b []byte, found Found, edit func(attrs []html.Attribute, program, href string) []html.Attribute) []byte {
	anchors := found.Anchors
	if len(anchors) == 0 {
		return b
	}
	out.Grow(len(b) + len(b)/16)
	last := 0
	for _, a := range anchors {
		tok, end, ok := startTagAt(b, a.Offset)
		if !ok {
			continue // not Scan's offset of a start tag: left as it is
		}
		tok.Attr = edit(tok.Attr, a.Program, a.Href)
		out.Write(b[last:a.Offset])
		out.WriteString(tok.String())
		last = end
	}
	out.Write(b[last:found.end])
	return out.Bytes()
}

// startTagAt is the start tag at byte off of b, as the tokenizer's
// Token gives it, and where it ends; false when off holds no start tag.
// fastToken reads it when it can, the tokenizer otherwise.
func startTagAt(b []byte, off int) (html.Token, int, bool) {
	if tok, end, ok := fastToken(b, off); ok {
		return tok, end, true
	}
	z := html.NewTokenizer(bytes.NewReader(b[off:]))
	tt := z.Next()
	if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return html.Token{}, 0, false
	}
	return z.Token(), off + len(z.Raw()), true
}

// editTag returns the tag z is at as edit rewrites it, when it is the
// start tag of an affiliate link.
func editTag(tt html.TokenType, z *html.Tokenizer, classify func(href string) (string, bool), edit func(attrs []html.Attribute, program, href string) []html.Attribute) (string, bool) {
	if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return "", false
	}
	tok := z.Token()
	href, hasHref := "", false
	if tok.Data == "a" || tok.Data == "area" {
		for _, a := range tok.Attr {
			if a.Key == "href" && !hasHref { // the first, as browsers and Scan take it
				href, hasHref = a.Val, true
			}
		}
	}
	prog, aff := classify(href)
	if !hasHref || !aff {
		return "", false
	}
	tok.Attr = edit(tok.Attr, prog, href)
	return tok.String(), true
}
