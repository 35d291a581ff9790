package generator

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/siteconfig"
)

// headTemplate is what the default theme's head.html wrote before
// headMeta: the function must write the same bytes.
const headTemplate = `{{- $title := .MetaTitle }}
{{- $desc := .MetaDescription }}
<title>{{ $title }}</title>
{{- with $desc }}
<meta name="description" content="{{ . }}">
{{- end }}
{{- with .Site.Author }}
<meta name="author" content="{{ . }}">
{{- end }}
{{- if or .Draft (eq .Kind "404") }}
<meta name="robots" content="noindex">
{{- end }}
{{- with .Permalink }}
<link rel="canonical" href="{{ . }}">
{{- end }}
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:title" content="{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ with .Title }}{{ . }}{{ else }}{{ $.Site.Title }}{{ end }}{{ end }}">
{{- with $desc }}
<meta property="og:description" content="{{ . }}">
{{- end }}
{{- with .Permalink }}
<meta property="og:url" content="{{ . }}">
{{- end }}
<meta property="og:site_name" content="{{ .Site.Title }}">
{{- range first 1 .Images }}
<meta property="og:image" content="{{ . | absURL }}">
<meta name="twitter:image" content="{{ . | absURL }}">
{{- end }}
{{- if .IsPage }}
{{- if not .Date.IsZero }}
<meta property="article:published_time" content="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">
{{- end }}
{{- if not .Lastmod.IsZero }}
<meta property="article:modified_time" content="{{ .Lastmod.Format "2006-01-02T15:04:05Z07:00" }}">
{{- end }}
{{- range .Categories }}
<meta property="article:section" content="{{ . }}">
{{- end }}
{{- range .Tags }}
<meta property="article:tag" content="{{ . }}">
{{- end }}
{{- end }}
<meta name="twitter:card" content="{{ if .Images }}summary_large_image{{ else }}summary{{ end }}">
<meta name="twitter:title" content="{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ with .Title }}{{ . }}{{ else }}{{ $.Site.Title }}{{ end }}{{ end }}">
{{- with $desc }}
<meta name="twitter:description" content="{{ . }}">
{{- end }}`

// hostile holds every byte html/template treats specially in text,
// attributes and URLs, invalid UTF-8, and runes it leaves alone.
const hostile = "a<b>&amp;\"q\" 'x' +1 \x00 \xff\xfe é – \u2028 \ufdd0 %zz %2F % #f?a=b&c=[d] `"

// TestHeadMetaMatchesTemplate runs headMeta and the template lines it
// replaced on the same pages, hostile text in every field.
func TestHeadMetaMatchesTemplate(t *testing.T) {
	b := &builder{siteEnv: &siteEnv{cfg: &siteconfig.Config{BaseURL: "https://example.org/blog/"}, basePath: "/blog/"}}
	tmpl := template.Must(template.New("head").Funcs(b.templateFuncs()).Parse(headTemplate))
	east := time.FixedZone("east", 5*3600+30*60)
	site := &Site{Title: "Site " + hostile, Author: "Au " + hostile, Params: map[string]any{"description": " Site desc " + hostile + " "}}
	bare := &Site{}
	pages := map[string]*Page{
		"post": {Kind: KindPage, Title: "T " + hostile, Description: "D " + hostile, Permalink: "https://example.org/blog/p " + hostile,
			Date: time.Date(2024, 3, 1, 10, 0, 0, 0, east), Lastmod: time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC),
			Categories: []string{"C " + hostile, "c2"}, Tags: []string{"t1", "T " + hostile}, Images: []string{"/img/a b+.png", "x.png"}, Site: site},
		"draft, summary, no dates":           {Kind: KindPage, Title: "Draft", Draft: true, Summary: template.HTML("<p>Sum " + hostile + strings.Repeat(" word", 60) + "</p>"), Site: site},
		"full-URL image":                     {Kind: KindPage, Images: []string{"https://cdn.example.com/i.png?x=1&y=<2>"}, Permalink: "javascript:alert(1)", Site: site},
		"home":                               {Kind: KindHome, Title: "Home title", Permalink: "https://example.org/blog/", Site: site},
		"pager":                              {Kind: KindSection, Title: "Posts", Paginator: &Pager{PageNumber: 3}, Permalink: "/blog/posts/page/3/", Site: site},
		"404":                                {Kind: "404", Site: site},
		"site without author or description": {Kind: KindTerm, Title: "kartra", Images: []string{"relative.png"}, Site: bare},
		"untitled page":                      {Kind: KindPage, Permalink: "mailto:x@example.org", Site: bare},
	}
	for name, p := range pages {
		t.Run(name, func(t *testing.T) {
			sameAsFormer(t, "headMeta", tmpl, p, func() (template.HTML, error) { return b.headMeta(p) })
		})
	}
}

// TestHeadMetaWantsPage: headMeta of anything but a page is an error.
func TestHeadMetaWantsPage(t *testing.T) {
	if _, err := (&builder{}).headMeta("x"); err == nil || !strings.Contains(err.Error(), "want a page") {
		t.Fatalf("err = %v", err)
	}
}
