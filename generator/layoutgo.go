package generator

import (
	"bytes"
	"cmp"
	"errors"
	"html/template"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/htmlesc"
	"github.com/affsite/affsite/tplfuncs"
)

// goLayout is one of the default theme's page layouts that the build
// writes from Go when they are what would execute: the layout and the
// baseof.html it is compiled with are both the embedded theme's files.
// Those files stay the templates a site reads and copies to make its own
// (a site's or theme's file of the same name executes instead), and the
// Go writers write the same bytes (TestGoLayoutsMatchTemplates runs both).
// Each partial the layouts call runs as the partial function would run it
// (templateSet.partial): head.html and list-body.html are written from Go
// too unless a site or theme has its own, and any partial that fails
// makes the template execute instead, for its error message.
type goLayout uint8

const (
	goNone   goLayout = iota
	goSingle          // _default/single.html
	goList            // _default/list.html
	goTerm            // _default/term.html
	goHome            // index.html
)

// goLayoutOf is the Go writer of the layout of a logical name.
func goLayoutOf(name string) goLayout {
	switch name {
	case "_default/single.html":
		return goSingle
	case "_default/list.html":
		return goList
	case "_default/term.html":
		return goTerm
	case "index.html":
		return goHome
	}
	return goNone
}

// goLayouts is what a template set writes from Go: the layouts by
// logical name, and head.html and list-body.html when they are the
// default theme's. Each Go writer holds the template it stands for, and
// writes only while that template is the one in the set.
type goLayouts struct {
	pages          map[string]goPage
	head, listBody *template.Template
}

// goPage is a layout's Go writer and the template it stands for.
type goPage struct {
	kind goLayout
	tmpl *template.Template
}

// fromDefault tells whether the template of a logical name
// ("partials/head.html") is the embedded default theme's.
func (ts *templateSet) fromDefault(name string) bool {
	return strings.HasPrefix(ts.sources[name], defaultLayer)
}

// findGoLayouts finds the layouts ts writes from Go.
func (ts *templateSet) findGoLayouts() goLayouts {
	g := goLayouts{pages: map[string]goPage{}, head: ts.defaultPartial("head.html"), listBody: ts.defaultPartial("list-body.html")}
	for name, t := range ts.pages {
		if k := goLayoutOf(name); k != goNone && ts.fromDefault(name) && ts.fromDefault(baseName(name, ts.sources)) {
			g.pages[name] = goPage{k, t}
		}
	}
	return g
}

// defaultPartial is the partial of that name if it is the default
// theme's, else nil.
func (ts *templateSet) defaultPartial(name string) *template.Template {
	if !ts.fromDefault("partials/" + name) {
		return nil
	}
	return ts.partials[name]
}

// stillIs tells whether t, a default-theme partial a Go writer stands
// for, is the partial of that name in ts (nil t: none).
func (ts *templateSet) stillIs(t *template.Template, name string) bool {
	return t != nil && t == ts.partials[name]
}

// baseName is the base template a layout is compiled with: the
// baseof.html of its own folder, else _default/baseof.html; files holds
// the logical names there are.
func baseName(name string, files map[string]string) string {
	base := path.Join(path.Dir(name), "baseof.html")
	if _, ok := files[base]; !ok {
		base = "_default/baseof.html"
	}
	return base
}

// errNilPage is a list holding no page where a page should be; the
// template then executes, for its own message.
var errNilPage = errors.New("nil page in a list")

// errNotString is a value the Go writers do not write: the template
// then executes, and html/template writes it.
var errNotString = errors.New("not a string")

// layoutWriter writes one page with a Go-written layout.
type layoutWriter struct {
	b   *builder
	w   *bytes.Buffer
	p   *Page
	err error // of the first partial or function that failed
}

// writeGoLayout writes p into w with the Go writer of the layout of
// that logical name, and tells whether it did: false when the layout has
// none, or when something failed (w then holds part of the page, and the
// template must execute for its error).
func (b *builder) writeGoLayout(w *bytes.Buffer, name string, p *Page) bool {
	g, ok := b.tmpl.goLayouts.pages[name]
	if !ok || g.tmpl != b.tmpl.pages[name] || p.Site == nil || p.Site.Language == nil {
		return false
	}
	lw := &layoutWriter{b: b, w: w, p: p}
	lw.base(g.kind)
	return lw.err == nil
}

