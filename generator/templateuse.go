package generator

import (
	"html/template"
	"path"
	"slices"
	"strings"

	"github.com/affsite/affsite/internal/tmplwalk"
)

// templateUse is what the templates read, found once when they are
// loaded by walking their parse trees: unlike a text search it does not
// see comments, sees every spelling of a field chain ($p.Pages,
// .page.Pages), and follows partial calls from the page layouts, so a
// list partial does not make every page depend on every other. Session
// and the build cache decide what an edit changes from it.
type templateUse struct {
	now       bool // a template calls now
	wordCount bool // a template reads .WordCount
	// singleReadsLists: a template a content page can execute (its
	// layouts, the partials they call, any shortcode's) reads lists of
	// pages or term counts, or GetPage, so a page shows what other pages
	// are.
	singleReadsLists bool
	// listsReadAll: a list layout, partial or shortcode template reads
	// pages other than its pager's (.Pages, .RegularPages, …).
	listsReadAll bool
	// pagersReadAll is listsReadAll but for the 404 page's layouts,
	// which are not a list's pagers (the site's files write it, as
	// readsSiteLists says): a pager's cache key then holds only what it
	// shows of its list (cachedList).
	pagersReadAll bool
	// listsReachPages: one of them reads, on a page it lists, a link to
	// other pages (its site's lists, section, terms, translations),
	// which a page a rebuild shares with the last build has to the last
	// build's (sessionown.go); or a list layout reads one on its own
	// page (a sidebar of the site's pages), so a pager that does not
	// list an edited page shows it (readsSiteLists).
	listsReachPages bool
	// listsShowRendered: one of them reads a page's table of contents
	// or JSON-LD, which only rendering the page sets.
	listsShowRendered bool
	// inner: the shortcode templates that read .Inner, by name.
	inner map[string]bool
	// getPage: a template reads .Site.GetPage, which finds any page.
	getPage bool
	// othersBody: a template a content page executes reads what only
	// rendering sets (.Content, .TableOfContents, .JSONLD, .ReadingTime)
	// on a page that may be another (bodyField), so every page's body
	// is rendered before any layout runs (renderBodies) and every page
	// depends on every other's source.
	othersBody bool
	// buildDates counts the reads of a BuildDate, buildDateYears those
	// of its Year: when they are equal, templates show only its year.
	buildDates, buildDateYears int
}

// fieldUse walks every template's parse trees.
func (ts *templateSet) fieldUse() templateUse {
	u := templateUse{inner: map[string]bool{}}
	var notFound []string // the 404 page's layouts, visited last (pagersReadAll)
	for _, name := range sortedKeys(ts.pages) {
		if isListLayout(name) {
			if path.Base(name) == "404.html" {
				notFound = append(notFound, name)
				continue
			}
			u.visit(ts.pages[name], u.listField, noPartial)
			u.listsReachPages = u.listsReachPages || reachesPages(ts.pages[name], false) || readsSiteLists(ts.pages[name])
		}
	}
	for _, name := range sortedKeys(ts.partials) {
		u.visit(ts.partials[name], u.listField, noPartial)
		u.listsReachPages = u.listsReachPages || reachesPages(ts.partials[name], true) // its dot may be a listed page
	}
	for _, name := range sortedKeys(ts.shortcodes) {
		u.visit(ts.shortcodes[name], func(id, prev string) {
			u.listField(id, prev)
			if id == "Inner" {
				u.inner[name] = true
			}
		}, noPartial)
	}
	u.pagersReadAll = u.listsReadAll
	for _, name := range notFound {
		u.visit(ts.pages[name], u.listField, noPartial)
		u.listsReachPages = u.listsReachPages || reachesPages(ts.pages[name], false) // readsSiteLists: false
	}
	u.singleReadsLists = ts.singleReadsLists(&u)
	u.othersBody = ts.showsOthersBody()
	return u
}

func noPartial(string) {}

