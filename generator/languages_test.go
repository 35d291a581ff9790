package generator_test

import (
	"strings"
	"testing"
)

// multilingualSite has its translations in content/ as x.fr.md, the
// default language at the root.
const multilingualSite = `
-- hugo.toml --
baseURL = "https://x.example/"
title = "Site"
defaultContentLanguage = "en"
[languages.en]
languageName = "English"
weight = 1
[languages.fr]
languageName = "Français"
languageCode = "fr-FR"
weight = 2
title = "Le site"
[languages.fr.params]
tagline = "Bonjour"
[[languages.fr.menus.main]]
name = "Accueil"
url = "/fr/"
-- content/posts/a.md --
---
title: A
date: 2024-01-02
aliases: [/old-a/, a-before]
tags: [one]
---
Hello.
-- content/posts/a.fr.md --
---
title: A en français
date: 2024-01-02
aliases: [/old-a/]
tags: [un]
---
Bonjour.
-- content/posts/b.fr.md --
---
title: B
date: 2024-01-03
---
Seulement en français.
-- content/posts/_index.fr.md --
---
title: Articles
---
-- content/about.md --
---
title: About
---
`

// TestMultilingualContentSuffixes: x.fr.md is the French translation of
// x.md, each language's pages at Hugo's URLs, linked by hreflang; the
// language's title, params and menus; one sitemap per language and the
// index at the root; translations sharing an alias are no error.
func TestMultilingualContentSuffixes(t *testing.T) {
	t.Parallel()
	b := buildSite(t, multilingualSite)
	var urls []string
	for _, s := range b.report.Sources {
		urls = append(urls, s.URL)
	}
	if got, want := strings.Join(urls, " "), "/about/ /fr/posts/a/ /fr/posts/b/ /posts/a/"; got != want {
		t.Errorf("pages: %s, want %s", got, want)
	}
	for _, name := range []string{"index.html", "posts/index.html", "fr/index.html", "fr/posts/index.html",
		"tags/one/index.html", "fr/tags/un/index.html", "fr/404.html", "404.html", "fr/index.xml", "robots.txt"} {
		b.file(t, name)
	}
	for _, name := range []string{"fr/robots.txt", "fr/_headers", "posts/a.fr/index.html", "fr/posts/a.fr/index.html", "fr/about/index.html"} {
		if _, ok := b.out.File(name); ok {
			t.Errorf("output has %s", name)
		}
	}
	assertFile(t, b, "posts/a/index.html",
		`<link rel="alternate" hreflang="en" href="https://x.example/posts/a/">`,
		`<link rel="alternate" hreflang="fr-FR" href="https://x.example/fr/posts/a/">`,
		`<link rel="alternate" hreflang="x-default" href="https://x.example/posts/a/">`)
	assertFile(t, b, "fr/posts/a/index.html", `<html lang="fr-FR">`, "Le site", "Accueil",
		`<link rel="alternate" hreflang="en" href="https://x.example/posts/a/">`,
		`<link rel="alternate" hreflang="x-default" href="https://x.example/posts/a/">`)
	assertFileNot(t, b, "fr/posts/b/index.html", `hreflang="en"`)
	assertFile(t, b, "fr/posts/index.html", "Articles")
	assertFile(t, b, "sitemap.xml", "<sitemapindex", "<loc>https://x.example/en/sitemap.xml</loc>", "<loc>https://x.example/fr/sitemap.xml</loc>")
	assertFile(t, b, "en/sitemap.xml", "<loc>https://x.example/posts/a/</loc>")
	assertFile(t, b, "fr/sitemap.xml", "<loc>https://x.example/fr/posts/b/</loc>")
	assertFileNot(t, b, "fr/sitemap.xml", "<loc>https://x.example/posts/a/</loc>")
	assertFile(t, b, "en/index.html", `url=https://x.example/"`)
	// As in Hugo: an absolute alias is at the root, the later language's
	// page winning it; a relative one is beside its page.
	assertFile(t, b, "old-a/index.html", "https://x.example/fr/posts/a/")
	assertFile(t, b, "posts/a-before/index.html", "https://x.example/posts/a/")
	assertFile(t, b, "robots.txt", "Sitemap: https://x.example/sitemap.xml")
}

// TestMultilingualContentDirs: each language's contentDir, the default
// language in its folder too (defaultContentLanguageInSubdir), the root
// redirecting to it; a language's menus from menus.<lang>.toml.
func TestMultilingualContentDirs(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- config/_default/hugo.yaml --
baseURL: https://x.example/blog/
defaultContentLanguage: de
defaultContentLanguageInSubdir: true
-- config/_default/languages.yaml --
de:
  contentDir: content/de
  weight: 1
en:
  contentDir: content/en
  weight: 2
-- config/_default/menus.en.toml --
[[main]]
name = "Start here"
url = "/blog/en/posts/"
-- content/de/posts/x.md --
---
title: X de
---
-- content/en/posts/x.md --
---
title: X en
---
-- content/en/posts/y/index.md --
---
title: Y
---
![chart](chart.png)
-- content/en/posts/y/chart.png --
png
`)
	var urls []string
	for _, s := range b.report.Sources {
		urls = append(urls, s.URL)
	}
	if got, want := strings.Join(urls, " "), "/blog/de/posts/x/ /blog/en/posts/x/ /blog/en/posts/y/"; got != want {
		t.Errorf("pages: %s, want %s", got, want)
	}
	assertFile(t, b, "index.html", `url=https://x.example/blog/de/"`)
	assertFile(t, b, "de/posts/x/index.html", `hreflang="en" href="https://x.example/blog/en/posts/x/"`, `hreflang="x-default" href="https://x.example/blog/de/posts/x/"`)
	assertFile(t, b, "en/posts/x/index.html", "Start here")
	assertFileNot(t, b, "de/posts/x/index.html", "Start here")
	b.file(t, "en/posts/y/chart.png")
	if _, ok := b.out.File("posts/x/index.html"); ok {
		t.Error("a page at the root with defaultContentLanguageInSubdir")
	}
}

// TestMultilingualURLsAsHugo: the pages' URLs are Hugo's, when Hugo is
// installed.
func TestMultilingualURLsAsHugo(t *testing.T) {
	t.Parallel()
	assertURLsAsHugo(t, multilingualSite, "https://x.example")
}
