package generator_test

import "testing"

// TestHeadingWithShortcode checks that a heading holding a shortcode gets
// its id and table-of-contents text from what the reader sees, not from
// the placeholder the shortcode stood as during Markdown rendering, and
// that an id set with {#id} is kept.
func TestHeadingWithShortcode(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `-- site.toml --
title = "H"
baseURL = "https://h.example/"
-- layouts/shortcodes/brand.html --
<strong>{{ .Get 0 }}</strong>{{- /* no newline after */ -}}
-- layouts/_default/single.html --
{{ .TableOfContents }}
{{ .Content }}
-- content/posts/a.md --
---
title: A
---
## Try {{< brand "Acme" >}} today

## Again {{< brand "Acme" >}} {#custom}
`)
	assertFile(t, b, "posts/a/index.html",
		`<h2 id="try-acme-today">Try <strong>Acme</strong> today</h2>`,
		`<a href="#try-acme-today">Try Acme today</a>`,
		`<h2 id="custom">`,
		`<a href="#custom">Again Acme</a>`,
	)
	assertFileNot(t, b, "posts/a/index.html", "AFFSC", "affsc")
}
