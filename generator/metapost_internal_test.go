package generator

import (
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/themes"
)

// singleTemplate is the default theme's _default/single.html before
// postHeader and postTags: the shipped layout must write the same bytes.
const singleTemplate = `{{ define "main" }}
<article class="post wrap">
  <header class="post-header">
    {{- with .CategoryTerms }}
    <ul class="kicker" aria-label="Categories">
      {{- range . }}
  <li><a href="{{ .RelPermalink }}">{{ .Name }}</a></li>
      {{- end }}
    </ul>
    {{- end }}
    <h1 class="post-title">{{ .Title }}</h1>
    <p class="meta">
      {{- if not .Date.IsZero }}
      <span><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006" }}</time></span>
      {{- end }}
      {{- if and (not .Lastmod.IsZero) (ne (.Lastmod.Format "2006-01-02") (.Date.Format "2006-01-02")) }}
      <span>Updated <time datetime="{{ .Lastmod.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Lastmod.Format "January 2, 2006" }}</time></span>
      {{- end }}
      {{- with .ReadingTime }}
      <span>{{ . }} min read</span>
      {{- end }}
      {{- with .Site.Author }}
      <span>By {{ . }}</span>
      {{- end }}
    </p>
    {{- with .Description }}
    <p class="lede">{{ . }}</p>
    {{- end }}
  </header>
  {{- if and .Params.toc .TableOfContents }}
  <details class="toc" open>
    <summary>Contents</summary>
    {{ .TableOfContents }}
  </details>
  {{- end }}
  <div class="prose">
    {{ .Content }}
  </div>
  {{- with .TagTerms }}
  <footer class="post-footer">
    <h2 class="visually-hidden">Tags</h2>
    <ul class="tags">
      {{- range . }}
  <li><a href="{{ .RelPermalink }}">{{ .Name }}</a></li>
      {{- end }}
    </ul>
  </footer>
  {{- end }}
</article>
{{ range .JSONLD }}<script type="application/ld+json">{{ . }}</script>{{ end }}
{{ end }}
`

// mainOf parses a layout that defines "main", to run that block.
func mainOf(t *testing.T, b *builder, name, text string) *template.Template {
	t.Helper()
	tm := template.Must(template.New(name).Funcs(b.templateFuncs()).Parse(`{{ template "main" . }}`))
	template.Must(tm.New("layout").Parse(text))
	return tm
}

// TestPostHeaderMatchesTemplate runs the shipped single.html, which calls
// postHeader and postTags, and the former one on posts with and without
// categories, tags, dates, a later or same-day modification, reading
// time, author and description, hostile text in every field.
func TestPostHeaderMatchesTemplate(t *testing.T) {
	b := metaTestBuilder()
	text, err := fs.ReadFile(themes.Default(), "layouts/_default/single.html")
	if err != nil {
		t.Fatal(err)
	}
	shipped := mainOf(t, b, "single.html", string(text))
	former := mainOf(t, b, "former single.html", singleTemplate)
	east := time.FixedZone("east", 5*3600+30*60)
	terms := []*Term{{Name: "C " + hostile, RelPermalink: "/blog/categories/c " + hostile + "/"}, {Name: "two", RelPermalink: "javascript:x"}}
	site := &Site{Title: "Site", Author: "Au " + hostile}
	full := &Page{Kind: KindPage, Title: "T " + hostile, Description: "D " + hostile, ReadingTime: 12,
		Date: time.Date(2024, 3, 1, 23, 0, 0, 0, east), Lastmod: time.Date(2024, 3, 9, 1, 2, 3, 0, time.UTC),
		CategoryTerms: terms, TagTerms: terms[:1], Content: "<p>Body " + hostile + "</p>", TableOfContents: "<nav>toc</nav>",
		Params: map[string]any{"toc": true}, JSONLD: []template.JS{`{"a":1}`}, Site: site}
	sameDay := *full
	sameDay.Lastmod = full.Date.Add(30 * time.Minute)
	pages := map[string]*Page{
		"full":                      full,
		"modified the same day":     &sameDay,
		"modified, never published": {Kind: KindPage, Title: "M", Lastmod: time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC), Site: site},
		"bare":                      {Kind: KindPage, Site: &Site{}},
	}
	for name, p := range pages {
		t.Run(name, func(t *testing.T) { samePartial(t, shipped, former, p) })
	}
	if _, err := b.postHeader("x"); err == nil || !strings.Contains(err.Error(), "want a page") {
		t.Errorf("postHeader(string): err = %v", err)
	}
	if _, err := b.postTags(1); err == nil || !strings.Contains(err.Error(), "want a page") {
		t.Errorf("postTags(int): err = %v", err)
	}
}
