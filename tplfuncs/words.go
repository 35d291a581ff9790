package tplfuncs

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PlainWords counts the words of s's text, as
// len(strings.Fields(Plainify(s))) does, without the slice of words:
// the text between tags goes into scratch (no allocation when its
// capacity is len(s)), and only text with an entity is copied to be unescaped.
func PlainWords(s string, scratch []byte) int {
	text := appendText(scratch[:0], s)
	if !onlyPrintingRefs(text) {
		return countFields(html.UnescapeString(string(text)))
	}
	return countFields(text) // not string(text): that would copy it
}

// printingRefs are the character references Markdown's renderer and its
// typographer write, each of them a single character that is not white
// space.
var printingRefs = [...]string{"amp;", "lt;", "gt;", "quot;", "#39;", "ldquo;", "rdquo;", "lsquo;", "rsquo;", "hellip;", "ndash;", "mdash;", "laquo;", "raquo;"}

// onlyPrintingRefs tells whether every "&" of text starts one of
// printingRefs. Unescaping such text turns each reference, a run of bytes
// that are not white space, into one character that is not white space
// either, so its words are counted as well without unescaping it.
func onlyPrintingRefs(text []byte) bool {
	for i := bytes.IndexByte(text, '&'); i >= 0; {
		rest := text[i+1:]
		known := false
		for _, r := range printingRefs {
			if bytes.HasPrefix(rest, []byte(r)) {
				known = true
				break
			}
		}
		if !known {
			return false
		}
		j := bytes.IndexByte(rest, '&')
		if j < 0 {
			return true
		}
		i += 1 + j
	}
	return true
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
// characters that are not white space (unicode.IsSpace). ASCII, nearly
// all of a page's text, is counted without a branch on each byte.
func countFields[T string | []byte](s T) int {
	n, prev := 0, uint8(1) // prev: the character before was white space
	for i := 0; i < len(s); {
		var space uint8
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRune([]byte(s[i:min(i+utf8.UTFMax, len(s))])) // at most 4 bytes: no copy on the heap
			if unicode.IsSpace(r) {
				space = 1
			}
			i += size
		}
		n += int(prev &^ space)
		prev = space
	}
	return n
}

// asciiSpace marks the ASCII white space of unicode.IsSpace with 1.
var asciiSpace = [utf8.RuneSelf]uint8{' ': 1, '\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1}
