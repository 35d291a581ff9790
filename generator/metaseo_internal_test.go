package generator

import (
	"bytes"
	"html/template"
	"io/fs"
	"strings"
	"testing"

	"github.com/affsite/affsite/siteconfig"
	"github.com/affsite/affsite/themes"
)

// seoTemplate is the default theme's seo.html before seoMeta: the
// function must write the same bytes.
const seoTemplate = `{{- if ne .Kind "404" }}{{ with .Site.LanguageCode }}
{{- with $.Permalink }}
{{- $default := $ }}{{ range $.AllTranslations }}{{ if .Language.Default }}{{ $default = . }}{{ end }}{{ end }}
<link rel="alternate" hreflang="{{ $.Site.LanguageCode }}" href="{{ . }}">
{{- range $.Translations }}
<link rel="alternate" hreflang="{{ .Site.LanguageCode }}" href="{{ .Permalink }}">
{{- end }}
<link rel="alternate" hreflang="x-default" href="{{ $default.Permalink }}">
{{- end }}
{{- end }}{{ end }}
{{- if .IsHome }}
<script type="application/ld+json">{{ .Site.WebSiteJSONLD }}</script>
{{- end }}
{{- with .BreadcrumbJSONLD }}
<script type="application/ld+json">{{ . }}</script>
{{- end -}}`

// headLinksTemplate is the lines of the default theme's head.html that
// headLinks replaced.
const headLinksTemplate = `<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}" title="{{ .Site.Title }}">
<link rel="icon" href="{{ "favicon.svg" | relURL }}" type="image/svg+xml">
<link rel="stylesheet" href="{{ fingerprint "css/style.css" }}">`

// metaTestBuilder is a builder with a base path and a fingerprinted
// stylesheet, enough for the head's functions.
func metaTestBuilder() *builder {
	return &builder{
		siteEnv:   &siteEnv{cfg: &siteconfig.Config{BaseURL: "https://example.org/blog/"}, basePath: "/blog/"},
		siteValue: &siteValue{assets: map[string]*assetFile{"css/style.css": {hashed: "css/style.3f2a <" + hostile + ".css"}}},
	}
}

// TestSEOMetaMatchesTemplate runs the default theme's seo.html, which
// calls seoMeta, and the template it replaced on pages of every kind,
// translated and not, with hostile text.
func TestSEOMetaMatchesTemplate(t *testing.T) {
	b := metaTestBuilder()
	tmpl := template.Must(template.New("seo").Funcs(b.templateFuncs()).Parse(seoTemplate))
	text, err := fs.ReadFile(themes.Default(), "layouts/partials/seo.html")
	if err != nil {
		t.Fatal(err)
	}
	seo := template.Must(template.New("new seo").Funcs(b.templateFuncs()).Parse(string(text)))
	en := &Language{Lang: "en", Default: true}
	fr := &Language{Lang: "fr", Prefix: "fr/"}
	site := &Site{Title: "Site " + hostile, BaseURL: "https://example.org/blog/", LanguageCode: "en-" + hostile, Language: en,
		Params: map[string]any{"description": "D " + hostile}, Sections: map[string]*Page{}}
	frSite := &Site{Title: "Le site", BaseURL: "https://example.org/blog/fr/", LanguageCode: "fr-FR", Language: fr}
	noLang := &Site{Title: "No lang", BaseURL: "https://example.org/blog/"}
	site.Sections["posts"] = &Page{Kind: KindSection, Title: "Posts " + hostile, Permalink: "https://example.org/blog/posts/", Site: site}
	post := &Page{Kind: KindPage, Section: "posts", Title: "T " + hostile, Permalink: "https://example.org/blog/p " + hostile, Site: site}
	frPost := &Page{Kind: KindPage, Title: "Le T", Permalink: "https://example.org/blog/fr/p/?q=" + hostile, Site: frSite}
	post.translations = []*Page{post, frPost}
	frPost.translations = post.translations
	frOnly := &Page{Kind: KindPage, Title: "Seul", Permalink: "https://example.org/blog/fr/seul/", Site: frSite}
	frOnly.translations = []*Page{frOnly}
	pages := map[string]*Page{
		"post":                  post,
		"translation":           frPost,
		"no default version":    frOnly,
		"home":                  {Kind: KindHome, Permalink: "https://example.org/blog/", Site: site},
		"section":               site.Sections["posts"],
		"term":                  {Kind: KindTerm, Title: "kartra", Permalink: "javascript:alert(1)", Site: site},
		"404":                   {Kind: "404", Permalink: "https://example.org/blog/404.html", Site: site},
		"no language code":      {Kind: KindPage, Title: "x", Permalink: "https://example.org/blog/x/", Site: noLang},
		"no permalink":          {Kind: KindPage, Title: "x", Site: site},
		"home, no site's title": {Kind: KindHome, Permalink: "/", Site: noLang},
	}
	for name, p := range pages {
		t.Run(name, func(t *testing.T) { samePartial(t, seo, tmpl, p) })
	}
}