// html writes the text of a function or partial, keeping its error.
func (lw *layoutWriter) html(h template.HTML, err error) {
	if err != nil {
		lw.err = err
		return
	}
	lw.w.WriteString(string(h))
}

// partial writes what {{ partial name . }} writes: the writer of a
// Go-written partial (directCall) straight into the page's buffer, where
// the template function that the partial calls is the writer's (the
// build binds its own functions to its templates, forBuild).
func (lw *layoutWriter) partial(name string) {
	ts := lw.b.tmpl
	if d, ok := ts.directPartials[name]; ok && ts.stillIs(d.tmpl, name) {
		if write := lw.b.pageWriter(d.fnName); write != nil {
			lw.w.WriteString(d.before)
			write(lw.w, lw.p)
			lw.w.WriteString(d.after)
			return
		}
	}
	lw.html(ts.partial(name, lw.p))
}

// pageWriter is the writer of a Go-written partial's template function
// (fn), for a page that has a site; nil for another function.
func (b *builder) pageWriter(fn string) func(io.StringWriter, *Page) {
	switch fn {
	case "siteHeader":
		return b.writeSiteHeader
	case "pagerNav":
		return b.writePagerNav
	case "seoMeta":
		return writeSEOMeta
	}
	return nil
}

// text writes s escaped as html/template escapes a string.
func (lw *layoutWriter) text(s string) { htmlesc.Write(lw.w, s) }

