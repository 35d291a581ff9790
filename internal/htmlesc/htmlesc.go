// Package htmlesc writes text exactly as html/template's contextual
// escaper writes a string value in the same place, so that markup
// written from Go (the generator's Go-written partials, the built-in
// shortcodes' default markup) is byte for byte what a template writes.
// It follows Go's html/template (html.go htmlReplacementTable and
// htmlReplacer, url.go urlFilter, isSafeURL and processURLOnto); its
// test compares it with html/template on hostile input.
package htmlesc

import (
	"fmt"
	"io"
	"strings"
)

// attrReplacement is html/template's htmlReplacementTable: what a string
// becomes in a quoted attribute value or in RCDATA (<title>).
var attrReplacement = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// Write writes s as html/template writes a string in element text, in
// a quoted attribute other than a URL or in a <title>. html/template
// decodes runes, but the bytes it replaces are ASCII, which never occur
// inside a multi-byte UTF-8 sequence, and it copies invalid bytes as
// they are: a byte loop is the same.
func Write(b io.StringWriter, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if int(c) >= len(attrReplacement) || attrReplacement[c] == "" {
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(attrReplacement[c])
		written = i + 1
	}
	b.WriteString(s[written:])
}

// WriteURL writes s as html/template writes a string that is a
// whole URL attribute's value (href="{{ . }}"): a scheme other than
// http, https or mailto becomes "#ZgotmplZ", characters not allowed in
// a URL are percent-encoded (valid escapes are kept), then the result is
// escaped for the attribute.
func WriteURL(b io.StringWriter, s string) {
	if !isSafeURL(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	Write(b, normalizeURL(s))
}

// WriteURLAttr writes before, s as WriteURL writes it, then after:
// markup with one URL attribute value in it.
func WriteURLAttr(b io.StringWriter, before, s, after string) {
	b.WriteString(before)
	WriteURL(b, s)
	b.WriteString(after)
}

// isSafeURL is html/template's: s is relative or its scheme is http,
// https or mailto.
func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// normalizeURL is html/template's URL normaliser (processURLOnto with
// norm): every byte that is neither unreserved, nor reserved, nor part
// of a valid %XX escape is percent-encoded.
func normalizeURL(s string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		if urlKeeps(s, i) {
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(&b, "%%%02x", s[i])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// urlKeeps tells whether the normaliser keeps s[i] as it is.
func urlKeeps(s string, i int) bool {
	c := s[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case c == '%':
		return i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2])
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
