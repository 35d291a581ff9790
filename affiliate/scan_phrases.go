package affiliate

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultDisclosurePhrases returns the wordings of an author's own
// disclosure that Scan recognises when [affiliate] disclosure_phrases is
// not set. Each says that the page pays its author; none is a phrase a
// review of an affiliate program uses about its readers ("you earn a
// commission of 30 %"), which is why bare "affiliate link" and "earn a
// commission" are not among them: on a site that reviews affiliate
// programs they would silence the disclosure box on pages that disclose
// nothing.
func DefaultDisclosurePhrases() []string {
	return []string{
		"contains affiliate links", "contains affiliate link", "contain affiliate links", "contains an affiliate link",
		"contain an affiliate link", "contains some affiliate links", "contains Amazon affiliate links",
		"contain Amazon affiliate links", "includes affiliate links", "include affiliate links",
		"are affiliate links", "is an affiliate link", "uses affiliate links", "use affiliate links",
		"As an Amazon Associate", "earn from qualifying purchases", "Amazon Services LLC Associates Program",
		"I earn a commission", "we earn a commission", "I may earn a commission", "we may earn a commission",
		"I earn a small commission", "we earn a small commission", "I may earn a small commission", "we may earn a small commission",
		"I receive a commission", "we receive a commission", "I may receive a commission", "we may receive a commission",
		"I get a commission", "we get a commission", "I may get a commission", "we may get a commission",
		"may receive compensation", "I may be compensated", "we may be compensated",
		"at no extra cost to you", "at no additional cost to you",
	}
}

// Phrases are disclosure phrases made ready for matching (NewPhrases).
// The zero value matches nothing.
type Phrases struct {
	given   []string         // as configured, for messages
	norm    [][]byte         // normalized, each with a space on either side
	byFirst map[string][]int // first word → indexes of the phrases it starts
}

// NewPhrases prepares phrases for matching: in any case, with any run of
// spaces, punctuation or symbols taken as one space, as whole words. A
// phrase without a letter or digit is an error.
func NewPhrases(phrases []string) (Phrases, error) {
	p := Phrases{byFirst: map[string][]int{}}
	for i, s := range phrases {
		n := normalizeText(s)
		if n == "" {
			return Phrases{}, fmt.Errorf("disclosure phrase %q has no letter or digit", s)
		}
		first, _, _ := strings.Cut(n, " ")
		p.given = append(p.given, s)
		p.norm = append(p.norm, []byte(" "+n+" "))
		p.byFirst[first] = append(p.byFirst[first], i)
	}
	return p, nil
}

// Len is the number of phrases.
func (p Phrases) Len() int { return len(p.norm) }

// phraseMatch is where a phrase was found in a text.
type phraseMatch struct {
	phrase     string // as configured
	start, end int    // byte range of the match in the text searched
}

// find returns the match of a phrase in text that ends first, and
// whether there is one. scratch is a buffer find may reuse.
func (p Phrases) find(text []byte, scratch *[]byte) (phraseMatch, bool) {
	if len(p.norm) == 0 {
		return phraseMatch{}, false
	}
	padded := append(appendNormalized(append((*scratch)[:0], ' '), text, nil), ' ')
	*scratch = padded
	phrase, j := p.firstEnding(padded)
	if phrase < 0 {
		return phraseMatch{}, false
	}
	// Most blocks hold no phrase: only a match is mapped back to text.
	// padded[j] is the space before the phrase, at[j] the offset of its
	// first character; its last is at[j+len(n)-3].
	var at []int
	appendNormalized(nil, text, &at)
	last := at[j+len(p.norm[phrase])-3]
	_, size := utf8.DecodeRune(text[last:])
	return phraseMatch{p.given[phrase], at[j], last + size}, true
}

// firstEnding returns the phrase that ends first in padded (normalized
// text between spaces) and where it starts, or -1: it looks up each word
// of the text among the phrases' first words.
func (p Phrases) firstEnding(padded []byte) (phrase, at int) {
	phrase, end := -1, 0
	for k := 0; k < len(padded)-1; k++ {
		if padded[k] != ' ' {
			continue
		}
		w := padded[k+1:]
		if n := bytes.IndexByte(w, ' '); n >= 0 {
			w = w[:n]
		}
		for _, i := range p.byFirst[string(w)] {
			if e := k + len(p.norm[i]); bytes.HasPrefix(padded[k:], p.norm[i]) && (phrase < 0 || e < end) {
				phrase, at, end = i, k, e
			}
		}
	}
	return phrase, at
}

// normalizeText lowercases s and turns every run of characters other
// than letters and digits into one space, trimmed at both ends.
func normalizeText(s string) string { return string(appendNormalized(nil, []byte(s), nil)) }

// appendNormalized appends normalizeText(s) to dst. When at is not nil,
// it gets the byte offset in s of the character that gave each byte
// appended.
func appendNormalized(dst []byte, s []byte, at *[]int) []byte {
	space := true // at the start: drop leading separators
	start := len(dst)
	for i := 0; i < len(s); {
		r, size, ok := lowerWordRune(s[i:])
		if !ok {
			space = true
			i += size
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
			if at != nil {
				*at = append(*at, i)
			}
		}
		space = false
		n := len(dst)
		if r < utf8.RuneSelf {
			dst = append(dst, byte(r))
		} else {
			dst = utf8.AppendRune(dst, r)
		}
		if at != nil {
			for range len(dst) - n {
				*at = append(*at, i)
			}
		}
		i += size
	}
	return dst
}

// lowerWordRune decodes the first character of s, lowercased, and tells
// whether it is a letter or digit (ASCII without a table lookup: most
// text is).
func lowerWordRune(s []byte) (r rune, size int, ok bool) {
	if c := s[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return rune(c), 1, 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	r, size = utf8.DecodeRune(s)
	return unicode.ToLower(r), size, unicode.IsLetter(r) || unicode.IsDigit(r)
}