// visit walks t's trees, calling ident with each field name (and the one
// before it in its chain) and partial with the name of each partial it
// calls by a constant name, or "" for one named at run time.
func (u *templateUse) visit(t *template.Template, ident func(id, prev string), partial func(string)) {
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		tmplwalk.Idents(tt.Tree.Root, func(id, prev string, fn bool) {
			if fn {
				u.now = u.now || id == "now"
				return
			}
			u.wordCount = u.wordCount || id == "WordCount"
			u.getPage = u.getPage || id == "GetPage"
			if id == "BuildDate" {
				u.buildDates++
			} else if id == "Year" && prev == "BuildDate" {
				u.buildDateYears++
			}
			ident(id, prev)
		}, partial)
	}
}

// listField records what a field a list template (or any partial or
// shortcode) reads says about the lists.
func (u *templateUse) listField(id, prev string) {
	switch {
	case siteListField(id):
		u.listsReadAll = true
	case id == "Pages":
		u.listsReadAll = u.listsReadAll || prev != "Paginator"
	case id == "TableOfContents" || id == "JSONLD":
		u.listsShowRendered = true
	}
}

// siteListField tells whether a field is one of the lists of pages
// beyond a list's own (.RegularPages, .Posts, .Sections, …): what every
// test of "reads lists" below counts.
func siteListField(id string) bool {
	switch id {
	case "RegularPages", "RegularPagesRecursive", "Posts", "Taxonomies", "Sections":
		return true
	}
	return false
}

// reachesPages tells whether t reads a page link (pageLink) on a page
// it is given (tmplwalk.Reaches): in the body of a range or with, and on
// its dot when other says the dot may be another page than the one
// rendered (a partial's may; a list layout's is the list page itself,
// in its file's tree and the main block, not in a template it defines).
func reachesPages(t *template.Template, other bool) bool {
	return reachesVia(t, other, pageLink)
}

// reachesVia is reachesPages for the chains link accepts.
func reachesVia(t *template.Template, other bool, link func(ids []string) bool) bool {
	return anyTree(t, func(tt *template.Template) bool {
		own := strings.HasSuffix(tt.Name(), ".html") || tt.Name() == "main"
		return tmplwalk.Reaches(tt.Tree.Root, other || !own, link)
	})
}

// bodyField tells whether a chain of fields read on a page reads what
// rendering its body sets.
func bodyField(ids []string) bool {
	switch {
	case len(ids) == 0:
		return false
	case ids[0][0] >= 'a' && ids[0][0] <= 'z': // a dict's key, as in pageLink
		return bodyField(ids[1:])
	}
	return slices.Contains([]string{"Content", "TableOfContents", "JSONLD", "ReadingTime"}, ids[0])
}

// readsSiteLists tells whether the list layout t reads, on the list
// page it renders, a link to other pages (pageLink) but its own term:
// the site's lists, its section, terms or translations. Its own lists
// (.Pages, .Paginator) are what renderListsOf renders it for. (The 404
// page, written with the site's files whenever a page's list facts
// change, reads this build's .Site.Posts: fieldUse does not ask.)
func readsSiteLists(t *template.Template) bool {
	return anyTree(t, func(tt *template.Template) bool {
		return tmplwalk.Reaches(tt.Tree.Root, true, func(ids []string) bool {
			return pageLink(ids) && ids[0] != "Term"
		})
	})
}

// anyTree tells whether f holds for one of the templates t holds that
// has a parse tree.
func anyTree(t *template.Template, f func(tt *template.Template) bool) bool {
	return slices.ContainsFunc(t.Templates(), func(tt *template.Template) bool {
		return tt.Tree != nil && f(tt)
	})
}

// pageLink tells whether a chain of fields read on a page leads to
// other pages: the site's lists, the page's section, terms or
// translations. (A regular page's own lists are empty, and a list
// page's are this build's.)
func pageLink(ids []string) bool {
	switch {
	case len(ids) == 0:
		return false
	case ids[0][0] >= 'a' && ids[0][0] <= 'z': // a dict's key: what follows may be read on a page it holds
		return pageLink(ids[1:])
	case ids[0] == "Site":
		return len(ids) == 1 || slices.Contains([]string{"Pages", "RegularPages", "Posts", "Sections", "Taxonomies", "GetPage", "Menus"}, ids[1])
	}
	return slices.Contains([]string{"Parent", "CurrentSection", "FirstSection", "Translations", "AllTranslations", "TagTerms", "CategoryTerms", "GetTerms", "Term"}, ids[0])
}

