package generator

import (
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/affsite/affsite/internal/htmlesc"
)

// pageArg is the page a page's template function (name) is called with
// (headMeta .), or the error of a call with something else.
func pageArg(name string, v any) (*Page, error) {
	p, ok := v.(*Page)
	if !ok {
		return nil, fmt.Errorf("%s: want a page (%s .), not %T", name, name, v)
	}
	return p, nil
}

// headMeta is the headMeta template function: the <title> and the meta
// tags of the default theme's head.html (description, author, robots,
// canonical, Open Graph, article and Twitter tags), each on a line of its
// own after a newline, written from Go because every page runs them and
// html/template spends most of a page's template time on them. The text
// is byte for byte what the template lines it replaces wrote (the test
// runs both); a site's own head.html may call it or keep its own tags.
func (b *builder) headMeta(v any) (template.HTML, error) {
	p, err := pageArg("headMeta", v)
	if err != nil {
		return "", err
	}
	return htmlOf(2048, func(w io.StringWriter) { b.writeHeadMeta(w, p) }), nil
}

// writeHeadMeta writes what headMeta returns.
func (b *builder) writeHeadMeta(sw io.StringWriter, p *Page) {
	w := metaWriter{sw}
	desc := p.MetaDescription()
	w.WriteString("\n<title>")
	htmlesc.Write(w, p.MetaTitle())
	w.WriteString("</title>")
	w.tag(`<meta name="description" content="`, desc)
	if p.Site != nil {
		w.tag(`<meta name="author" content="`, p.Site.Author)
	}
	if p.Draft || p.Kind == "404" {
		w.WriteString("\n" + `<meta name="robots" content="noindex">`)
	}
	w.url(`<link rel="canonical" href="`, p.Permalink)
	w.openGraph(p, desc, b.absURL)
	if p.IsPage() {
		w.article(p)
	}
	card := "summary"
	if len(p.Images) > 0 {
		card = "summary_large_image"
	}
	w.WriteString("\n" + `<meta name="twitter:card" content="` + card + `">`)
	w.always(`<meta name="twitter:title" content="`, p.socialTitle())
	w.tag(`<meta name="twitter:description" content="`, desc)
}

// openGraph writes the og: tags, and twitter:image beside og:image.
func (w *metaWriter) openGraph(p *Page, desc string, absURL func(any) string) {
	typ := "website"
	if p.IsPage() {
		typ = "article"
	}
	w.WriteString("\n" + `<meta property="og:type" content="` + typ + `">`)
	w.always(`<meta property="og:title" content="`, p.socialTitle())
	w.tag(`<meta property="og:description" content="`, desc)
	w.tag(`<meta property="og:url" content="`, p.Permalink)
	w.always(`<meta property="og:site_name" content="`, p.siteTitle())
	if len(p.Images) > 0 {
		img := absURL(p.Images[0])
		w.always(`<meta property="og:image" content="`, img)
		w.always(`<meta name="twitter:image" content="`, img)
	}
}

// article writes a regular page's article: tags: its dates, categories
// and tags.
func (w *metaWriter) article(p *Page) {
	if !p.Date.IsZero() {
		w.always(`<meta property="article:published_time" content="`, p.Date.Format(time.RFC3339))
	}
	if !p.Lastmod.IsZero() {
		w.always(`<meta property="article:modified_time" content="`, p.Lastmod.Format(time.RFC3339))
	}
	for _, c := range p.Categories {
		w.always(`<meta property="article:section" content="`, c)
	}
	for _, t := range p.Tags {
		w.always(`<meta property="article:tag" content="`, t)
	}
}

// socialTitle is og:title's and twitter:title's text: the site's title
// on the home page, else the page's, else the site's.
func (p *Page) socialTitle() string {
	if !p.IsHome() && p.Title != "" {
		return p.Title
	}
	return p.siteTitle()
}

// siteTitle is the title of the page's site, "" for a page without one.
func (p *Page) siteTitle() string {
	if p.Site == nil {
		return ""
	}
	return p.Site.Title
}

// metaWriter builds the head's tags, each after a newline.
type metaWriter struct{ io.StringWriter }

// always writes open, the escaped value and `">`.
func (w *metaWriter) always(open, value string) {
	w.WriteString("\n")
	w.WriteString(open)
	htmlesc.Write(w, value)
	w.WriteString(`">`)
}

// tag writes the tag when value is not empty, as {{ with }} does.
func (w *metaWriter) tag(open, value string) {
	if value != "" {
		w.always(open, value)
	}
}

// url writes a tag whose value is a URL attribute when value is not
// empty.
func (w *metaWriter) url(open, value string) {
	if value == "" {
		return
	}
	w.WriteString("\n")
	htmlesc.WriteURLAttr(w, open, value, `">`)
}
