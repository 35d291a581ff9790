package generator

import (
	"path"

	"github.com/affsite/affsite/tplfuncs"
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
			name = flect.Pluralize(tplfuncs.Humanize(name))
		}
		return tplfuncs.Humanize(name) // again: flect may lower a letter
	}
	name = tplfuncs.FirstUpper(name)
	if b.cfg.ListTitlesPlural() {
		name = flect.Pluralize(name)
	}
	return name
}