// readsLists tells whether a field a content page's template reads
// shows other pages.
func readsLists(id, _ string) bool {
	switch id {
	case "Terms", "Count", "Pages", "GetPage":
		return true
	}
	return siteListField(id)
}

// singleReadsLists tells whether what a content page can execute — its
// layouts, the partials they reach, every shortcode template — reads
// lists of pages.
func (ts *templateSet) singleReadsLists(u *templateUse) bool {
	found := false
	reached := map[string]bool{}
	var queue []*template.Template
	reach := func(name string) {
		if t, ok := ts.partials[name]; ok && !reached[name] {
			reached[name] = true
			queue = append(queue, t)
		}
	}
	call := func(name string) {
		if name == "" {
			// A partial named at run time may be any of them.
			for _, name := range sortedKeys(ts.partials) {
				reach(name)
			}
			return
		}
		if !strings.HasSuffix(name, ".html") {
			name += ".html"
		}
		reach(name)
	}
	for _, name := range sortedKeys(ts.pages) {
		if !isListLayout(name) {
			queue = append(queue, ts.pages[name])
		}
	}
	// A shortcode's dot is its own data, whose fields may be called
	// Count or Terms (earnings, commission-table): a shortcode reads
	// lists when it names pages' lists or a page's terms.
	for _, name := range sortedKeys(ts.shortcodes) {
		u.visit(ts.shortcodes[name], func(id, prev string) {
			switch id {
			case "Pages", "TagTerms", "CategoryTerms", "GetPage":
				found = true
			}
			found = found || siteListField(id)
		}, call)
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		u.visit(t, func(id, prev string) { found = found || readsLists(id, prev) }, call)
	}
	return found
}

// showsOthersBody tells whether a template a content page executes —
// its layouts, the partials they reach, every shortcode template —
// reads what only rendering sets (bodyField) on a page that may be
// another: in the body of a range or a with, on a found page, or on a
// partial's dot where a call gives it another value than the caller's
// own (tmplwalk.PartialCalls), so that {{ partial "article.html" . }}
// showing .Content is the page's own.
func (ts *templateSet) showsOthersBody() bool {
	found := false
	other := map[string]bool{} // a partial reached, by whether its dot may be another page
	var queue []string
	reach := func(name string, o bool) {
		if name == "" {
			for _, name := range sortedKeys(ts.partials) {
				reach1(ts, other, &queue, name, true)
			}
			return
		}
		if !strings.HasSuffix(name, ".html") {
			name += ".html"
		}
		reach1(ts, other, &queue, name, o)
	}
	check := func(t *template.Template, o bool) {
		found = found || reachesVia(t, o, bodyField)
		anyTree(t, func(tt *template.Template) bool {
			own := strings.HasSuffix(tt.Name(), ".html") || tt.Name() == "main"
			tmplwalk.PartialCalls(tt.Tree.Root, o || !own, reach)
			return false
		})
	}
	for _, name := range sortedKeys(ts.pages) {
		if !isListLayout(name) {
			check(ts.pages[name], false)
		}
	}
	for _, name := range sortedKeys(ts.shortcodes) {
		check(ts.shortcodes[name], false)
	}
	for len(queue) > 0 && !found {
		name := queue[0]
		queue = queue[1:]
		check(ts.partials[name], other[name])
	}
	return found
}

// reach1 queues the partial name for showsOthersBody when it is new, or
// reached now with a dot that may be another page where it was not.
func reach1(ts *templateSet, other map[string]bool, queue *[]string, name string, o bool) {
	was, seen := other[name]
	if _, ok := ts.partials[name]; !ok || seen && (was || !o) {
		return
	}
	other[name] = o || was
	*queue = append(*queue, name)
}
