package generator

import (
	"bytes"
	"html/template"
	"io/fs"
	"strings"
	"testing"

	"github.com/affsite/affsite/themes"
)

// headerTemplate and paginationTemplate are the default theme's
// header.html and pagination.html before siteHeader and pagerNav: the
// shipped partials must write the same bytes.
const (
	headerTemplate = `<header class="site-header">
  <div class="wrap header-inner">
    <a class="site-title" href="{{ "/" | relURL }}"{{ if .IsHome }} aria-current="page"{{ end }}>{{ .Site.Title }}</a>
    {{- with .Site.Menu }}
    <nav class="site-nav" aria-label="Main">
      <ul>
        {{- range $.MenuItems }}
        <li>{{ navItem . }}</li>
        {{- end }}
      </ul>
    </nav>
    {{- end }}
  </div>
</header>
`
	paginationTemplate = `{{- with .Paginator }}{{ if gt .TotalPages 1 }}
<nav class="pagination" aria-label="Pagination">
  {{- if .HasPrev }}
  <a class="page-prev" rel="prev" href="{{ .Prev.URL | relURL }}"><span aria-hidden="true">←</span> Newer</a>
  {{- else }}
  <span class="page-prev" aria-hidden="true"></span>
  {{- end }}
  <span class="page-status">Page {{ .PageNumber }} of {{ .TotalPages }}</span>
  {{- if .HasNext }}
  <a class="page-next" rel="next" href="{{ .Next.URL | relURL }}">Older <span aria-hidden="true">→</span></a>
  {{- else }}
  <span class="page-next" aria-hidden="true"></span>
  {{- end }}
</nav>
{{- end }}{{ end }}
`
)

// themePartial parses the default theme's partial name with the test
// builder's functions.
func themePartial(t *testing.T, b *builder, name string) *template.Template {
	t.Helper()
	text, err := fs.ReadFile(themes.Default(), "layouts/partials/"+name)
	if err != nil {
		t.Fatal(err)
	}
	return template.Must(template.New(name).Funcs(b.templateFuncs()).Parse(string(text)))
}

// samePartial runs the shipped partial and the former template on p.
func samePartial(t *testing.T, shipped, former *template.Template, p any) {
	t.Helper()
	sameAsFormer(t, shipped.Name(), former, p, func() (template.HTML, error) {
		var got bytes.Buffer
		err := shipped.Execute(&got, p)
		return template.HTML(got.String()), err
	})
}

// sameAsFormer runs the former template on data and what replaced it,
// named name, and wants the same text from both.
func sameAsFormer(t *testing.T, name string, former *template.Template, data any, shipped func() (template.HTML, error)) {
	t.Helper()
	var want bytes.Buffer
	if err := former.Execute(&want, data); err != nil {
		t.Fatal(err)
	}
	got, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() {
		t.Errorf("%s:\n%s\nformer:\n%s", name, got, want.String())
	}
}

// TestSiteHeaderMatchesTemplate runs header.html and the template it
// replaced on the home page and others, with the default navigation, a
// configured main menu with children, and none, hostile text in the
// site's title and the entries.
func TestSiteHeaderMatchesTemplate(t *testing.T) {
	b := metaTestBuilder()
	former := template.Must(template.New("header").Funcs(b.templateFuncs()).Parse(headerTemplate))
	shipped := themePartial(t, b, "header.html")
	menu := []MenuEntry{{Name: "Home", URL: "/blog/"}, {Name: "Posts " + hostile, URL: "/blog/posts/"}, {Name: "x", URL: "javascript:x()"}}
	main := Menu{{Name: "Reviews", URL: "/blog/reviews/", Title: hostile, Children: Menu{{Name: "Leaf " + hostile, URL: "/blog/reviews/a b/"}}}, {Name: "About", URL: "/blog/about/"}}
	sites := map[string]*Site{
		"default menu": {Title: "Site " + hostile, Menu: menu},
		"main menu":    {Title: "Site", Menu: menu, Menus: map[string]Menu{"main": main}},
		"no menu":      {Title: "Site " + hostile, Menus: map[string]Menu{"main": main}},
		"no title":     {},
	}
	for name, site := range sites {
		for _, p := range []*Page{
			{Kind: KindHome, RelPermalink: "/blog/", Site: site},
			{Kind: KindPage, RelPermalink: "/blog/posts/a/", Site: site},
			{Kind: KindSection, RelPermalink: "/blog/reviews/", Site: site},
		} {
			t.Run(name+", "+p.Kind, func(t *testing.T) { samePartial(t, shipped, former, p) })
		}
	}
}

// TestPagerNavMatchesTemplate runs pagination.html and the template it
// replaced on the first, a middle and the last pager, a list of one
// pager and a page without one, hostile text in the pagers' URLs.
func TestPagerNavMatchesTemplate(t *testing.T) {
	b := metaTestBuilder()
	former := template.Must(template.New("pagination").Funcs(b.templateFuncs()).Parse(paginationTemplate))
	shipped := themePartial(t, b, "pagination.html")
	prev := &PagerLink{PageNumber: 1, URL: "/blog/" + hostile + "/"}
	next := &PagerLink{PageNumber: 3, URL: "https://example.org/blog/page/3/?a=" + hostile}
	for name, pg := range map[string]*Pager{
		"first":    {PageNumber: 1, TotalPages: 3, Next: next},
		"middle":   {PageNumber: 2, TotalPages: 3, Prev: prev, Next: next},
		"last":     {PageNumber: 3, TotalPages: 3, Prev: &PagerLink{URL: "javascript:alert(1)"}},
		"only one": {PageNumber: 1, TotalPages: 1},
		"none":     nil,
	} {
		t.Run(name, func(t *testing.T) {
			samePartial(t, shipped, former, &Page{Kind: KindSection, Paginator: pg, Site: &Site{}})
		})
	}
}

// TestHeaderFunctionsWantPage: siteHeader and pagerNav of anything but a
// page are errors.
func TestHeaderFunctionsWantPage(t *testing.T) {
	b := metaTestBuilder()
	if _, err := b.siteHeader("x"); err == nil || !strings.Contains(err.Error(), "want a page") {
		t.Errorf("siteHeader: err = %v", err)
	}
	if _, err := b.pagerNav(nil); err == nil || !strings.Contains(err.Error(), "want a page") {
		t.Errorf("pagerNav: err = %v", err)
	}
}