// TestHeadLinksMatchesTemplate runs headLinks and the template lines it
// replaced, with hostile text in the site's title and the stylesheet's
// name, and without a stylesheet (an error).
func TestHeadLinksMatchesTemplate(t *testing.T) {
	b := metaTestBuilder()
	tmpl := template.Must(template.New("links").Funcs(b.templateFuncs()).Parse(headLinksTemplate))
	for _, site := range []*Site{{Title: "Site " + hostile}, {}} {
		p := &Page{Kind: KindPage, Site: site}
		sameAsFormer(t, "headLinks", tmpl, p, func() (template.HTML, error) { return b.headLinks(p) })
	}
	b.assets = nil
	if _, err := b.headLinks(&Page{Site: &Site{}}); err == nil || !strings.Contains(err.Error(), "css/style.css") {
		t.Errorf("without a stylesheet: err = %v", err)
	}
}

// TestSEOFunctionsWantPage: seoMeta and headLinks of anything but a page
// are errors.
func TestSEOFunctionsWantPage(t *testing.T) {
	b := metaTestBuilder()
	if _, err := b.seoMeta("x"); err == nil || !strings.Contains(err.Error(), "want a page") {
		t.Errorf("seoMeta: err = %v", err)
	}
	if _, err := b.headLinks(3); err == nil || !strings.Contains(err.Error(), "want a page") {
		t.Errorf("headLinks: err = %v", err)
	}
}

// TestSEOMetaJSONLDScriptSafe: text that could end a <script> or open an
// HTML comment inside it, or end a JavaScript line (U+2028, U+2029), in
// the site's and a page's titles: seoMeta writes what the template it
// replaced wrote, and no JSON-LD block holds such text raw.
func TestSEOMetaJSONLDScriptSafe(t *testing.T) {
	const js = "</script><script>alert(1)</script> <!-- x --> <![CDATA[ \u2028\u2029 & \\ \" ' `"
	b := metaTestBuilder()
	tmpl := template.Must(template.New("seo").Funcs(b.templateFuncs()).Parse(seoTemplate))
	site := &Site{Title: "S " + js, BaseURL: "https://example.org/blog/", LanguageCode: "en", Language: &Language{Lang: "en", Default: true},
		Params: map[string]any{"description": js}, Sections: map[string]*Page{}}
	site.Sections["posts"] = &Page{Kind: KindSection, Title: "P " + js, Permalink: "https://example.org/blog/posts/", Site: site}
	for _, p := range []*Page{
		{Kind: KindHome, Permalink: "https://example.org/blog/", Site: site},
		{Kind: KindPage, Section: "posts", Title: "T " + js, Permalink: "https://example.org/blog/p/", Site: site},
	} {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, p); err != nil {
			t.Fatal(err)
		}
		got, err := b.seoMeta(p)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("seoMeta:\n%s\nformer seo.html:\n%s", got, want.String())
		}
		blocks := strings.Split(string(got), `<script type="application/ld+json">`)[1:]
		if len(blocks) == 0 {
			t.Fatalf("%s: no JSON-LD in %s", p.Kind, got)
		}
		for _, blk := range blocks {
			body, _, ok := strings.Cut(blk, "</script>")
			if !ok || strings.ContainsAny(body, "<>&\u2028\u2029") || !strings.Contains(body, `\u003c/script\u003e`) {
				t.Errorf("%s: JSON-LD block not escaped for a script: %q", p.Kind, blk)
			}
		}
	}
}
