package generator

import "strings"

// This file is what an _index.md's front matter does to its list page
// beyond its text, as in Hugo: its aliases, and its _build options
// (render: never or link leaves the list page, its pagers and feed
// unwritten and out of the sitemap; the pages below are built as their
// own options say, which a cascade can set).
//
// disableKinds: home, section, RSS, sitemap, robotsTXT and 404 leave
// those files out, as taxonomy and term do (taxonomies.go).

// sectionAliasSources are the _index.md sources whose list pages have
// aliases, each standing for its list page (its URL and output folder),
// so that writeAlias resolves and writes them as a page's.
func (b *builder) sectionAliasSources() []*source {
	var out []*source
	for _, name := range sortedKeys(b.sectionSources) {
		s := b.sectionSources[name]
		if len(s.page.Aliases) == 0 {
			continue
		}
		p := b.sectionListPage(name)
		if p == nil || p.RelPermalink == "" {
			continue
		}
		lp := *p
		lp.Aliases = s.page.Aliases
		cp := *s
		cp.page = &lp
		cp.outPath = strings.TrimPrefix(strings.TrimPrefix(p.RelPermalink, b.basePath), "/") + "index.html"
		out = append(out, &cp)
	}
	return out
}

// listRendered tells whether the list page of the section (its folder;
// "" for the home page) is written: its _index.md's render option.
//
// disableKinds with home or section turns those off too.
func (b *builder) listRendered(name string) bool {
	if name == "" && b.cfg.KindDisabled(KindHome) || name != "" && b.cfg.KindDisabled(KindSection) {
		return false
	}
	s, ok := b.sectionSources[name]
	return !ok || s.build.rendered()
}

// sectionSourceOf is the _index.md source of the file, or nil.
func (b *builder) sectionSourceOf(file string) *source {
	for _, s := range b.sectionSources {
		if s.file == file {
			return s
		}
	}
	return nil
}
