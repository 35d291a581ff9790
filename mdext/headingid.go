// Package mdext holds goldmark extensions that make Markdown render as
// Hugo 0.111's goldmark does: heading ids in Hugo's three
// autoHeadingIDType styles (HeadingIDs, Anchorize) and block attributes
// set by a "{.class #id}" line below a block (BlockAttributes); and
// goldmark's linkify, refusing cheaply where it finds no link (Linkify).
package mdext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/affsite/affsite/siteconfig"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// HeadingIDs makes heading ids the way Hugo's do, in the style of
// markup.goldmark.parser.autoHeadingIDType: by default ("github")
// "## Gold Plan" gets id="gold-plan", a second one "gold-plan-1", and a
// heading with no letter or digit "heading". One value serves one page.
type HeadingIDs struct {
	used  map[string]bool
	style string
}

// NewHeadingIDs returns the ids of one page's headings in style, one of
// the siteconfig.HeadingID* styles.
func NewHeadingIDs(style string) *HeadingIDs {
	return &HeadingIDs{used: map[string]bool{}, style: style}
}

// Generate implements parser.IDs.
func (h *HeadingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := anchorize(value, h.style)
	if base == "" {
		base = "id"
		if kind == ast.KindHeading {
			base = "heading"
		}
	}
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (h *HeadingIDs) Put(value []byte) { h.used[string(value)] = true }

// Anchorize makes the id of a heading whose text is s in one of
// Hugo's styles. github: the text trimmed, lower case, a space or hyphen
// a hyphen, letters, digits and "_" kept, the rest dropped;
// github-ascii: the same of the text without accents, keeping ASCII
// only; blackfriday: runs of anything but letters and digits become one
// hyphen between words.
func Anchorize(s, style string) string { return anchorize(s, style) }

// anchorize is Anchorize of text as bytes or a string: ASCII text, most
// headings, in the github styles is read without a copy and written to
// the id at once.
func anchorize[T string | []byte](text T, style string) string {
	if style != siteconfig.HeadingIDBlackfriday && isASCII(text) {
		return asciiAnchor(text)
	}
	s := string(text)
	if style == siteconfig.HeadingIDBlackfriday {
		return blackfridayAnchor(s)
	}
	return githubAnchor(s, style == siteconfig.HeadingIDGitHubASCII)
}

// githubAnchor is the id of s in the github style, or github-ascii when
// ascii is set.
func githubAnchor(s string, ascii bool) string {
	if ascii {
		s = removeAccents(s)
	}
	s = strings.TrimSpace(s)
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case ascii && utf8.RuneLen(r) != 1:
		case r == '-' || r == ' ':
			out = append(out, '-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			out = append(out, unicode.ToLower(r))
		}
	}
	return string(out)
}

// isASCII tells whether s is all ASCII.
func isASCII[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiAnchor is the github styles' id of ASCII text (no accents to
// take off): trimmed of white space, a space or hyphen a hyphen, ASCII
// letters (lower case), digits and "_" kept, the rest dropped.
func asciiAnchor[T string | []byte](s T) string {
	i, j := 0, len(s)
	for i < j && asciiSpace(s[i]) {
		i++
	}
	for j > i && asciiSpace(s[j-1]) {
		j--
	}
	var sb strings.Builder
	sb.Grow(j - i)
	for ; i < j; i++ {
		switch c := s[i]; {
		case c == '-' || c == ' ':
			sb.WriteByte('-')
		case 'A' <= c && c <= 'Z':
			sb.WriteByte(c + 'a' - 'A')
		case c == '_' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// asciiSpace is strings.TrimSpace's white space among ASCII bytes.
func asciiSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// blackfridayAnchor is Blackfriday's SanitizedAnchorName, Hugo's
// "blackfriday" style.
func blackfridayAnchor(s string) string {
	var out []rune
	dash := false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			dash = true
			continue
		}
		if dash && len(out) > 0 {
			out = append(out, '-')
		}
		dash = false
		out = append(out, unicode.ToLower(r))
	}
	return string(out)
}

// removeAccents takes the accents off letters ("é" is "e"), as Hugo's
// text.RemoveAccents does: decomposed, marks dropped, composed again.
func removeAccents(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}
