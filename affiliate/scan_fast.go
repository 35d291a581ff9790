package affiliate

import (
	"bytes"

	"golang.org/x/net/html"
)

// scanFast is scanTokens for the markup a build writes, read without
// x/net/html's tokenizer, which reads a page a byte at a time: text is
// skipped to the next "<" at once, and each tag, end tag and comment is
// read as that tokenizer reads it (the functions below follow its
// readTag, readTagAttrKey, readTagAttrVal and readComment step by step).
// It gives up, returning false, where it would need more of the
// tokenizer than that: a NUL or carriage return anywhere (converted by
// the tokenizer), a doctype or other "<!" declaration, an element whose
// content the tokenizer reads as raw text (script, style, title…), an
// attribute Scan reads holding a character reference other than the
// markup ones (markupRefs), and a token cut off by the end of b. FuzzScanFast
// holds it to scanTokens' result.
func scanFast(b []byte, classify func(href string) (string, bool), phrases Phrases, untilLink bool) (Found, bool) {
	if bytes.IndexByte(b, 0) >= 0 || bytes.IndexByte(b, '\r') >= 0 {
		return Found{}, false
	}
	f := nothingFound()
	text := newTextScan(phrases, untilLink)
	for pos := 0; pos < len(b); {
		end, kind := textEnd(b, pos)
		if end > pos {
			if text.wants() {
				text.text(unescapeText(b[pos:end]), pos)
			}
			pos = end
			continue
		}
		var ok bool
		switch kind {
		case '/':
			pos, ok = fastEndTag(b, pos, text)
		case '!':
			pos, ok = fastComment(b, pos)
		case '?':
			pos, ok = closeAngle(b, pos+1)
		default:
			pos, ok = f.fastStartTag(b, pos, classify, text)
		}
		if !ok {
			return Found{}, false
		}
	}
	text.flush()
	f.Statement = text.found
	f.end = len(b)
	return f, true
}

// unescapeText decodes the character references of text as the
// tokenizer's Text does (html.UnescapeString is its unescape).
func unescapeText(s []byte) []byte {
	if bytes.IndexByte(s, '&') < 0 {
		return s
	}
	return []byte(html.UnescapeString(string(s)))
}

// textEnd is where the text from pos ends: at the next "<" that begins
// a token (before a letter, "/", "!" or "?"), whose second byte it
// returns as kind ('<' for a letter), or at the end of b (kind 0).
func textEnd(b []byte, pos int) (end int, kind byte) {
	for i := pos; ; i++ {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 || i+j+1 >= len(b) {
			return len(b), 0
		}
		i += j
		switch c := b[i+1]; {
		case isLetter(c):
			return i, '<'
		case c == '/' || c == '!' || c == '?':
			return i, c
		}
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isTagSpace is the tokenizer's white space inside a tag.
func isTagSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// skipTagSpace is the index of the first byte from p that is not
// isTagSpace.
func skipTagSpace(b []byte, p int) int {
	for p < len(b) && isTagSpace(b[p]) {
		p++
	}
	return p
}

// closeAngle is the index just past the first ">" from p (the
// tokenizer's readUntilCloseAngle, for "<?…>" and "</ …>").
func closeAngle(b []byte, p int) (int, bool) {
	i := bytes.IndexByte(b[p:], '>')
	return p + i + 1, i >= 0
}

// fastComment reads the comment that starts at pos ("<!--"), as the
// tokenizer's readComment ends one: at the first ">" after two dashes or
// more, at "--!>", or at once for "<!-->" and "<!--->".
func fastComment(b []byte, pos int) (int, bool) {
	if !bytes.HasPrefix(b[pos:], []byte("<!--")) {
		return 0, false // a doctype, CDATA or bogus comment
	}
	dashes, beginning := 0, true
	for p := pos + 4; p < len(b); p++ {
		switch b[p] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return p + 1, true
			}
		case '!':
			if dashes >= 2 {
				if p++; p >= len(b) {
					return 0, false
				}
				if b[p] == '>' {
					return p + 1, true
				}
				if b[p] == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return 0, false
}

// fastEndTag reads the end tag, "</>" or bogus comment that starts at
// pos ("</"), and tells text of an end tag.
func fastEndTag(b []byte, pos int, text *textScan) (int, bool) {
	if pos+2 >= len(b) {
		return 0, false
	}
	switch c := b[pos+2]; {
	case c == '>':
		return pos + 3, true // "</>" is no token
	case !isLetter(c):
		return closeAngle(b, pos+2)
	}
	t, ok := readFastTag(b, pos+2, saveNone, false)
	if !ok {
		return 0, false
	}
	text.end(t.name)
	return t.end, true
}

// fastStartTag reads the start tag that starts at pos and records it as
// Found.tag does: once the disclosure box is found and the text no
// longer read, it reads only the attributes of links.
func (f *Found) fastStartTag(b []byte, pos int, classify func(href string) (string, bool), text *textScan) (int, bool) {
	save := saveLinks
	if f.readsAnyAttrs(text) {
		save = saveAny
	}
	t, ok := readFastTag(b, pos+1, save, false)
	if !ok || t.attrErr || rawTextElement(t.name) {
		return 0, false
	}
	f.tag(t.name, t.hasAttr, func() tagAttrs { return t.attrs }, pos, classify, text)
	return t.end, true
}

// rawTextElement tells whether the tokenizer reads the content of the
// element name (lower case) as raw text, up to its end tag.
func rawTextElement(name []byte) bool {
	switch string(name) {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp":
		return true
	}
	return false
}
