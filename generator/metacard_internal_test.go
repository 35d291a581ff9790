package generator

import (
	"errors"
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/themes"
)

// cardTemplate is the default theme's card.html before listCard: the
// function must write the same bytes.
const cardTemplate = `<article class="card">
  {{- /* The page's first front-matter image. A review (front matter program)
     shows its program's image (a site path, a URL, or a file of the page's
     bundle) beside the title, and the program's rating out of 5 from its
     data; other pages their front-matter rating. */}}
  {{- $logo := "" }}{{ $rating := .Params.rating }}
  {{- if and .Program (isset .Site.Data.programs .Program) }}{{ with .ProgramView }}
    {{- with .Data.Image }}{{ $logo = . }}{{ if or (hasPrefix . "/") (hasPrefix . "http:") (hasPrefix . "https:") }}{{ $logo = relURL . }}{{ else }}{{ $logo = print $.RelPermalink . }}{{ end }}{{ end }}
    {{- with .Data.Rating }}{{ $rating = . }}{{ end }}
  {{- end }}{{ end }}
  {{- with .Images }}
  <img class="card-image" src="{{ index . 0 | relURL }}" alt="" loading="lazy" decoding="async">
  {{- end }}
  <h2 class="card-title">{{ with $logo }}<img class="card-logo" src="{{ . }}" alt="" width="40" height="40" loading="lazy" decoding="async">{{ end }}<a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
  {{- with $rating }}
  <p class="card-rating"><span class="stars" aria-hidden="true">★</span> {{ . }}<span class="out-of"> / 5</span><span class="visually-hidden"> rating</span></p>
  {{- end }}
  <p class="meta">
    {{- if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time>{{ end }}
    {{- with .ReadingTime }}<span>{{ . }} min read</span>{{ end }}
    {{- range first 1 .Categories }}<span>{{ . }}</span>{{ end }}
  </p>
  {{- with .Description }}
  <p class="card-summary">{{ . }}</p>
  {{- else }}{{ with .Summary }}
  <div class="card-summary">{{ . }}</div>
  {{- end }}{{ end }}
  {{- $more := "Read more" }}{{ if .Program }}{{ $more = "Read review" }}{{ end }}
  <p class="card-more"><a href="{{ .RelPermalink }}" aria-label="{{ $more }}: {{ .Title }}">{{ $more }} <span aria-hidden="true">→</span></a></p>
</article>
`

// TestListCardMatchesTemplate runs the default theme's card.html, which
// calls listCard, and the template it replaced on pages with and without
// a program, image, rating, date, reading time, category, description
// and summary, hostile text in every field.
func TestListCardMatchesTemplate(t *testing.T) {
	b := metaTestBuilder()
	tmpl := template.Must(template.New("card").Funcs(b.templateFuncs()).Parse(cardTemplate))
	text, err := fs.ReadFile(themes.Default(), "layouts/partials/card.html")
	if err != nil {
		t.Fatal(err)
	}
	card := template.Must(template.New("new card").Funcs(b.templateFuncs()).Parse(string(text)))
	views := map[string]*programs.Program{
		"bundle": {Image: "logo " + hostile + ".png", Rating: "4.5 " + hostile},
		"site":   {Image: "/img/logo.png"},
		"url":    {Image: "https://cdn.example/l.png?a=1&b=" + hostile, Rating: "3"},
		"http":   {Image: "http:logo.png"},
		"bare":   {},
	}
	site := &Site{Title: "Site", Data: map[string]any{"programs": map[string]any{"bundle": 1, "Site": 1, "url": 1, "http": 1, "bare": 1, "broken": 1}}}
	site.hooks = &siteHooks{programView: func(id string) (*builtins.ProgramView, error) {
		if id == "broken" {
			return nil, errors.New("no such program")
		}
		return &builtins.ProgramView{ID: id, Data: views[strings.ToLower(id)]}, nil
	}}
	bare := &Site{}
	date := time.Date(2024, 3, 1, 23, 30, 0, 0, time.FixedZone("x", -5*3600))
	full := func(program string) *Page {
		return &Page{Kind: KindPage, Program: program, Title: "T " + hostile, RelPermalink: "/blog/p " + hostile + "/",
			Description: "D " + hostile, Date: date, ReadingTime: 7, Categories: []string{"C " + hostile, "c2"},
			Images: []string{"/img/a b+" + hostile + ".png", "x.png"}, Params: map[string]any{"rating": 2}, Site: site}
	}
	pages := map[string]*Page{
		"full, no program":     full(""),
		"program, bundle logo": full("bundle"),
		"program, site logo":   full("site"),
		"program in any case":  full("SITE"),
		"program, URL logo":    full("url"),
		"program, http: logo":  full("http"),
		"program, no logo":     full("bare"),
		"program not in data":  full("missing"),
		"summary only": {Kind: KindPage, Title: "S", RelPermalink: "javascript:alert(1)",
			Summary: template.HTML("<p>Sum " + hostile + "</p>"), Params: map[string]any{"rating": 4.25}, Site: site},
		"rating text":   {Kind: KindPage, Title: "R", Params: map[string]any{"rating": "five <b>"}, Site: bare},
		"rating zero":   {Kind: KindPage, Params: map[string]any{"rating": 0}, Site: bare},
		"rating empty":  {Kind: KindPage, Params: map[string]any{"rating": ""}, Site: bare},
		"nothing":       {Kind: KindPage, Site: bare},
		"section, data": {Kind: KindSection, Program: "bundle", Title: "Sec", RelPermalink: "/blog/s/", Site: site},
	}
	for name, p := range pages {
		t.Run(name, func(t *testing.T) { samePartial(t, card, tmpl, p) })
	}
	if _, err := b.listCard(full("broken")); err == nil || !strings.Contains(err.Error(), "no such program") {
		t.Errorf("a program view's error: err = %v", err)
	}
	if _, err := b.listCard("x"); err == nil || !strings.Contains(err.Error(), "want a page") {
		t.Errorf("listCard(string): err = %v", err)
	}
}

// TestCardProgramOnce: the cards of a program's pages make its view once
// a build, and show what it gave.
func TestCardProgramOnce(t *testing.T) {
	b := metaTestBuilder()
	calls := 0
	site := &Site{Data: map[string]any{"programs": map[string]any{"kartra": 1}}}
	site.hooks = &siteHooks{programView: func(id string) (*builtins.ProgramView, error) {
		calls++
		return &builtins.ProgramView{ID: id, Data: &programs.Program{Image: "/logo.png", Rating: "4"}}, nil
	}}
	for _, slug := range []string{"a", "b", "c"} {
		h, err := b.listCard(&Page{Kind: KindPage, Program: "kartra", RelPermalink: "/blog/" + slug + "/", Site: site})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(h), `src="/blog/logo.png"`) || !strings.Contains(string(h), "★</span> 4<") {
			t.Errorf("card of %s: %s", slug, h)
		}
	}
	if calls != 1 {
		t.Errorf("the program's view was made %d times for three cards, want once", calls)
	}
}
