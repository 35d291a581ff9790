package affiliate

import (
	"bytes"
	"slices"

	"golang.org/x/net/html"
)

// fastTag is a tag as x/net/html's tokenizer reads it, for scanFast.
type fastTag struct {
	name    []byte   // lower case
	attrs   tagAttrs // those Scan reads, their values decoded
	hasAttr bool     // an attribute with a name is on the tag
	attrErr bool     // an attribute kept has a reference fastTag does not decode
	end     int      // just past the tag's ">"
	// all are the attributes, decoded, the first of each name (as the
	// tokenizer keeps them), when read was asked for them; valEnd is
	// where the value of the last of them ends, as the tokenizer marks
	// it (self-closing tags are told by it).
	all    []html.Attribute
	valEnd int
}

// saveAttrs says of which tags readFastTag keeps the attributes.
type saveAttrs uint8

const (
	saveNone  saveAttrs = iota // none: an end tag
	saveAny                    // any start tag's
	saveLinks                  // those of a and area only
)

// readFastTag reads the tag whose name starts at p, as the tokenizer's
// readTag does, keeping the attributes of the tags save says (start
// tags): those Scan reads, and all of them in t.all when all is set.
// It returns false when b ends first (the tokenizer's error token). The
// tag is returned by value and the name is b's own bytes unless it has
// upper case, so that reading a tag allocates nothing.
func readFastTag(b []byte, p int, saveOf saveAttrs, all bool) (t fastTag, ok bool) {
	n := p + 1
	for n < len(b) && !isTagSpace(b[n]) && b[n] != '/' && b[n] != '>' {
		n++
	}
	if n >= len(b) {
		return t, false
	}
	t.name = lowerName(b[p:n])
	save := saveOf == saveAny || saveOf == saveLinks && isLinkTag(t.name)
	for q := skipTagSpace(b, n); ; q = skipTagSpace(b, q) {
		if q >= len(b) {
			return t, false
		}
		if b[q] == '>' {
			t.end = q + 1
			return t, true
		}
		k := attrKeyEnd(b, q)
		key := b[q:k]
		val, valEnd, next, ok := attrValue(b, k)
		if !ok {
			return t, false
		}
		if save && len(key) > 0 && t.keep(key, val, all) {
			t.valEnd = valEnd
		}
		q = next
	}
}

// attrKeyEnd is where the attribute name that starts at q ends, as the
// tokenizer's readTagAttrKey reads it: at white space, "/", ">" or "="
// (an "=" in first place belongs to the name). At the end of b it is
// len(b).
func attrKeyEnd(b []byte, q int) int {
	for k := q; k < len(b); k++ {
		if c := b[k]; c == '=' && k > q || c == '/' || c == '>' || isTagSpace(c) {
			return k
		}
	}
	return len(b)
}

// attrValue reads what follows an attribute's name at k, as the
// tokenizer's readTagAttrVal does: nothing, a "/" (dropped), or "="
// and a value, quoted or not. It returns the value as written, the
// tokenizer's mark of its end (k when there is none), and where reading
// goes on; false when b ends first.
func attrValue(b []byte, k int) (val []byte, end, next int, ok bool) {
	v := skipTagSpace(b, k)
	switch {
	case v >= len(b):
		return nil, 0, 0, false
	case b[v] == '/':
		return nil, k, v + 1, true
	case b[v] != '=':
		return nil, k, v, true
	}
	v = skipTagSpace(b, v+1)
	if v >= len(b) {
		return nil, 0, 0, false
	}
	switch quote := b[v]; quote {
	case '>':
		return nil, k, v, true
	case '\'', '"':
		e := bytes.IndexByte(b[v+1:], quote)
		if e < 0 {
			return nil, 0, 0, false
		}
		return b[v+1 : v+1+e], v + 1 + e, v + e + 2, true
	}
	e := v
	for e < len(b) && !isTagSpace(b[e]) && b[e] != '>' {
		e++
	}
	if e >= len(b) {
		return nil, 0, 0, false
	}
	if b[e] == '>' {
		return b[v:e], e, e, true
	}
	return b[v:e], e, e + 1, true
}

// keep notes an attribute: the first of each name that Scan reads is
// kept, its value decoded, and with all the first of every name in
// t.all. It tells whether it added to t.all.
func (t *fastTag) keep(key, val []byte, all bool) bool {
	t.hasAttr = true
	key = lowerName(key)
	i := attrIndex(key)
	read := i >= 0 && !t.attrs.has(i)
	added := all && !slices.ContainsFunc(t.all, func(a html.Attribute) bool { return a.Key == string(key) })
	if !read && !added {
		return false
	}
	s, ok := decodeAttr(val) // once for both
	t.attrErr = t.attrErr || !ok
	if read {
		t.attrs.val[i], t.attrs.given = s, t.attrs.given|1<<i
	}
	if added {
		t.all = append(t.all, html.Attribute{Key: string(key), Val: s})
	}
	return added
}

// markupRefs are the character references decodeAttr decodes, and the
// character each stands for.
var markupRefs = [...]struct {
	ref string
	c   byte
}{{"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&#34;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}}

// decodeAttr decodes an attribute's value whose only references are
// those of markupRefs (as html.EscapeString and goldmark write them),
// which the tokenizer decodes alike; false for any other "&". It makes
// one string, and none more for the references.
func decodeAttr(val []byte) (string, bool) {
	i := bytes.IndexByte(val, '&')
	if i < 0 {
		return string(val), true
	}
	out := make([]byte, 0, len(val))
	for i >= 0 {
		out = append(out, val[:i]...)
		c, n := markupRefAt(val[i:])
		if n == 0 {
			return "", false
		}
		out = append(out, c)
		val = val[i+n:]
		i = bytes.IndexByte(val, '&')
	}
	return string(append(out, val...)), true
}

// markupRefAt is the character of the markupRefs reference s begins
// with, and its length; 0 when s begins with none.
func markupRefAt(s []byte) (byte, int) {
	for _, r := range markupRefs {
		if bytes.HasPrefix(s, []byte(r.ref)) {
			return r.c, len(r.ref)
		}
	}
	return 0, 0
}

// lowerName is s with ASCII upper case made lower, as the tokenizer
// lowers names: s itself when it has none.
func lowerName(s []byte) []byte {
	i := bytes.IndexFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return s
	}
	out := bytes.Clone(s)
	for j := i; j < len(out); j++ {
		if c := out[j]; 'A' <= c && c <= 'Z' {
			out[j] = c + 'a' - 'A'
		}
	}
	return out
}

// fastToken is the start tag at byte off of b as the tokenizer's Token
// gives it, and where it ends; false where scanFast would not read it
// alike. As in the tokenizer, a "/" before the ">" makes it
// self-closing unless it ends the last attribute's value (<a href=/x/>).
func fastToken(b []byte, off int) (html.Token, int, bool) {
	if off+1 >= len(b) || b[off] != '<' || !isLetter(b[off+1]) {
		return html.Token{}, 0, false
	}
	t, ok := readFastTag(b, off+1, saveAny, true)
	if !ok || t.attrErr || bytes.IndexByte(b[off:t.end], 0) >= 0 || bytes.IndexByte(b[off:t.end], '\r') >= 0 {
		return html.Token{}, 0, false
	}
	tok := html.Token{Type: html.StartTagToken, Data: string(t.name), Attr: t.all}
	if b[t.end-2] == '/' && (len(t.all) == 0 || t.end-2 != t.valEnd-1) {
		tok.Type = html.SelfClosingTagToken
	}
	return tok, t.end, true
}
