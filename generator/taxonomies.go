package generator

import (
	"slices"
	"strings"

	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/siteconfig"
	"github.com/affsite/affsite/tplfuncs"
)

// This file is Hugo's taxonomies: the [taxonomies] table (singular =
// plural) replaces the default tags and categories, as in Hugo, and
// disableKinds can turn the taxonomy and term pages off. A page's values
// of a taxonomy are its front matter under the plural name; an
// _index.md's put its list page (the home page, a section) on those
// terms' pages, as in Hugo.

// Taxonomy is one taxonomy of the site: "tag" and "tags".
type Taxonomy = siteconfig.Taxonomy

// assembleTaxonomies groups pages (termPages) by every taxonomy's
// values.
func (b *builder) assembleTaxonomies(pages []*Page) map[string][]*Term {
	out := map[string][]*Term{}
	for _, tax := range b.cfg.SiteTaxonomies() {
		plural := tax.Plural
		out[plural] = b.terms(plural, pages, func(p *Page) []string { return taxonomyValues(p, plural) }, termAdder(plural))
	}
	return out
}

// termAdder is what records a term on a page of the taxonomy plural:
// TagTerms and CategoryTerms for tags and categories, nothing else.
func termAdder(plural string) func(*Page, *Term) {
	switch plural {
	case "tags":
		return func(p *Page, t *Term) { p.TagTerms = append(p.TagTerms, t) }
	case "categories":
		return func(p *Page, t *Term) { p.CategoryTerms = append(p.CategoryTerms, t) }
	}
	return func(*Page, *Term) {}
}

// taxonomyValues are the page's values of the taxonomy plural ("tags",
// "series"), in its front matter's order.
func taxonomyValues(p *Page, plural string) []string {
	switch plural {
	case "tags":
		return p.Tags
	case "categories":
		return p.Categories
	}
	v, ok := values.LookupKey(p.Params, plural)
	if !ok {
		return nil
	}
	if s, ok := v.(string); ok {
		return []string{s}
	}
	list, _ := toStrings(v)
	return list
}

// GetTerms is the page's terms of a taxonomy ("series"), in its front
// matter's order, as in Hugo.
func (p *Page) GetTerms(taxonomy string) []*Term {
	if p.Site == nil {
		return nil
	}
	plural := strings.ToLower(taxonomy)
	terms := p.Site.Taxonomies[plural]
	var out []*Term
	for _, v := range taxonomyValues(p, plural) {
		slug := tplfuncs.URLize(v)
		i := slices.IndexFunc(terms, func(t *Term) bool { return t.Slug == slug })
		if i >= 0 && !slices.Contains(out, terms[i]) && terms[i].lists(p) {
			out = append(out, terms[i])
		}
	}
	return out
}

// lists tells whether the term's pages hold p: the page itself, or, for
// a list page, which renders as a copy per pager (renderListsOf), the
// list of its kind and URL.
func (t *Term) lists(p *Page) bool {
	return slices.ContainsFunc(t.Pages, func(q *Page) bool {
		return q == p || q.Kind != KindPage && q.Kind == p.Kind && q.RelPermalink == p.RelPermalink
	})
}

// termPages are the pages the taxonomies group: the listed regular
// pages, in order, and, as in Hugo, the home page and the sections whose
// _index.md gives terms, all in the lists' order (sortPages).
func (b *builder) termPages(regular []*Page, home *Page, sections map[string]*source) []*Page {
	var lists []*Page
	for name, s := range sections {
		p := home
		if name != "" {
			p = b.site.Sections[name]
		}
		if p != nil && p.RelPermalink != "" && b.hasTerms(s.page) {
			lists = append(lists, p)
		}
	}
	if len(lists) == 0 {
		return regular
	}
	pages := append(slices.Clone(regular), lists...)
	sortPages(pages)
	return pages
}

// hasTerms tells whether a page's front matter gives values of one of
// the site's taxonomies.
func (b *builder) hasTerms(p *Page) bool {
	for _, tax := range b.cfg.SiteTaxonomies() {
		if v, ok := values.LookupKey(p.Params, tax.Plural); ok && v != nil {
			return true
		}
	}
	return false
}
