package generator

import (
	"path"
	"slices"
	"strings"

	"github.com/affsite/affsite/tplfuncs"
)

// This file is Hugo's _index.md of a taxonomy (content/tags/_index.md)
// or of a term (content/tags/blue/_index.md): it gives that page its
// title, description, params and text, not a section of its own, and
// the term page still lists the term's pages. A term's _index.md makes
// its page even when no page has the term, as in Hugo.

// taxonomyIndexDir is the site folder ("tags/", "tags/blue/") of the
// taxonomy or term page the _index.md of the section key gives, or ""
// when key is a section's.
func (b *builder) taxonomyIndexDir(key string) string {
	tax, term, isTerm := strings.Cut(key, "/")
	if !slices.Contains(b.cfg.TaxonomyPlurals(), tax) || strings.Contains(term, "/") {
		return ""
	}
	if isTerm {
		return tax + "/" + tplfuncs.URLize(term) + "/"
	}
	return tax + "/"
}

// takeTaxonomyIndexes makes the taxonomy and term pages of the
// _index.md files among sections into b.taxonomyLists, by site folder,
// and returns the other, the sections'.
func (b *builder) takeTaxonomyIndexes(sections map[string]*source) map[string]*source {
	b.taxonomyLists = map[string]*Page{}
	rest := make(map[string]*source, len(sections))
	for key, s := range sections {
		dir := b.taxonomyIndexDir(key)
		if dir == "" {
			rest[key] = s
			continue
		}
		tax, _, isTerm := strings.Cut(key, "/")
		kind, title := KindTaxonomy, tplfuncs.Humanize(tax)
		if isTerm {
			kind, title = KindTerm, "" // the term's name (titleTermIndexes)
		}
		p := b.listPage(kind, title, dir)
		p.Section = tax
		b.fillFromIndex(p, s)
		b.taxonomyLists[dir] = p
	}
	return rest
}

// titleTermIndexes titles each term page whose _index.md gives no
// title after its term, as the term pages without one are: the name
// its first page gives it, else (no page has it) its folder's.
func (b *builder) titleTermIndexes(taxonomies map[string][]*Term) {
	for tax, terms := range taxonomies {
		for _, t := range terms {
			if p := b.taxonomyLists[tax+"/"+t.Slug+"/"]; p != nil && p.Title == "" {
				p.Title = t.Name
			}
		}
	}
	for dir, p := range b.taxonomyLists {
		if p.Title == "" {
			p.Title = path.Base(dir)
		}
	}
}

// taxonomyTerms are the terms of the taxonomy tax its pages list, then
// those only an _index.md gives (unusedTerms).
func (b *builder) taxonomyTerms(tax string) []*Term {
	terms := b.site.Taxonomies[tax]
	return append(slices.Clone(terms), b.unusedTerms(tax, terms)...)
}

// taxonomyList is the taxonomy or term page at the site folder dir: the
// one its _index.md made, else a new one.
func (b *builder) taxonomyList(kind, title, dir string) *Page {
	if p, ok := b.taxonomyLists[dir]; ok {
		return p
	}
	p := b.listPage(kind, title, dir)
	p.Section, _, _ = strings.Cut(dir, "/")
	return p
}

// unusedTerms are the terms of the taxonomy tax that only an _index.md
// gives (no page has them), without pages, in slug order.
func (b *builder) unusedTerms(tax string, terms []*Term) []*Term {
	var out []*Term
	for _, dir := range sortedKeys(b.taxonomyLists) {
		p := b.taxonomyLists[dir]
		slug := strings.TrimSuffix(strings.TrimPrefix(dir, tax+"/"), "/")
		if p.Kind != KindTerm || p.Section != tax || slices.ContainsFunc(terms, func(t *Term) bool { return t.Slug == slug }) {
			continue
		}
		out = append(out, &Term{Name: slug, Slug: slug, Taxonomy: tax, RelPermalink: p.RelPermalink, Permalink: p.Permalink})
	}
	return out
}
