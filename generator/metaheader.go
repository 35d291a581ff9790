package generator

import (
	"html/template"
	"io"
	"strconv"

	"github.com/affsite/affsite/internal/htmlesc"
)

// siteHeader is the siteHeader template function: the default theme's
// header.html, the site's title linking home and the main navigation
// (navItem's entries), written from Go because every page shows it. The
// text is byte for byte what the template it replaces wrote (the test
// runs both); a site's own header.html still overrides the theme's.
func (b *builder) siteHeader(v any) (template.HTML, error) {
	p, err := sitePageArg("siteHeader", v)
	if err != nil {
		return "", err
	}
	return htmlOf(1024, func(w io.StringWriter) { b.writeSiteHeader(w, p) }), nil
}

// writeSiteHeader writes what siteHeader returns; p has a site.
func (b *builder) writeSiteHeader(w io.StringWriter, p *Page) {
	htmlesc.WriteURLAttr(w, "<header class=\"site-header\">\n  <div class=\"wrap header-inner\">\n    <a class=\"site-title\" href=\"", b.relURL("/"), `"`)
	if p.IsHome() {
		w.WriteString(` aria-current="page"`)
	}
	w.WriteString(">")
	htmlesc.Write(w, p.Site.Title)
	w.WriteString("</a>")
	if len(p.Site.Menu) > 0 {
		w.WriteString("\n    <nav class=\"site-nav\" aria-label=\"Main\">\n      <ul>")
		for _, m := range p.MenuItems() {
			w.WriteString("\n        <li>")
			b.writeNavItem(w, m)
			w.WriteString("</li>")
		}
		w.WriteString("\n      </ul>\n    </nav>")
	}
	w.WriteString("\n  </div>\n</header>")
}

// pagerNav is the pagerNav template function: the default theme's
// pagination.html, the links to a list's newer and older pagers and
// "Page N of M", on pagers of a list of more than one; else "". The text
// is byte for byte what the template it replaces wrote (the test runs
// both); a site's own pagination.html still overrides the theme's.
func (b *builder) pagerNav(v any) (template.HTML, error) {
	p, err := pageArg("pagerNav", v)
	if err != nil {
		return "", err
	}
	if pg := p.Paginator; pg == nil || pg.TotalPages <= 1 {
		return "", nil
	}
	return htmlOf(512, func(w io.StringWriter) { b.writePagerNav(w, p) }), nil
}

// writePagerNav writes what pagerNav returns.
func (b *builder) writePagerNav(w io.StringWriter, p *Page) {
	pg := p.Paginator
	if pg == nil || pg.TotalPages <= 1 {
		return
	}
	w.WriteString("\n" + `<nav class="pagination" aria-label="Pagination">`)
	if pg.HasPrev() {
		htmlesc.WriteURLAttr(w, "\n"+`  <a class="page-prev" rel="prev" href="`, b.relURL(pg.Prev.URL), `"><span aria-hidden="true">←</span> Newer</a>`)
	} else {
		w.WriteString("\n" + `  <span class="page-prev" aria-hidden="true"></span>`)
	}
	w.WriteString("\n" + `  <span class="page-status">Page ` + strconv.Itoa(pg.PageNumber) + " of " + strconv.Itoa(pg.TotalPages) + "</span>")
	if pg.HasNext() {
		htmlesc.WriteURLAttr(w, "\n"+`  <a class="page-next" rel="next" href="`, b.relURL(pg.Next.URL), `">Older <span aria-hidden="true">→</span></a>`)
	} else {
		w.WriteString("\n" + `  <span class="page-next" aria-hidden="true"></span>`)
	}
	w.WriteString("\n</nav>")
}
