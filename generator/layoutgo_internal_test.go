package generator

import (
	"bytes"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/affsite/affsite/siteconfig"
	"github.com/affsite/affsite/themes"
)

// goLayoutBuilder is a test builder whose templates are the default
// theme's under the site layer site.
func goLayoutBuilder(t *testing.T, site fstest.MapFS) *builder {
	t.Helper()
	def, err := fs.Sub(themes.Default(), "layouts")
	if err != nil {
		t.Fatal(err)
	}
	b := metaTestBuilder()
	ts, err := loadTemplates([]layer{{fsys: site, name: "layouts"}, {fsys: def, name: defaultLayer + "layouts"}}, b.templateFuncs())
	if err != nil {
		t.Fatal(err)
	}
	b.tmpl = ts
	return b
}

// goLayoutPages are pages of every kind with hostile text, for sites.
func goLayoutPages(site *Site) map[string]*Page {
	day := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	tag := &Term{Name: "Tag " + hostile, Taxonomy: "tags", RelPermalink: "/blog/tags/" + hostile + "/", Count: 1}
	post := func(title string, params map[string]any) *Page {
		return &Page{Kind: KindPage, Title: title, Description: "D " + hostile, Site: site, Params: params,
			RelPermalink: "/blog/posts/" + title + "/", Permalink: "https://example.org/blog/posts/" + title + "/",
			Date: day, Lastmod: day.Add(48 * time.Hour), ReadingTime: 3, Categories: []string{"Cat " + hostile},
			Content: template.HTML("<p>" + hostile + "</p>"), TableOfContents: `<nav id="TableOfContents"><ul><li>x</li></ul></nav>`,
			JSONLD: []template.JS{`{"a":"\u003c/script\u003e"}`, `{"b":1}`}, TagTerms: []*Term{tag}, CategoryTerms: []*Term{tag}, HasAffiliateLinks: true}
	}
	a, c := post("a "+hostile, map[string]any{"toc": true}), post("c", map[string]any{"toc": "no", "rating": 4.5})
	pager := &Pager{PageNumber: 2, TotalPages: 3, Pages: []*Page{a, c}, URL: "/blog/posts/page/2/", Prev: &PagerLink{PageNumber: 1, URL: "/blog/posts/"}, Next: &PagerLink{PageNumber: 3, URL: "/blog/posts/page/3/"}}
	list := func(kind string, term *Term, pg *Pager, pages []*Page) *Page {
		return &Page{Kind: kind, Title: "L " + hostile, Description: "LD " + hostile, Site: site, Term: term, Paginator: pg, Pages: pages,
			RelPermalink: "/blog/l/", Permalink: "https://example.org/blog/l/", Content: template.HTML("<p>intro " + hostile + "</p>")}
	}
	return map[string]*Page{
		"post toc":          a,
		"post toc string":   c,
		"post bare":         {Site: site, Params: map[string]any{"toc": 0}, TableOfContents: "<nav></nav>"},
		"post no toc":       post("b", nil),
		"section":           list(KindSection, nil, pager, nil),
		"section one pager": list(KindSection, nil, nil, []*Page{c}),
		"empty":             {Kind: KindSection, Site: site},
		"tag":               list(KindTerm, tag, pager, nil),
		"category":          list(KindTerm, &Term{Taxonomy: "categories", Count: 2}, nil, []*Page{a}),
		"series":            list(KindTerm, &Term{Taxonomy: "book_series-" + hostile, Count: 0}, nil, nil),
		"home":              list(KindHome, nil, pager, nil),
	}
}

// goLayoutSites are sites of every shape the layouts read.
func goLayoutSites() map[string]*Site {
	return map[string]*Site{
		"full": {Title: "Site " + hostile, LanguageCode: "fr " + hostile, Author: "Au " + hostile, Copyright: "C " + hostile,
			Params: map[string]any{"description": "SD " + hostile}, Language: &Language{LanguageConfig: siteconfig.LanguageConfig{LanguageDirection: "rtl" + hostile}},
			Menu: []MenuEntry{{Name: "Posts " + hostile, URL: "/blog/posts/"}}},
		"bare":           {Language: &Language{}},
		"number lede":    {Title: "S", Params: map[string]any{"description": 42}, Language: &Language{}},
		"html lede":      {Title: "S", Params: map[string]any{"description": template.HTML("<b>" + hostile + "</b>")}, Language: &Language{}},
		"false lede":     {Title: "S", Params: map[string]any{"description": false}, Language: &Language{}},
		"list lede":      {Title: "S", Params: map[string]any{"description": []any{hostile}}, Language: &Language{}},
		"no language":    {Title: "S"},
		"nil params map": {Title: "S " + hostile, Language: &Language{LanguageConfig: siteconfig.LanguageConfig{LanguageDirection: "ltr"}}},
	}
}

