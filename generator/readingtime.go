package generator

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// renderedReadingTime is the reading time of a page's rendered content,
// in minutes at 213 words a minute: its text words, those of the tables,
// cards and other shortcode output included. The reading time from the
// source (summarize) leaves shortcodes out, which made a page of
// "1 min read".
func (b *builder) renderedReadingTime(content string) int {
	buf := b.getBuffer()
	defer b.putBuffer(buf)
	buf.Grow(len(content)) // the text is never longer than the content
	return (plainWords(content, buf.AvailableBuffer()) + 212) / 213
}

// plainWords counts the words of s's text, as
// len(strings.Fields(plainify(s))) does, without the slice of words:
// the text between tags goes into scratch (no allocation when its
// capacity is len(s)), and only text with an entity is copied to be unescaped.
func plainWords(s string, scratch []byte) int {
	text := appendText(scratch[:0], s)
	if strings.IndexByte(string(text), '&') >= 0 {
		return countFields(html.UnescapeString(string(text)))
	}
	return countFields(string(text))
}

// appendText appends s without its tags (each "<" up to the next ">";
// a "<" with no ">" after it is text) to dst.
func appendText(dst []byte, s string) []byte {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return append(dst, s[i:]...)
		}
		s = s[i+j+1:]
	}
}

// countFields is len(strings.Fields(s)) without the slice: the runs of
// characters that are not white space (unicode.IsSpace).
func countFields(s string) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		space := false
		if c < utf8.RuneSelf {
			space = c == ' ' || c >= '\t' && c <= '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}
