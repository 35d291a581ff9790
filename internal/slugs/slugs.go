// Package slugs makes path segments of names and titles, the two ways
// affsite does: URLize, Hugo's urlize, for the paths the generator
// builds (taxonomy terms, sections, titles) and the importers that must
// predict them; Words (and ASCIIWords), for the file names and ids made
// from a title.
package slugs

import (
	"strings"
	"unicode"
)

// URLize makes a path segment of s as Hugo's urlize does: lower case;
// spaces, hyphens and slashes to one hyphen; letters, digits, '_' and
// '.' kept; anything else dropped.
func URLize(s string) string {
	var b strings.Builder
	lastHyphen := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.':
			b.WriteRune(r)
			lastHyphen = false
		case unicode.IsSpace(r) || r == '-' || r == '/':
			if !lastHyphen && b.Len() > 0 {
				b.WriteByte('-')
				lastHyphen = true
			}
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// Words makes a slug of s: its letters and digits in lower case, each
// other run of characters one hyphen between them: "One referral a
// month!" → "one-referral-a-month".
func Words(s string) string {
	return words(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// ASCIIWords is Words for a name that must be ASCII, such as a program's
// id: only the ASCII letters and digits are kept ("Café Pro" →
// "caf-pro").
func ASCIIWords(s string) string {
	return words(s, func(r rune) bool { return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' })
}

// words is s in lower case, the runes keep keeps, each run of others one
// hyphen between them.
func words(s string, keep func(rune) bool) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(s) {
		if !keep(r) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
		gap = false
	}
	return b.String()
}
