package generator

// This file is how a Session's rebuild that assembles the lists again
// gets a site value of its own to edit (ownAll, sessionown.go): a copy
// of the last good one, which it never writes, so a rebuild that fails
// anywhere leaves the last good value as it was for the next one to
// start from.
//
// The copy is shallow: a new Site, and a new source, Page or Term
// struct for each one of the last value (content pages, _index.md
// files, the home page and section lists, the terms), whose text,
// front matter, results and maps are shared and never written (a
// rebuild replaces a field, it does not edit what it holds). The
// pointers between them (the lists, the section tree, the terms, the
// translations, the menus' pages; each page's Site) are linked again to
// the copies, in one pass over what the last value holds: assembling
// the lists again from the pages would give the same, at five times the
// cost of a one-post rebuild.

// relinker maps what the last site values hold to its copies.
type relinker struct {
	srcs   map[*source]*source
	pages  map[*Page]*Page
	terms  map[*Term]*Term
	lists  map[listKey][]*Page // a list shared by two owners stays shared (home.Pages is Site.Posts)
	copies []*Page             // the pages copied, to link
	newTer []*Term             // the terms copied, to link
}

// listKey identifies a list of pages by its memory.
type listKey struct {
	first **Page
	n     int
}

// deriveValues copies the site values of a site (one, or a
// multilingual site's languages, whose pages link to each other) and
// links the copies to each other. The pages an edit replaced (swaps,
// by the page replaced) are the rebuild's own already: they are linked,
// not copied, and stand where the pages they replace stood.
func deriveValues(vals []*siteValue, swaps map[*Page]*Page) ([]*siteValue, *relinker) {
	r := newRelinker()
	for o, n := range swaps {
		r.pages[o], r.pages[n] = n, n
		r.copies = append(r.copies, n)
	}
	out := make([]*siteValue, len(vals))
	for i, sv := range vals {
		out[i] = r.copyValue(sv)
	}
	for _, nv := range out {
		if nv.site != nil {
			r.linkSite(nv.site)
			nv.home = r.page(nv.home)
		}
	}
	for _, p := range r.copies {
		r.linkPage(p)
	}
	for _, t := range r.newTer {
		t.Pages = r.list(t.Pages)
	}
	return out, r
}

func newRelinker() *relinker {
	return &relinker{srcs: map[*source]*source{}, pages: map[*Page]*Page{}, terms: map[*Term]*Term{}, lists: map[listKey][]*Page{}}
}

// copyValue copies sv, its Site, its sources with their pages, its list
// pages and its terms, to be linked.
func (r *relinker) copyValue(sv *siteValue) *siteValue {
	nv := sv.shallow() // sessionown.go
	site := nv.site
	if site == nil {
		return nv // a multilingual site's root: its value is empty
	}
	for i, s := range nv.srcs {
		nv.srcs[i] = r.copySource(s, site)
	}
	nv.sectionSources = make(map[string]*source, len(sv.sectionSources))
	for k, s := range sv.sectionSources {
		nv.sectionSources[k] = r.copySource(s, site)
	}
	r.copyPage(sv.home, site)
	for _, p := range sv.site.Sections {
		r.copyPage(p, site)
	}
	for _, ts := range sv.site.Taxonomies {
		for _, t := range ts {
			c := *t
			r.terms[t] = &c
			r.newTer = append(r.newTer, &c)
		}
	}
	return nv
}

// copySource copies a source and its page, the page in site.
func (r *relinker) copySource(s *source, site *Site) *source {
	c := *s
	c.page = r.copyPage(s.page, site)
	r.srcs[s] = &c
	return &c
}

// copyPage copies p, once, the copy in site (p's Site may be that of
// an earlier build: sessionown.go).
func (r *relinker) copyPage(p *Page, site *Site) *Page {
	if p == nil {
		return nil
	}
	if c, ok := r.pages[p]; ok {
		return c
	}
	c := *p
	c.Site = site
	r.pages[p] = &c
	r.copies = append(r.copies, &c)
	return &c
}

// linkSite points a copied Site's lists, sections, terms and menus at
// the copies.
func (r *relinker) linkSite(site *Site) {
	site.RegularPages, site.Posts, site.Pages = r.list(site.RegularPages), r.list(site.Posts), r.list(site.Pages)
	secs := make(map[string]*Page, len(site.Sections))
	for k, p := range site.Sections {
		secs[k] = r.page(p)
	}
	site.Sections = secs
	taxes := make(map[string][]*Term, len(site.Taxonomies))
	for k, ts := range site.Taxonomies {
		taxes[k] = r.termList(ts)
	}
	site.Taxonomies = taxes
	if site.Menus != nil {
		menus := make(map[string]Menu, len(site.Menus))
		for k, m := range site.Menus {
			menus[k] = r.menu(m)
		}
		site.Menus = menus
	}
}

// linkPage points a copied page at the copies.
func (r *relinker) linkPage(p *Page) {
	p.Pages, p.translations = r.list(p.Pages), r.list(p.translations)
	p.TagTerms, p.CategoryTerms, p.Terms = r.termList(p.TagTerms), r.termList(p.CategoryTerms), r.termList(p.Terms)
	if t, ok := r.terms[p.Term]; ok {
		p.Term = t
	}
	p.tree.parent = r.page(p.tree.parent)
	p.tree.sections, p.tree.regular = r.list(p.tree.sections), r.list(p.tree.regular)
}

// page is p's copy, or p when it has none.
func (r *relinker) page(p *Page) *Page {
	if c, ok := r.pages[p]; ok {
		return c
	}
	return p
}

// list is a new list of the copies of ps's pages, the same one for
// every owner of ps.
func (r *relinker) list(ps []*Page) []*Page {
	if len(ps) == 0 {
		return ps
	}
	k := listKey{&ps[0], len(ps)}
	if out, ok := r.lists[k]; ok {
		return out
	}
	out := make([]*Page, len(ps))
	for i, p := range ps {
		out[i] = r.page(p)
	}
	r.lists[k] = out
	return out
}

// termList is a new list of the copies of ts's terms.
func (r *relinker) termList(ts []*Term) []*Term {
	if len(ts) == 0 {
		return ts
	}
	out := make([]*Term, len(ts))
	for i, t := range ts {
		if c, ok := r.terms[t]; ok {
			t = c
		}
		out[i] = t
	}
	return out
}

// menu is a copy of m whose entries link to the copies of their pages.
func (r *relinker) menu(m Menu) Menu {
	if m == nil {
		return nil
	}
	out := make(Menu, len(m))
	for i, e := range m {
		c := *e
		c.Page = r.page(e.Page)
		c.Children = r.menu(e.Children)
		out[i] = &c
	}
	return out
}
