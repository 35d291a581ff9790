package generator

import (
	"maps"
	"slices"
	"strings"
)

// This file is how a Session's rebuild edits a site value that shares
// its pages with the last good one, without writing what they share
// (copy on edit); on a multilingual site each language's rebuild does,
// together (langsession.go). The rebuild's value starts
// as a shallow copy (shallow): its own Site, source list and maps, the
// sources and pages the last value's. What the rebuild writes, it owns
// first:
//
//   - a page it renders (rendering sets its Content, WordCount,
//     TableOfContents…), or that an edit replaced, is a new Page (a copy,
//     or the edited file's new reading), which ownRendered puts in new
//     lists: the Site's, the home page's and sections' (all copied with
//     it) and those of the terms that list it (copied);
//   - on a multilingual site, the translations of a page it renders are
//     rendered too, so owned with it; every language's home page and
//     sections are copied once one language's are, and the owned pages
//     are linked to each other as translations (relinkTranslations);
//   - assembling the lists again (reassemble), which links every page,
//     first copies the whole value, every language's on a multilingual
//     site, since linking translations writes them all (ownAll,
//     derive.go).
//
// A page the rebuild neither renders nor replaces is shared, and keeps
// pointing at the Site, terms and section of the build that last made
// it: they list an earlier version of the pages edited since, and hold
// the same values otherwise (an edit that changes a page's place in the
// lists reassembles them). A page that is owned again is linked to the
// current ones (linkOwned).

// shallow is the site value a rebuild starts from: sv's pages, with its
// own Site (the same lists until ownRendered replaces them) and its own
// source list and maps; the section sources' map is shared, as nothing
// writes it (assembling the lists replaces it). (A multilingual site's
// root has no Site.)
func (sv *siteValue) shallow() *siteValue {
	nv := *sv
	if sv.site != nil {
		site := *sv.site
		nv.site = &site
	}
	nv.srcs = slices.Clone(sv.srcs)
	nv.unpublished, nv.steps = maps.Clone(sv.unpublished), maps.Clone(sv.steps)
	return &nv
}

// ownAll gives the rebuilds of a site (one, or a multilingual site's
// languages, whose pages link to each other) copies of their whole site
// values, before assembling the lists again writes every page: the
// pages an edit replaced (swaps) stand in the copies where those they
// replace stood, and what the rebuilds marked is marked on the copies.
// It returns the relinker that maps the last values to the copies.
func ownAll(incs []*increment) *relinker {
	var vals []*siteValue
	var shared []*increment
	swaps := map[*Page]*Page{}
	for _, inc := range incs {
		if inc.shared {
			shared = append(shared, inc)
			vals = append(vals, inc.b.siteValue)
			maps.Copy(swaps, inc.swaps)
		}
	}
	vals, r := deriveValues(vals, swaps)
	for i, inc := range shared {
		inc.owns(vals[i], r)
	}
	return r
}

// owns makes nv, a copy of the rebuild's site value that r made, the
// rebuild's own.
func (inc *increment) owns(nv *siteValue, r *relinker) {
	b := inc.b
	b.siteValue = nv
	b.bindSite()
	for _, n := range inc.swaps {
		n.Site = b.site
	}
	render := make(map[*source]bool, len(inc.render))
	for s := range inc.render {
		render[r.srcs[s]] = true
	}
	inc.render, inc.relisted, inc.swaps, inc.shared = render, swapped(inc.relisted, r.pages), nil, false
	inc.ownsAll = true
}

// swapped is the set of pages with each one that swaps maps replaced by
// its replacement.
func swapped(set map[*Page]bool, swaps map[*Page]*Page) map[*Page]bool {
	out := make(map[*Page]bool, len(set))
	for p := range set {
		if n, ok := swaps[p]; ok {
			p = n
		}
		out[p] = true
	}
	return out
}

// ownRendered gives the rebuilds of a site (one, or a multilingual
// site's languages) their own copy of each source they render (the
// edited ones are new already) and puts their pages in new lists. On a
// multilingual site, once one language has new pages every language
// puts its home page and sections in new lists (their translations
// change), and the new pages are linked to each other as translations.
// From then on what the rebuilds write is their own.
//
// When list templates read the links of the pages they list
// (listsReachPages), a shared page's would lead to the last build's
// lists: the rebuilds then own their whole values (ownAll) instead.
// What they render is decided first (markReaders).
func ownRendered(incs []*increment) {
	for _, inc := range incs {
		inc.markReaders()
	}
	if slices.ContainsFunc(incs, (*increment).reachesShared) {
		ownAll(incs)
		return
	}
	owned := make([][]*Page, len(incs))
	relist := false
	for i, inc := range incs {
		if inc.shared {
			owned[i] = inc.copyRendered()
			relist = relist || len(inc.swaps) > 0
		}
	}
	for i, inc := range incs {
		if relist && inc.shared {
			inc.relistOwned(owned[i])
		}
	}
	if relist && len(incs) > 1 {
		relinkTranslations(incs)
	}
	for _, inc := range incs {
		inc.shared = false
	}
}

// markReaders marks every page of a shared rebuild for rendering when
// a page's templates read the lists (singleReadsLists) and a page shows
// something new in them (relisted), as assembling them again does.
func (inc *increment) markReaders() {
	if inc.shared && len(inc.relisted) > 0 && inc.b.tmpl.use.singleReadsLists {
		for _, s := range inc.b.srcs {
			inc.render[s] = true
		}
	}
}

// reachesShared tells whether the rebuild renders lists whose
// templates may show what shared pages link to: it shows something new
// in them, or may once rendered (listsShowRendered). (An edit that
// shows nothing new renders none, and the lists a later one renders are
// linked again.)
func (inc *increment) reachesShared() bool {
	u := &inc.b.tmpl.use
	return inc.shared && u.listsReachPages && (len(inc.relisted) > 0 || u.listsShowRendered && len(inc.render) > 0)
}

// copyRendered gives the rebuild its own copy of each source it renders
// and returns their pages.
func (inc *increment) copyRendered() []*Page {
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
	return owned
}

// relistOwned puts the rebuild's new pages in new lists (relist) and
// links its owned pages to them.
func (inc *increment) relistOwned(owned []*Page) {
	inc.relisted = swapped(inc.relisted, inc.swaps)
	inc.relist()
	for _, p := range owned {
		inc.linkOwned(p)
	}
}

// relinkTranslations links the pages the languages' rebuilds own (their
// swaps, with the lists relist copied) to the owned ones among their
// translations. A page whose translations are all shared needs no new
// list: relink marks every translation of a page a rebuild renders, and
// every language copies its home page and sections.
func relinkTranslations(incs []*increment) {
	r := newRelinker()
	for _, inc := range incs {
		maps.Copy(r.pages, inc.swaps)
	}
	for _, inc := range incs {
		for _, p := range inc.swaps {
			p.translations = r.list(p.translations)
		}
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
	inc.swaps = r.pages // the pages the rebuild owns, by the ones they replace
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
