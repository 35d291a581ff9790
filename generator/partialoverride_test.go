package generator_test

import (
	"strings"
	"testing"
)

// TestGoWrittenPartialsOverridden: each default-theme template whose
// markup is now written from Go (card.html: listCard, header.html:
// siteHeader, pagination.html: pagerNav, seo.html: seoMeta, head.html:
// headMeta and headLinks, _default/single.html: postHeader and postTags;
// the layouts and partials written from Go, layoutgo.go) is still
// replaced by a site's own file and by a theme's, and the Go writer's
// markup is then gone from the page.
func TestGoWrittenPartialsOverridden(t *testing.T) {
	t.Parallel()
	partials := []struct {
		file, page string
		writer     []string // what the Go writer writes, absent once overridden
	}{
		{"partials/card.html", "posts/index.html", []string{`<article class="card">`}},
		{"partials/header.html", "posts/a/index.html", []string{`<header class="site-header">`}},
		{"partials/pagination.html", "posts/index.html", []string{`<nav class="pagination"`}},
		{"partials/seo.html", "index.html", []string{`"@type":"WebSite"`}},
		{"partials/head.html", "posts/a/index.html", []string{`<link rel="icon"`, `<meta property="og:type"`}},
		{"_default/single.html", "posts/a/index.html", []string{`<header class="post-header">`, `<footer class="post-footer">`}},
		// The layouts written from Go (layoutgo.go), and the partials
		// they write.
		{"_default/baseof.html", "posts/a/index.html", []string{`<a class="skip-link"`, `<header class="post-header">`}},
		{"_default/baseof.html", "posts/index.html", []string{`<a class="skip-link"`, `<div class="cards">`}},
		{"_default/list.html", "posts/index.html", []string{`<header class="list-header">`}},
		{"_default/term.html", "tags/x/index.html", []string{`<p class="kicker-label">Tag</p>`}},
		{"index.html", "index.html", []string{`<header class="hero">`}},
		{"partials/list-body.html", "posts/index.html", []string{`<div class="cards">`}},
		{"partials/footer.html", "posts/a/index.html", []string{`<footer class="site-footer">`}},
	}
	for _, pt := range partials {
		for _, dir := range []string{"layouts/", "themes/t/layouts/"} {
			t.Run(dir+pt.file, func(t *testing.T) {
				t.Parallel()
				mark := "OWN-" + strings.NewReplacer("/", "-", ".", "-").Replace(dir+pt.file)
				b := buildSite(t, `-- site.toml --
title = "Over"
theme = "t"
paginate = 1
-- `+dir+pt.file+` --
<p>`+mark+`</p>
-- content/posts/a.md --
---
title: A
date: 2026-01-02
tags: [x]
---
Text a.
-- content/posts/b.md --
---
title: B
date: 2026-01-01
---
Text b.
`)
				assertFile(t, b, pt.page, mark)
				assertFileNot(t, b, pt.page, pt.writer...)
			})
		}
	}
	// Without an override, each page shows what the Go writers write.
	b := buildSite(t, "-- site.toml --\ntitle = \"Own\"\npaginate = 1\n-- content/posts/a.md --\n---\ntitle: A\ntags: [x]\n---\nA.\n-- content/posts/b.md --\n---\ntitle: B\n---\nB.\n")
	for _, pt := range partials {
		assertFile(t, b, pt.page, pt.writer...)
	}
}

// TestGoWrittenShortcodesOverridden: each default-theme shortcode
// template whose markup is now written from Go (afflink.html,
// disclosure.html, commission-table.html: the HTML methods of their
// builtins data) is still replaced by a site's own file and by a
// theme's, which can read the data's fields, and the Go writer's markup
// is then gone from the page.
func TestGoWrittenShortcodesOverridden(t *testing.T) {
	t.Parallel()
	shortcodes := []struct {
		name, own string
		writer    string // what the Go writer writes, absent once overridden
	}{
		{"afflink", `<a class="OWN" href="{{ .Data.Href }}">{{ .Data.Text }}</a>`, `<a href="https://acme.example/?subid=a-1" rel="sponsored nofollow noopener"`},
		{"disclosure", `<p class="OWN">{{ .Data.Label }}</p>`, `<div class="aff-disclosure" role="note">`},
		{"commission-table", `<ol class="OWN">{{ range .Data.Rows }}<li>{{ .Plan }} {{ .CommissionMonthly }}</li>{{ end }}</ol>`, `<figure class="aff-table">`},
	}
	const post = "-- content/posts/a.md --\n---\ntitle: A\nprogram: acme\n---\n{{< disclosure >}}\n\n{{< afflink >}}Acme{{< /afflink >}}\n\n{{< commission-table >}}\n"
	for _, sc := range shortcodes {
		for _, dir := range []string{"layouts/", "themes/t/layouts/"} {
			t.Run(dir+sc.name, func(t *testing.T) {
				t.Parallel()
				b := buildSite(t, "-- site.toml --\ntitle = \"Over\"\ntheme = \"t\"\n-- "+dir+"shortcodes/"+sc.name+".html --\n"+sc.own+"\n"+post+acmeProgram)
				assertFile(t, b, "posts/a/index.html", `class="OWN"`)
				assertFileNot(t, b, "posts/a/index.html", sc.writer)
			})
		}
	}
	b := buildSite(t, "-- site.toml --\ntitle = \"Own\"\n"+post+acmeProgram)
	for _, sc := range shortcodes {
		assertFile(t, b, "posts/a/index.html", sc.writer)
	}
	assertFile(t, b, "posts/a/index.html", `<tr><th scope="row">Basic</th><td class="num" data-label="Monthly price">$10.00</td><td class="num" data-label="30% of monthly">$3.00</td></tr>`)
}
