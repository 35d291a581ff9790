package tplfuncs

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/affsite/affsite/internal/slugs"
)

// URLize is the urlize template function: slugs.URLize of s as text.
func URLize(s any) string { return slugs.URLize(fmt.Sprint(s)) }

// Plainify strips HTML tags and unescapes entities.
func Plainify(s any) string {
	var str string
	switch t := s.(type) {
	case template.HTML:
		str = string(t)
	case string:
		str = t
	default:
		str = fmt.Sprint(s)
	}
	if strings.IndexByte(str, '<') >= 0 {
		str = string(appendText(make([]byte, 0, len(str)), str))
	}
	if strings.IndexByte(str, '&') >= 0 {
		str = html.UnescapeString(str)
	}
	return strings.TrimSpace(str)
}

// Truncate shortens s to at most n runes, at a word boundary, adding "…".
func Truncate(n int, s any) string {
	str := Plainify(s)
	r := []rune(str)
	if len(r) <= n {
		return str
	}
	cut := string(r[:n])
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

func titleCase(s any) string {
	words := strings.Fields(fmt.Sprint(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// Humanize is Hugo's humanize: s with "-" and "_" as spaces, its first
// letter upper case.
func Humanize(s any) string {
	return FirstUpper(wordBreaks.Replace(fmt.Sprint(s)))
}

// wordBreaks turns Humanize's "-" and "_" into spaces. It is made once
// and never changed (a Replacer is safe for concurrent use).
var wordBreaks = strings.NewReplacer("-", " ", "_", " ")

// FirstUpper is s with its first letter upper-case, as Hugo's
// helpers.FirstUpper.
func FirstUpper(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
