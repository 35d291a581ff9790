package generator

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/affsite/affsite/internal/htmlesc"
)

// seoMeta is the seoMeta template function: what the default theme's
// seo.html writes, the hreflang links (the page's language, its
// translations' and x-default: the default language's) and the
// schema.org JSON-LD blocks (WebSite on the home page, BreadcrumbList on
// sections and regular pages), each after a newline. It is written from
// Go because every page runs it; the text is byte for byte what the
// template lines it replaces wrote (the test runs both), and a site's
// own seo.html still overrides the theme's.
func (b *builder) seoMeta(v any) (template.HTML, error) {
	p, err := sitePageArg("seoMeta", v)
	if err != nil {
		return "", err
	}
	return htmlOf(512, func(w io.StringWriter) { writeSEOMeta(w, p) }), nil
}

// writeSEOMeta writes what seoMeta returns; p has a site.
func writeSEOMeta(w io.StringWriter, p *Page) {
	if p.Kind != "404" && p.Site.LanguageCode != "" && p.Permalink != "" {
		writeHreflangs(w, p)
	}
	if p.IsHome() {
		writeJSONLD(w, p.Site.WebSiteJSONLD())
	}
	if js := p.BreadcrumbJSONLD(); js != "" {
		writeJSONLD(w, js)
	}
}

// sitePageArg is pageArg for the functions that read the page's site.
func sitePageArg(name string, v any) (*Page, error) {
	p, err := pageArg(name, v)
	if err == nil && p.Site == nil {
		err = fmt.Errorf("%s: the page has no site", name)
	}
	return p, err
}

// writeHreflangs writes the page's hreflang links: its own language's,
// its translations', then x-default, the default language's version
// (the page itself when no version is the default language's).
func writeHreflangs(w io.StringWriter, p *Page) {
	def := p
	for _, t := range p.AllTranslations() {
		if l := t.Language(); l != nil && l.Default {
			def = t
		}
	}
	writeHreflang(w, p.Site.LanguageCode, p.Permalink)
	for _, t := range p.Translations() {
		lang := ""
		if t.Site != nil {
			lang = t.Site.LanguageCode
		}
		writeHreflang(w, lang, t.Permalink)
	}
	writeHreflang(w, "x-default", def.Permalink)
}

func writeHreflang(w io.StringWriter, lang, href string) {
	w.WriteString("\n" + `<link rel="alternate" hreflang="`)
	htmlesc.Write(w, lang)
	htmlesc.WriteURLAttr(w, `" href="`, href, `">`)
}

// writeJSONLD writes a JSON-LD block. html/template inserts a
// template.JS value in a script as it is.
func writeJSONLD(w io.StringWriter, js template.JS) {
	w.WriteString("\n" + `<script type="application/ld+json">`)
	w.WriteString(string(js))
	w.WriteString(`</script>`)
}

// headLinks is the headLinks template function: the default theme's
// head.html links to the RSS feed (titled with the site's title), the
// icon and the fingerprinted stylesheet, each on a line, as the template
// lines it replaces wrote them (the test runs both).
func (b *builder) headLinks(v any) (template.HTML, error) {
	p, err := pageArg("headLinks", v)
	if err != nil {
		return "", err
	}
	var w strings.Builder
	w.Grow(256)
	if err := b.writeHeadLinks(&w, p); err != nil {
		return "", err
	}
	return template.HTML(w.String()), nil
}

// writeHeadLinks writes what headLinks returns.
func (b *builder) writeHeadLinks(w io.StringWriter, p *Page) error {
	css, err := b.fingerprintFile("css/style.css")
	if err != nil {
		return err
	}
	htmlesc.WriteURLAttr(w, `<link rel="alternate" type="application/rss+xml" href="`, b.absURL("index.xml"), `" title="`)
	htmlesc.Write(w, p.siteTitle())
	htmlesc.WriteURLAttr(w, `">`+"\n"+`<link rel="icon" href="`, b.relURL("favicon.svg"), `" type="image/svg+xml">`+"\n"+`<link rel="stylesheet" href="`)
	htmlesc.WriteURL(w, b.relURL(css.hashed))
	w.WriteString(`">`)
	return nil
}
