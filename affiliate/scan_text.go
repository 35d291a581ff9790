package affiliate

import (
	"strings"
)

// Statement is an author's own disclosure that Scan found: visible text
// of one block element (a paragraph, a div, a list item…, with the
// inline elements in it, such as em and small) that holds one of the
// disclosure phrases.
type Statement struct {
	// Offset is the byte offset of the text where the phrase ends, or
	// -1 when there is none.
	Offset int
	// Phrase is the phrase as configured; Text is the page's own words
	// that matched it, spaces collapsed.
	Phrase, Text string
}

// textScan gathers the visible text of the block element Scan is in and
// looks for a disclosure phrase in it when the block ends. Text it does
// not read: comments, the text of an affiliate link (the link is not its
// own disclosure), of elements a reader does not see (script, style,
// template, hidden, display:none, a closed details), of the head and of
// footers.
type textScan struct {
	phrases Phrases
	raw     []byte    // the current block's text
	segs    []textSeg // where each piece of raw comes from
	skip    string    // the element whose text is skipped, or ""
	depth   int       // how deep skip's elements nest
	found   Statement
	scratch []byte // Phrases.find's buffer
	// untilLink stops the scan at the end of the block that holds the
	// first affiliate link (linked), once stopped.
	untilLink, linked, stopped bool
}

// textSeg is one text token of the current block: where it starts in
// raw, and its byte offset in the document.
type textSeg struct{ at, src int }

func newTextScan(p Phrases, untilLink bool) *textScan {
	return &textScan{phrases: p, found: Statement{Offset: -1}, untilLink: untilLink}
}

// active tells whether the scan still looks for a statement.
func (t *textScan) active() bool { return t.phrases.Len() > 0 && t.found.Offset < 0 && !t.stopped }

// wants tells whether text would keep the text of a token met now.
func (t *textScan) wants() bool { return t.skip == "" && t.active() }

// text adds a text token that starts at byte src of the document.
func (t *textScan) text(s []byte, src int) {
	if !t.wants() {
		return
	}
	t.segs = append(t.segs, textSeg{len(t.raw), src})
	t.raw = append(t.raw, s...)
}

// start handles a start tag: a block element ends the run of text, and
// an element whose text is not seen starts skipping. A "/>" is read as
// browsers read it in HTML: it closes nothing, and a void element has no
// content anyway.
func (t *textScan) start(tag []byte, a tagAttrs) {
	name := string(tag) // not kept: no copy (see the end)
	void := isVoid(name)
	if !t.active() {
		return
	}
	if t.skip != "" {
		switch {
		case name == "a" && t.skip == "a":
			t.skip = "" // a new link ends the one before, as in a browser
		case name == t.skip && !void:
			t.depth++
			return
		default:
			return
		}
	}
	if isBlock(name) {
		t.flush()
	} else if name == "br" && len(t.raw) > 0 {
		t.raw = append(t.raw, ' ') // a line break separates words
	}
	if !void && hidesText(name, a) {
		t.skip, t.depth = string(tag), 1
	}
}

// link notes an affiliate link (an a or area element) that starts
// here; the text of an <a> is skipped.
func (t *textScan) link(name string) {
	t.linked = true
	if name == "a" && t.skip == "" && t.active() {
		t.skip, t.depth = "a", 1
	}
}

// boxFirst notes a disclosure box before any affiliate link: the page
// is disclosed in time whatever its text says, so the text before the
// box is the last looked at.
func (t *textScan) boxFirst() {
	if t.active() {
		t.flush()
		t.stopped = true
	}
}

// end handles an end tag.
func (t *textScan) end(tag []byte) {
	if !t.active() {
		return
	}
	name := string(tag) // not kept: no copy
	if t.skip != "" {
		if name != t.skip {
			return
		}
		if t.depth--; t.depth > 0 {
			return
		}
		t.skip = ""
	}
	if isBlock(name) {
		t.flush()
	}
}

// flush looks for a phrase in the block's text and starts a new block.
func (t *textScan) flush() {
	if len(t.raw) == 0 {
		return
	}
	raw := t.raw
	if m, ok := t.phrases.find(raw, &t.scratch); ok {
		src := t.segs[0].src
		for _, s := range t.segs {
			if s.at < m.end {
				src = s.src
			}
		}
		t.found = Statement{Offset: src, Phrase: m.phrase, Text: strings.Join(strings.Fields(string(raw[m.start:m.end])), " ")}
	}
	t.raw = t.raw[:0]
	t.segs = t.segs[:0]
	t.stopped = t.untilLink && t.linked
}

// isBlock tells whether an element starts a block of its own: text on
// either side of it is not one sentence.
func isBlock(name string) bool {
	switch name {
	case "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
		"hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
		"th", "thead", "tr", "ul":
		return true
	}
	return false
}

// isVoid tells whether an element has no content and no end tag.
func isVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// hidesText tells whether the text of an element is no disclosure: a
// reader does not see it without doing something (it is not shown at
// all, or only once opened), or it is a footer, which the FTC says is
// not enough (and where the default theme repeats the disclosure text).
func hidesText(name string, a tagAttrs) bool {
	switch name {
	case "head", "script", "style", "template", "noscript", "textarea", "title", "select", "iframe", "noembed",
		"noframes", "xmp", "svg", "math", "object", "footer":
		return true
	case "details":
		if !a.has(attrOpen) {
			return true
		}
	}
	if a.has(attrHidden) || strings.EqualFold(strings.TrimSpace(a.val[attrAriaHidden]), "true") {
		return true
	}
	style := strings.ToLower(strings.Join(strings.Fields(a.val[attrStyle]), ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}
