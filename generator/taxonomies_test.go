package generator_test

import (
	"strings"
	"testing"
)

// TestCustomTaxonomies: [taxonomies] replaces tags and categories, as in
// Hugo: series gets its list and term pages, in the navigation and the
// sitemap, with its own layouts; tags, not listed, gets none.
func TestCustomTaxonomies(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
baseURL = "https://example.com/"
[taxonomies]
category = "categories"
series = "series"
-- content/posts/a.md --
---
title: A
series: Getting started
tags: [x]
categories: [guides]
---
-- content/posts/b.md --
---
title: B
series: [Getting started, Advanced]
---
-- layouts/series/term.html --
term {{ .Title }}: {{ range .Pages }}{{ .Title }} {{ end }}
-- layouts/_default/single.html --
{{ range .GetTerms "series" }}[{{ .Name }} {{ .RelPermalink }}]{{ end }}
`)
	assertFile(t, b, "series/getting-started/index.html", "term Getting started: A B")
	assertFile(t, b, "series/advanced/index.html", "term Advanced: B")
	assertFile(t, b, "series/index.html", "Getting started", "Advanced")
	assertFile(t, b, "categories/guides/index.html", "A")
	assertNoFile(t, b, "tags/index.html")
	assertNoFile(t, b, "tags/x/index.html")
	// GetTerms is in the front matter's order, as in Hugo 0.111.
	assertFile(t, b, "posts/b/index.html", "[Getting started /series/getting-started/][Advanced /series/advanced/]")
	assertFile(t, b, "index.html", `<a href="/series/">Series</a>`, `<a href="/categories/">Categories</a>`)
	assertFile(t, b, "sitemap.xml", "<loc>https://example.com/series/advanced/</loc>")
	for _, w := range b.report.Warnings {
		if strings.Contains(w.Error(), "taxonom") {
			t.Errorf("warning: %v", w)
		}
	}
}

// TestDisabledTaxonomies: an empty [taxonomies] turns them all off, and
// disableKinds leaves out taxonomy (Hugo's older taxonomyTerm) or term
// pages.
func TestDisabledTaxonomies(t *testing.T) {
	t.Parallel()
	const content = `
-- content/posts/a.md --
---
title: A
tags: [x]
---
`
	b := buildSite(t, "-- hugo.toml --\n[taxonomies]\n"+content)
	assertNoFile(t, b, "tags/index.html")
	assertNoFile(t, b, "tags/x/index.html")
	assertFileNot(t, b, "index.html", `href="/tags/"`)

	b = buildSite(t, "-- hugo.toml --\ndisableKinds = [\"taxonomyTerm\"]\n"+content)
	assertNoFile(t, b, "tags/index.html")
	assertFile(t, b, "tags/x/index.html", "A")
	assertFileNot(t, b, "index.html", `href="/tags/"`)
	assertFileNot(t, b, "sitemap.xml", "<loc>/tags/</loc>")

	b = buildSite(t, "-- hugo.yaml --\ndisableKinds: [term, RSS, sitemap, robotsTXT, \"404\", section, pictures]\n"+content)
	assertFile(t, b, "tags/index.html")
	assertFile(t, b, "index.html")
	assertFile(t, b, "posts/a/index.html")
	for _, name := range []string{"tags/x/index.html", "index.xml", "posts/index.xml", "sitemap.xml", "robots.txt", "404.html", "posts/index.html"} {
		assertNoFile(t, b, name)
	}
	var got []string
	for _, w := range b.report.Warnings {
		got = append(got, w.Error())
	}
	if all := strings.Join(got, "\n"); !strings.Contains(all, "hugo.yaml:1:1: disableKinds: pictures is no kind affsite writes") {
		t.Errorf("warnings:\n%s", all)
	}
	b = buildSite(t, "-- hugo.yaml --\ndisableKinds: [home]\n"+content)
	assertNoFile(t, b, "index.html")
	assertFile(t, b, "posts/index.html")
	if _, err := tryBuild(t, "-- hugo.toml --\ndisableKinds = \"term\"\n"+content); err == nil || !strings.HasPrefix(err.Error(), "hugo.toml:1:") {
		t.Errorf("disableKinds as a string: %v", err)
	}
}

// TestIndexTermsDefaultTheme: a section whose _index.md has tags is on
// the tag's page of the default theme, with no warning
// (hugocompat/index-terms.txtar compares the lists with Hugo's).
func TestIndexTermsDefaultTheme(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
baseURL = "https://example.com/"
-- content/posts/_index.md --
---
title: All the posts
tags: [coffee]
---
-- content/posts/a.md --
---
title: Grinders
date: 2024-01-02
tags: [coffee]
---
`)
	assertOrder(t, b, "tags/coffee/index.html", `href="/posts/a/"`, `href="/posts/"`)
	assertFile(t, b, "tags/index.html", "coffee")
	for _, w := range b.report.Warnings {
		if strings.Contains(w.Error(), "tags") {
			t.Errorf("warning: %v", w)
		}
	}
}
