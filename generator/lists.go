package generator

import (
	"bytes"
	"cmp"
	"html/template"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/tplfuncs"
)

// assemble links the pages into the site: sorted page lists, sections,
// taxonomies, the menu.
func (b *builder) assemble(srcs []*source, sections map[string]*source) {
	site := b.site
	site.RegularPages, site.Pages, site.Menu, site.BuildDate = nil, nil, nil, time.Time{}
	site.Posts = nil
	b.prepareAffiliate(srcs, sections)
	var inSections []*Page // the listed pages and those of list: local
	for _, s := range srcs {
		s.page.TagTerms, s.page.CategoryTerms = nil, nil
		if s.build.listed() {
			site.RegularPages = append(site.RegularPages, s.page)
		}
		if s.build.list != "never" {
			inSections = append(inSections, s.page)
		}
	}
	sortPages(site.RegularPages)
	sortPages(inSections)
	site.MainSections = b.mainSections(site.RegularPages)
	for _, p := range site.RegularPages {
		if isPost(p, site.MainSections) {
			site.Posts = append(site.Posts, p)
		}
	}
	home := b.listPage(KindHome, site.Title, "")
	secs := b.takeTaxonomyIndexes(sections)    // taxonomyindex.go
	b.assembleSections(inSections, secs, home) // sections.go
	if s, ok := sections[""]; ok {
		b.fillFromIndex(home, s)
	}
	site.Taxonomies = b.assembleTaxonomies(b.termPages(site.RegularPages, home, secs))
	b.titleTermIndexes(site.Taxonomies)
	names := sortedKeys(site.Sections)
	for _, n := range names {
		if isNestedSection(n) {
			continue
		}
		site.Menu = append(site.Menu, MenuEntry{Name: site.Sections[n].Title, URL: site.Sections[n].RelPermalink})
	}
	for _, tax := range b.cfg.TaxonomyPlurals() {
		if len(site.Taxonomies[tax]) > 0 && !b.cfg.KindDisabled(KindTaxonomy) {
			site.Menu = append(site.Menu, MenuEntry{Name: tplfuncs.Humanize(tax), URL: b.basePath + tax + "/"})
		}
	}
	home.Pages = site.Posts
	site.Pages = append(site.Pages, home)
	site.Pages = append(site.Pages, site.RegularPages...)
	for _, n := range names {
		site.Pages = append(site.Pages, site.Sections[n])
	}
	for _, p := range site.RegularPages {
		site.BuildDate = later(site.BuildDate, p.Lastmod)
	}
	b.home = home
	b.sectionSources = sections
	b.step("menus", func() error { b.assembleMenus(srcs, sections); return nil }) // warnings.go
}

// fillFromIndex gives a list page the title, description, terms and
// text of its _index.md; the text is rendered with the lists.
func (b *builder) fillFromIndex(p *Page, s *source) {
	if s.page.Title != "" {
		p.Title = s.page.Title
	}
	p.Tags, p.Categories = s.page.Tags, s.page.Categories
	p.Description = s.page.Description
	p.Params = s.page.Params
	p.File = s.file
	p.Summary = s.page.Summary
	showIndex(p, s) // a Session's rebuild lists again what the last build rendered
}

// listPage makes a list page at the site path dir ("posts/").
func (b *builder) listPage(kind, title, dir string) *Page {
	return &Page{
		Kind: kind, Title: title, Site: b.site, Params: map[string]any{},
		RelPermalink: b.basePath + dir, Permalink: b.absURL(dir),
	}
}

