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
}

// DisclosedFirst reports whether a disclosure comes before the first
// affiliate anchor (true when there is no affiliate anchor).
func (f Found) DisclosedFirst() bool {
	return len(f.Anchors) == 0 || f.Disclosure >= 0 && f.Disclosure < f.Anchors[0].Offset
}

// Scan finds the affiliate anchors and the first disclosure of an HTML
// document or fragment, as a browser would parse it: comments and the
// text of script and style elements hold no links. classify tells
// whether an href is an affiliate link and of which program; the build
// passes Classifier.Program, affsite check one that first resolves the
// href against the page's URL.
func Scan(b []byte, classify func(href string) (string, bool)) Found {
	f := Found{Disclosure: -1}
	if !bytes.Contains(b, []byte("<a")) && !bytes.Contains(b, []byte("<A")) && !bytes.Contains(b, []byte(DisclosureClass)) {
		return f
	}
	z := html.NewTokenizer(bytes.NewReader(b))
	off := 0
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		start := off
		off += len(z.Raw())
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			f.tag(z, start, classify)
		}
	}
	return f
}

// tag records the start tag z is at, which begins at byte start, when
// it is the first disclosure or an affiliate link.
func (f *Found) tag(z *html.Tokenizer, start int, classify func(href string) (string, bool)) {
	name, hasAttr := z.TagName()
	isLink := string(name) == "a" || string(name) == "area"
	if !hasAttr || !isLink && f.Disclosure >= 0 {
		return
	}
	a := readTagAttrs(z)
	if f.Disclosure < 0 && HasWord(a.class, DisclosureClass) {
		f.Disclosure = start
	}
	if !isLink || !a.hasHref {
		return
	}
	if prog, ok := classify(a.href); ok {
		f.Anchors = append(f.Anchors, Anchor{Tag: string(name), Href: a.href, Rel: a.rel, Program: prog, Offset: start})
	}
}

// tagAttrs are the attributes Scan reads from a tag.
type tagAttrs struct {
	href, rel, class string
	hasHref          bool
}

// readTagAttrs reads the href, rel and class of the tag z is at; of an
// attribute given twice the first counts, as in a browser.
func readTagAttrs(z *html.Tokenizer) tagAttrs {
	var a tagAttrs
	var seenRel, seenClass bool
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch {
		case string(k) == "href" && !a.hasHref:
			a.href, a.hasHref = string(v), true
		case string(k) == "rel" && !seenRel:
			a.rel, seenRel = string(v), true
		case string(k) == "class" && !seenClass:
			a.class, seenClass = string(v), true
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
