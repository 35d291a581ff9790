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
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return f
		}
		start := off
		off += len(z.Raw())
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		isLink := string(name) == "a" || string(name) == "area"
		if !hasAttr || !isLink && f.Disclosure >= 0 {
			continue
		}
		var href, rel, class string
		var seenHref, seenRel, seenClass bool
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			switch {
			case string(k) == "href" && !seenHref:
				href, seenHref = string(v), true
			case string(k) == "rel" && !seenRel:
				rel, seenRel = string(v), true
			case string(k) == "class" && !seenClass:
				class, seenClass = string(v), true
			}
		}
		if f.Disclosure < 0 && HasWord(class, DisclosureClass) {
			f.Disclosure = start
		}
		if !isLink || !seenHref {
			continue
		}
		if prog, ok := classify(href); ok {
			f.Anchors = append(f.Anchors, Anchor{Tag: string(name), Href: href, Rel: rel, Program: prog, Offset: start})
		}
	}
}

// RewriteAnchors merges Rel into the rel of every <a> and <area> start
// tag of b whose href classify accepts, calls found for each, and
// returns the rewritten HTML (b itself when nothing changed).
func RewriteAnchors(b []byte, classify func(href string) (string, bool), found func(program, href string)) []byte {
	if !bytes.Contains(bytes.ToLower(b), []byte("<a")) {
		return b
	}
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(b))
	changed := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				return b
			}
			break
		}
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		tok := z.Token()
		if tok.Data != "a" && tok.Data != "area" {
			out.Write(raw)
			continue
		}
		href, relIdx := "", -1
		for i, a := range tok.Attr {
			switch a.Key {
			case "href":
				href = a.Val
			case "rel":
				relIdx = i
			}
		}
		prog, ok := classify(href)
		if !ok {
			out.Write(raw)
			continue
		}
		found(prog, href)
		if relIdx >= 0 {
			tok.Attr[relIdx].Val = MergeRel(tok.Attr[relIdx].Val, Rel)
		} else {
			tok.Attr = append(tok.Attr, html.Attribute{Key: "rel", Val: Rel})
		}
		out.WriteString(tok.String())
		changed = true
	}
	if !changed {
		return b
	}
	return out.Bytes()
}