// terms groups pages, in order, by the values of one taxonomy.
func (b *builder) terms(tax string, pages []*Page, values func(*Page) []string, link func(*Page, *Term)) []*Term {
	bySlug := map[string]*Term{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, v := range values(p) {
			slug := tplfuncs.URLize(v)
			if slug == "" || seen[slug] {
				continue
			}
			seen[slug] = true
			t, ok := bySlug[slug]
			if !ok {
				dir := tax + "/" + slug + "/"
				t = &Term{Name: v, Slug: slug, Taxonomy: tax, RelPermalink: b.basePath + dir, Permalink: b.absURL(dir)}
				bySlug[slug] = t
			}
			t.Pages = append(t.Pages, p)
			t.Count++
			link(p, t)
		}
	}
	out := make([]*Term, 0, len(bySlug))
	for _, t := range bySlug {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out
}

// sortPages orders pages newest first, then by weight, title and URL, so
// the order never depends on the file system.
func sortPages(ps []*Page) {
	slices.SortStableFunc(ps, func(a, b *Page) int {
		return cmp.Or(
			b.Date.Compare(a.Date),
			cmp.Compare(a.Weight, b.Weight),
			cmp.Compare(a.Title, b.Title),
			cmp.Compare(a.RelPermalink, b.RelPermalink),
		)
	})
}

// paginate splits a list page into pagers: /dir/, /dir/page/2/, …
func (b *builder) paginate(p *Page, dir string) []*Pager {
	size := b.cfg.Paginate
	n := (len(p.Pages) + size - 1) / size
	if n == 0 {
		n = 1
	}
	url := func(i int) string {
		if i == 1 {
			return b.basePath + dir
		}
		return b.basePath + dir + b.cfg.PaginatePath + "/" + strconv.Itoa(i) + "/"
	}
	first := &PagerLink{PageNumber: 1, URL: url(1)}
	last := &PagerLink{PageNumber: n, URL: url(n)}
	pagers := make([]*Pager, n)
	for i := 1; i <= n; i++ {
		lo, hi := (i-1)*size, i*size
		if hi > len(p.Pages) {
			hi = len(p.Pages)
		}
		pg := &Pager{PageNumber: i, TotalPages: n, Pages: p.Pages[lo:hi], URL: url(i), First: first, Last: last}
		if i > 1 {
			pg.Prev = &PagerLink{PageNumber: i - 1, URL: url(i - 1)}
		}
		if i < n {
			pg.Next = &PagerLink{PageNumber: i + 1, URL: url(i + 1)}
		}
		pagers[i-1] = pg
	}
	return pagers
}

// renderLists writes the home page, section lists, taxonomy and term
// pages, each paginated, and their RSS feeds.
func (b *builder) renderLists() error {
	return b.renderListsOf(nil)
}

// renderListsOf renders the list pages. With only set, it renders just
// the pagers and feeds that show one of those pages, for an edit that
// changed how a page looks in lists but not which lists hold it or
// where (see Session).
func (b *builder) renderListsOf(only map[*Page]bool) error {
	if only == nil {
		if err := b.renderIndexBodies(); err != nil {
			return err
		}
	}
	lists := b.listPages(only == nil)
	if err := b.firstErr(); err != nil {
		return err
	}
	jobs, err := b.listJobs(lists, only)
	if err != nil {
		return err
	}
	errs := b.parallel(len(jobs), func(i int) error {
		j := jobs[i]
		return b.cachedList(j.l.page, j.pg, j.out, func() error {
			if j.pg == nil {
				return b.writeRSS(j.l.page, j.out)
			}
			lp := *j.l.page
			lp.Paginator = j.pg
			return b.renderPage(&lp, j.out, j.l.layouts, "list "+j.l.page.RelPermalink)
		})
	})
	return diag.Join(errs)
}

// listPage is a paginated list: the home page, a section or a term.
type listPage struct {
	page    *Page
	dir     string // site path, "posts/"
	layouts []string
}

// listJob is one pager of a list, or its feed: one job a pager, so a long
// list (the home page's) does not keep one worker busy while the others
// idle.
type listJob struct {
	l   *listPage
	pg  *Pager // nil: the list's feed
	out string
}

// listPages lists the site's paginated lists. With taxonomies set it
// also renders each taxonomy's page (a list of terms, not paginated):
// a taxonomy without terms still has one, as in Hugo.
func (b *builder) listPages(taxonomies bool) []listPage {
	var lists []listPage
	if b.listRendered("") {
		lists = append(lists, listPage{b.home, "", []string{"index.html", "_default/list.html"}})
	}
	for _, name := range sortedKeys(b.site.Sections) {
		sec := b.site.Sections[name]
		if !b.listRendered(name) {
			continue
		}
		lists = append(lists, listPage{sec, strings.TrimPrefix(sec.RelPermalink, b.basePath), []string{sec.Type() + "/list.html", "section/list.html", "_default/list.html"}})
	}
	for _, tax := range b.cfg.TaxonomyPlurals() {
		terms := b.site.Taxonomies[tax]
		if taxonomies && !b.cfg.KindDisabled(KindTaxonomy) {
			tp := b.taxonomyList(KindTaxonomy, tplfuncs.Humanize(tax), tax+"/")
			tp.Terms = terms
			b.renderOne(tp, tax+"/index.html", []string{tax + "/taxonomy.html", "_default/taxonomy.html", "_default/list.html"}, "taxonomy "+tax)
		}
		if b.cfg.KindDisabled(KindTerm) {
			continue
		}
		for _, t := range b.taxonomyTerms(tax) {
			tp := b.taxonomyList(KindTerm, t.Name, tax+"/"+t.Slug+"/")
			tp.Term = t
			tp.Pages = t.Pages
			lists = append(lists, listPage{tp, tax + "/" + t.Slug + "/", []string{tax + "/term.html", "_default/term.html", "_default/list.html"}})
		}
	}
	return lists
}

// listJobs makes the jobs of the lists' pagers and feeds that show a
// page of only (all, when only is nil). Building all, it also writes
// each paginated list's /page/1/, which redirects to the list as in Hugo.
func (b *builder) listJobs(lists []listPage, only map[*Page]bool) ([]listJob, error) {
	shows := func(ps []*Page) bool {
		if only == nil {
			return true
		}
		for _, p := range ps {
			if only[p] {
				return true
			}
		}
		return false
	}
	var jobs []listJob
	for i := range lists {
		l := &lists[i]
		pagers := b.paginate(l.page, l.dir)
		if only == nil && len(pagers) > 1 {
			if err := b.write(l.dir+b.cfg.PaginatePath+"/1/index.html", "list "+l.page.RelPermalink, aliasPage(l.page.Permalink)); err != nil {
				return nil, err
			}
		}
		for _, pg := range pagers {
			if shows(pg.Pages) {
				jobs = append(jobs, listJob{l, pg, strings.TrimPrefix(strings.TrimPrefix(pg.URL, b.basePath), "/") + "index.html"})
			}
		}
		if (l.page.Kind == KindHome || l.page.Kind == KindSection) && !b.cfg.KindDisabled("rss") {
			if shows(l.page.Pages[:min(len(l.page.Pages), b.feedLimit(len(l.page.Pages)))]) {
				jobs = append(jobs, listJob{l, nil, l.dir + "index.xml"})
			}
		}
	}
	return jobs, nil
}

// renderIndexBodies renders the text of each _index.md into the Content
// of its list page (the home page for content/_index.md), which list
// templates show above the cards.
func (b *builder) renderIndexBodies() error {
	var errs []error
	for _, name := range sortedKeys(b.sectionSources) {
		p := b.sectionListPage(name)
		if p == nil {
			continue
		}
		if err := b.renderIndexBody(p, b.sectionSources[name]); err != nil {
			errs = append(errs, err)
		}
	}
	return diag.Join(errs)
}

// renderIndexBody renders one _index.md's body, shortcodes included.
func (b *builder) renderIndexBody(p *Page, s *source) error {
	head, body, err := b.readBody(s)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	state := b.newPageState()
	state.Slug, state.Title, state.Author, state.File = tplfuncs.URLize(strings.TrimSuffix(p.Section, "/")), p.Title, b.cfg.Author, s.file
	state.SubIDPrefix = b.subIDPrefixes[strings.TrimPrefix(p.RelPermalink, b.basePath)]
	state.FrontMatter = head
	html, r, err := b.renderBody(s, body, state, p)
	if err != nil {
		return err
	}
	// What a shortcode template's edit re-renders (Session).
	r.index = template.HTML(html)
	if err := b.keepResult(s, r); err != nil {
		return err
	}
	showIndex(p, s)
	return nil
}

// showIndex gives a list page the rendered text of its _index.md (s), as
// the last rendering of it left it (renderIndexBody).
func showIndex(p *Page, s *source) {
	p.Content = s.result.index
	p.HasAffiliateLinks = s.page.HasAffiliateLinks
}

// sortedKeys is m's keys in order, for walking a map the same way in
// every build.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// renderOne renders a page whose error is kept for firstErr.
func (b *builder) renderOne(p *Page, out string, layouts []string, from string) {
	if err := b.renderPage(p, out, layouts, from); err != nil {
		b.mu.Lock()
		b.errs = append(b.errs, err)
		b.mu.Unlock()
	}
}

func (b *builder) firstErr() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return diag.Join(b.errs)
}

// renderPage executes the first layout found for p and writes it.
func (b *builder) renderPage(p *Page, out string, layouts []string, from string) error {
	buf, err := b.executeLayout(p, layouts, from)
	if err != nil {
		return err
	}
	defer b.putBuffer(buf)
	return b.write(out, from, buf.Bytes())
}

// listCards is the listCards template function: each page's card
// (partials/card.html, a site's own if it has one), each on a line of its
// own, as list-body.html's range over partialCached "card.html" wrote
// them. A card is rendered once a build, whichever pager shows it first,
// and one call a pager writes its cards, not two template calls a card.
func (ts *templateSet) listCards(pages []*Page) (template.HTML, error) {
	const sep = "\n    "
	cards := make([]template.HTML, len(pages))
	size := 0
	for i, p := range pages {
		h, err := ts.partialCached("card.html", p, p.RelPermalink)
		if err != nil {
			return "", err
		}
		cards[i] = h
		size += len(sep) + len(h)
	}
	var sb strings.Builder
	sb.Grow(size)
	for _, h := range cards {
		sb.WriteString(sep)
		sb.WriteString(string(h))
	}
	return template.HTML(sb.String()), nil
}
