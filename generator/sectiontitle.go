package generator

import (
	"path"
	"unicode"
	"unicode/utf8"

	"github.com/gobuffalo/flect"
)

// sectionTitle is the title of the section of key (its folder below
// content/) until its _index.md gives one. On a Hugo-configured site it
// is Hugo 0.111's: the folder's name with its first letter upper-case,
// and pluralised (content/post/ is "Posts") unless pluralizeListTitles
// is false. Hugo pluralises with gobuffalo/flect v0.3.0, the version
// required here, so that the titles are the same word for word, its
// quirks too ("box" is "boxes"). On a site.toml site it is the folder's
// name humanised ("buying-guide" is "Buying guide"), pluralised only
// when site.toml says pluralizeListTitles = true, and always with a
// capital ("Boxes").
func (b *builder) sectionTitle(key string) string {
	name := path.Base(key)
	if !b.hugoConfigured() {
		if b.cfg.ListTitlesPlural() {
			name = flect.Pluralize(humanize(name))
		}
		return humanize(name) // again: flect may lower a letter
	}
	name = firstUpper(name)
	if b.cfg.ListTitlesPlural() {
		name = flect.Pluralize(name)
	}
	return name
}

// firstUpper is s with its first letter upper-case, as Hugo's
// helpers.FirstUpper.
func firstUpper(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