// base is baseof.html around the layout's block "main".
func (lw *layoutWriter) base(k goLayout) {
	p, w := lw.p, lw.w
	w.WriteString("<!DOCTYPE html>\n<html lang=\"")
	lw.text(cmp.Or(p.Site.LanguageCode, "en")) // {{ with }} … {{ else }}en
	w.WriteString(`"`)
	if d := p.Site.Language.LanguageDirection; d != "" {
		w.WriteString(` dir="`)
		lw.text(d)
		w.WriteString(`"`)
	}
	w.WriteString(">\n")
	lw.head()
	w.WriteString("\n<body class=\"kind-")
	lw.text(cmp.Or(p.Kind, "page"))
	w.WriteString("\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
	lw.partial("header.html")
	w.WriteString("\n<main id=\"main\" class=\"site-main\" tabindex=\"-1\">\n")
	switch k {
	case goSingle:
		lw.single()
	case goList:
		lw.list()
	case goTerm:
		lw.term()
	case goHome:
		lw.home()
	}
	w.WriteString("\n</main>\n")
	lw.html(lw.b.tmpl.partialCached("footer.html", p, p.HasAffiliateLinks))
	w.WriteString("\n</body>\n</html>\n")
}

// head is head.html.
func (lw *layoutWriter) head() {
	p, w := lw.p, lw.w
	if ts := lw.b.tmpl; !ts.stillIs(ts.goLayouts.head, "head.html") {
		lw.partial("head.html")
		return
	}
	w.WriteString("<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">")
	lw.b.writeHeadMeta(w, p)
	lw.partial("seo.html")
	w.WriteString("\n")
	if err := lw.b.writeHeadLinks(w, p); err != nil {
		lw.err = err
	}
	w.WriteString("\n</head>\n")
}

// single is _default/single.html's block "main".
func (lw *layoutWriter) single() {
	p, w := lw.p, lw.w
	w.WriteString("\n<article class=\"post wrap\">\n  ")
	writePostHeader(w, p)
	if truth(p.Params["toc"]) && p.TableOfContents != "" {
		w.WriteString("\n  <details class=\"toc\" open>\n    <summary>Contents</summary>\n    ")
		w.WriteString(string(p.TableOfContents))
		w.WriteString("\n  </details>")
	}
	w.WriteString("\n  <div class=\"prose\">\n    ")
	w.WriteString(string(p.Content))
	w.WriteString("\n  </div>")
	writePostTags(w, p)
	w.WriteString("\n</article>\n")
	for _, js := range p.JSONLD {
		w.WriteString(`<script type="application/ld+json">`)
		w.WriteString(string(js))
		w.WriteString("</script>")
	}
	w.WriteString("\n")
}

// listHeading writes <h1>, and the description as the lede.
func (lw *layoutWriter) listHeading(title string) {
	lw.w.WriteString("\n    <h1>")
	lw.text(title)
	lw.w.WriteString("</h1>")
	lw.lede(lw.p.Description)
}

// lede writes {{ with d }}<p class="lede">{{ . }}</p>{{ end }} for a
// string d.
func (lw *layoutWriter) lede(d string) {
	if d == "" {
		return
	}
	lw.w.WriteString("\n    <p class=\"lede\">")
	lw.text(d)
	lw.w.WriteString("</p>")
}

// list is _default/list.html's block "main".
func (lw *layoutWriter) list() {
	lw.w.WriteString("\n<div class=\"wrap\">\n  <header class=\"list-header\">")
	lw.listHeading(lw.p.Title)
	lw.w.WriteString("\n  </header>")
	lw.listBody("Nothing here yet.")
	lw.w.WriteString("\n</div>\n")
}

// term is _default/term.html's block "main".
func (lw *layoutWriter) term() {
	p, w := lw.p, lw.w
	w.WriteString("\n<div class=\"wrap\">\n  <header class=\"list-header\">")
	if t := p.Term; t != nil {
		w.WriteString("\n    <p class=\"kicker-label\">")
		switch t.Taxonomy {
		case "tags":
			w.WriteString("Tag")
		case "categories":
			w.WriteString("Category")
		default:
			lw.text(tplfuncs.Humanize(t.Taxonomy))
		}
		w.WriteString("</p>")
	}
	w.WriteString("\n    <h1>")
	lw.text(p.Title)
	w.WriteString("</h1>")
	if t := p.Term; t != nil {
		w.WriteString("\n    <p class=\"meta\"><span>" + strconv.Itoa(t.Count) + " ")
		if t.Count == 1 {
			w.WriteString("article")
		} else {
			w.WriteString("articles")
		}
		w.WriteString("</span></p>")
	}
	lw.lede(p.Description)
	w.WriteString("\n  </header>")
	lw.listBody("Nothing here yet.")
	w.WriteString("\n</div>\n")
}

// home is index.html's block "main".
func (lw *layoutWriter) home() {
	p, w := lw.p, lw.w
	w.WriteString("\n<div class=\"wrap\">\n  <header class=\"hero\">\n    <h1>")
	lw.text(p.Site.Title)
	w.WriteString("</h1>")
	if d := p.Site.Params["description"]; truth(d) {
		s, ok := d.(string)
		if !ok { // html/template's own text of other values
			lw.err = errNotString
			return
		}
		lw.lede(s)
	}
	w.WriteString("\n  </header>")
	lw.listBody("No reviews yet.")
	w.WriteString("\n</div>\n")
}

// truth is what {{ if }} and {{ with }} take for true.
func truth(v any) bool {
	t, _ := template.IsTrue(v)
	return t
}

// listBody is {{ partial "list-body.html" (dict "page" . "empty" empty) }}.
func (lw *layoutWriter) listBody(empty string) {
	p, w := lw.p, lw.w
	if ts := lw.b.tmpl; !ts.stillIs(ts.goLayouts.listBody, "list-body.html") {
		lw.html(ts.partial("list-body.html", map[string]any{"page": p, "empty": empty}))
		return
	}
	if p.Content != "" {
		w.WriteString("\n  <div class=\"prose list-intro\">\n    ")
		w.WriteString(string(p.Content))
		w.WriteString("\n  </div>")
	}
	var pages []*Page // the current pager's only (not .Pages: the pager's cache key holds what it shows)
	if p.Paginator != nil {
		pages = p.Paginator.Pages
	}
	w.WriteString("\n  <div class=\"cards\">")
	if slices.Contains(pages, nil) {
		lw.err = errNilPage
		return
	}
	if len(pages) > 0 {
		lw.html(lw.b.tmpl.listCards(pages))
	} else {
		w.WriteString("\n    <p class=\"empty\">")
		lw.text(empty)
		w.WriteString("</p>")
	}
	w.WriteString("\n  </div>\n  ")
	lw.partial("pagination.html")
	w.WriteString("\n")
}
