package generator

import (
	"maps"
	"slices"
	"strings"
)

// This file is how a Session's rebuild of a site of one language edits
// a site value that shares its pages with the last good one, without
// writing what they share (copy on edit). The rebuild's value starts
// as a shallow copy (shallow): its own Site, source list and maps, the
// sources and pages the last value's. What the rebuild writes, it owns
// first:
//
//   - a page it renders (rendering sets its Content, WordCount,
//     TableOfContents…), or that an edit replaced, is a new Page (a copy,
//     or the edited file's new reading), which ownRendered puts in new
//     lists: the Site's, the home page's and sections' (all copied with
//     it) and those of the terms that list it (copied);
//   - assembling the lists again (reassemble), which links every page,
//     first copies the whole value (ownAll, derive.go).
//
// A page the rebuild neither renders nor replaces is shared, and keeps
// pointing at the Site, terms and section of the build that last made
// it: they list an earlier version of the pages edited since, and hold
// the same values otherwise (an edit that changes a page's place in the
// lists reassembles them). A page that is owned again is linked to the
// current ones (linkOwned).

// shallow is the site value a rebuild of a site of one language starts
// from: sv's pages, with its own Site (the same lists until
// ownRendered replaces them) and its own source list and maps.
func (sv *siteValue) shallow() *siteValue {
	nv := *sv
	site := *sv.site
	nv.site = &site
	nv.srcs = slices.Clone(sv.srcs)
	nv.sectionSources = maps.Clone(sv.sectionSources)
	nv.unpublished, nv.steps = maps.Clone(sv.unpublished), maps.Clone(sv.steps)
	return &nv
}

// ownAll gives the rebuild a copy of its whole site value, before
// assembling the lists again writes every page; what the rebuild
// marked is marked on the copies.
func (inc *increment) ownAll() {
	if !inc.shared {
		return
	}
	b := inc.b
	vals, r := deriveValues([]*siteValue{b.siteValue})
	b.siteValue = vals[0]
	b.bindSite()
	render := make(map[*source]bool, len(inc.render))
	for s := range inc.render {
		render[r.srcs[s]] = true
	}
	relisted := make(map[*Page]bool, len(inc.relisted))
	for p := range inc.relisted {
		relisted[r.page(p)] = true
	}
	inc.render, inc.relisted, inc.swaps, inc.shared = render, relisted, nil, false
}

// ownRendered gives the rebuild its own copy of each source it renders
// (the edited ones are new already) and puts their pages in new lists.
func (inc *increment) ownRendered() {
	if !inc.shared {
		return
	}
	b := inc.b
	var owned []*Page
	for i, s := range b.srcs {
		if !inc.render[s] {
			continue
		}
		if !inc.fresh[s] {
			delete(inc.render, s)
			s = inc.copySource(s)
			b.srcs[i] = s
			inc.render[s] = true
		}
		owned = append(owned, s.page)
	}
	if len(inc.swaps) == 0 {
		return
	}
	relisted := make(map[*Page]bool, len(inc.relisted))
	for p := range inc.relisted {
		if n, ok := inc.swaps[p]; ok {
			p = n
		}
		relisted[p] = true
	}
	inc.relisted = relisted
	inc.relist()
	for _, p := range owned {
		inc.linkOwned(p)
	}
}

// copySource is a copy of s and of its page, which replaces it.
func (inc *increment) copySource(s *source) *source {
	c, p := *s, *s.page
	p.Site = inc.b.site
	c.page = &p
	inc.swaps[s.page] = &p
	return &c
}

// relist puts the new pages (swaps) in new lists: the Site's, copies of
// the home page and every section (their tree links them to each
// other), and copies of the terms that list one of them.
func (inc *increment) relist() {
	b := inc.b
	r := newRelinker()
	maps.Copy(r.pages, inc.swaps)
	lists := []*Page{r.copyPage(b.home, b.site)}
	for _, name := range sortedKeys(b.site.Sections) {
		lists = append(lists, r.copyPage(b.site.Sections[name], b.site))
	}
	listed := func(p *Page) bool { _, ok := r.pages[p]; return ok }
	for _, ts := range b.site.Taxonomies {
		for _, t := range ts {
			if slices.ContainsFunc(t.Pages, listed) {
				c := *t
				c.Pages = r.list(t.Pages)
				r.terms[t] = &c
			}
		}
	}
	r.linkSite(b.site)
	b.home = r.page(b.home)
	for _, p := range lists {
		r.linkPage(p)
	}
}

// linkOwned links a page the rebuild owns to the Site, terms and
// section of the rebuild, found by name: the page may point at those of
// an earlier build (see the top of this file).
func (inc *increment) linkOwned(p *Page) {
	b := inc.b
	p.Site = b.site
	p.TagTerms, p.CategoryTerms = b.currentTerms(p.TagTerms), b.currentTerms(p.CategoryTerms)
	if old := p.tree.parent; old != nil {
		switch {
		case old.Kind == KindHome:
			p.tree.parent = b.home
		case b.site.Sections[old.tree.key] != nil:
			p.tree.parent = b.site.Sections[old.tree.key]
		}
	}
}

// currentTerms are the site's terms of the names of ts.
func (b *builder) currentTerms(ts []*Term) []*Term {
	if len(ts) == 0 {
		return ts
	}
	out := make([]*Term, 0, len(ts))
	for _, t := range ts {
		terms := b.site.Taxonomies[t.Taxonomy]
		if i, ok := slices.BinarySearchFunc(terms, t.Slug, func(x *Term, s string) int { return strings.Compare(x.Slug, s) }); ok {
			t = terms[i]
		}
		out = append(out, t)
	}
	return out
}