// TestGoLayoutsMatchTemplates runs each Go-written layout and the
// template it stands for (the default theme's file with its baseof.html)
// on pages of every kind and sites of every shape with hostile text,
// with the theme's own partials and with a site's own head.html,
// list-body.html, header.html, card.html and footer.html; where the
// template fails (a partial of the site's fails, a page without a
// language), the Go writer gives way to it.
func TestGoLayoutsMatchTemplates(t *testing.T) {
	t.Parallel()
	own := fstest.MapFS{
		"partials/head.html":      {Data: []byte(`<head><title>{{ .Title }}</title>{{ partial "seo.html" . }}</head>`)},
		"partials/list-body.html": {Data: []byte(`{{ range .page.Pages }}<i>{{ .Title }}</i>{{ end }}{{ $.empty }}`)},
		"partials/header.html":    {Data: []byte(`<header>{{ .Site.Title }}</header>`)},
		"partials/card.html":      {Data: []byte(`<a href="{{ .RelPermalink }}">{{ .Title }}</a>`)},
		"partials/footer.html":    {Data: []byte(`<footer>{{ .HasAffiliateLinks }}</footer>`)},
	}
	failing := fstest.MapFS{"partials/header.html": {Data: []byte(`{{ .Site.Nope }}`)}}
	for siteName, fsys := range map[string]fstest.MapFS{"theme": {}, "own partials": own, "failing header": failing} {
		for name, site := range goLayoutSites() {
			b := goLayoutBuilder(t, fsys)
			if got := slices.Sorted(maps.Keys(b.tmpl.goLayouts.pages)); !slices.Equal(got, []string{"_default/list.html", "_default/single.html", "_default/term.html", "index.html"}) {
				t.Fatalf("Go-written layouts %q", got)
			}
			_, textLede := site.Params["description"].(string)
			for pageName, p := range goLayoutPages(site) {
				for layout := range b.tmpl.goLayouts.pages {
					// The home page's lede of another type than text is
					// html/template's to write.
					giveWay := layout == "index.html" && !textLede && site.Params["description"] != nil
					sameLayout(t, b, layout, p, giveWay, siteName+", "+name+", "+pageName+", "+layout)
				}
			}
		}
	}
}

// sameLayout runs layout on p from Go and as its template, and wants the
// same text, or, where the template fails (or giveWay), the Go writer to
// give way.
func sameLayout(t *testing.T, b *builder, layout string, p *Page, giveWay bool, what string) {
	t.Helper()
	var want, got bytes.Buffer
	wantErr := b.tmpl.pages[layout].Execute(&want, p)
	wrote := b.writeGoLayout(&got, layout, p)
	switch {
	case wantErr != nil && wrote:
		t.Errorf("%s: written from Go, but the template fails: %v", what, wantErr)
	case wantErr == nil && !wrote && !giveWay:
		t.Errorf("%s: not written from Go", what)
	case wrote && got.String() != want.String():
		t.Errorf("%s:\n%s\ntemplate:\n%s", what, got.String(), want.String())
	}
}

// TestGoLayoutsOverridden: a site's or theme's own layout or
// baseof.html is executed, never the Go writer of the theme's.
func TestGoLayoutsOverridden(t *testing.T) {
	t.Parallel()
	for file, left := range map[string][]string{
		"_default/baseof.html": {},
		"baseof.html":          {"_default/list.html", "_default/single.html", "_default/term.html"},
		"_default/single.html": {"_default/list.html", "_default/term.html", "index.html"},
		"index.html":           {"_default/list.html", "_default/single.html", "_default/term.html"},
	} {
		b := goLayoutBuilder(t, fstest.MapFS{file: {Data: []byte(`{{ define "main" }}own{{ end }}`)}})
		if got := slices.Sorted(maps.Keys(b.tmpl.goLayouts.pages)); !slices.Equal(got, left) {
			t.Errorf("with a site's %s, Go-written layouts %q, want %q", file, got, left)
		}
	}
}
