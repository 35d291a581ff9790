package generator_test

import (
	"strings"
	"testing"
)

// TestNestedSections: an _index.md below the top level makes a section
// of its own, as in Hugo: a paginated list page and a feed at its path,
// its pages there (and no longer on the parent's list, which shows the
// child section instead), .Sections, .Parent, .CurrentSection,
// .FirstSection and .RegularPagesRecursive; folders without _index.md
// stay part of the section above; nested sections stay out of the
// navigation.
func TestNestedSections(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
title = "T"
baseURL = "https://example.org/"
paginate = 1
-- content/posts/top.md --
---
title: Top post
date: 2024-01-01
---
x
-- content/posts/guides/_index.md --
---
title: Guides
---
All the guides.
-- content/posts/guides/g1.md --
---
title: Guide one
date: 2024-03-01
---
x
-- content/posts/guides/g2/index.md --
---
title: Guide two
date: 2024-02-01
---
x
-- content/posts/guides/deep/_index.md --
---
title: Deep
---
-- content/posts/guides/deep/d1.md --
---
title: Deep one
date: 2024-04-01
---
x
-- content/posts/plain/p1.md --
---
title: Plain one
date: 2023-01-01
---
x
-- layouts/_default/list.html --
{{ .Kind }} {{ .Title }} {{ .RelPermalink }} parent=[{{ with .Parent }}{{ .Title }}{{ end }}]
{{ range .Paginator.Pages }}item=[{{ .Title }}] {{ end }}
{{ range .Sections }}sub=[{{ .Title }} {{ .RelPermalink }}] {{ end }}
{{ range .RegularPages }}own=[{{ .Title }}] {{ end }}
{{ range .RegularPagesRecursive }}all=[{{ .Title }}] {{ end }}
{{ .Content }}
-- layouts/index.html --
{{ range .Sections }}sub=[{{ .Title }} {{ .RelPermalink }}] {{ end }}
-- layouts/_default/single.html --
{{ .Title }} cur=[{{ .CurrentSection.Title }}] parent=[{{ .Parent.Title }}] first=[{{ .FirstSection.Title }}] section=[{{ .Section }}]
{{ if .CurrentSection.IsSection }}in-section{{ end }} {{ if .FirstSection.IsAncestor . }}ancestor{{ end }}
`)
	assertFile(t, b, "posts/guides/index.html",
		"section Guides /posts/guides/ parent=[Posts]",
		"item=[Deep]", "sub=[Deep /posts/guides/deep/]",
		"own=[Guide one] own=[Guide two]",
		"all=[Deep one] all=[Guide one] all=[Guide two]", "All the guides.")
	assertFile(t, b, "posts/guides/page/2/index.html", "item=[Guide one]")
	assertFile(t, b, "posts/guides/page/3/index.html", "item=[Guide two]")
	assertFile(t, b, "posts/guides/deep/index.html", "section Deep /posts/guides/deep/ parent=[Guides]", "item=[Deep one]")
	assertFile(t, b, "posts/guides/index.xml", "<title>Guide one</title>", "<title>Guide two</title>")
	assertFile(t, b, "posts/guides/deep/index.xml", "<title>Deep one</title>")
	// The parent lists its own pages (plain/ has no _index.md) and the
	// child section, dated by its newest page.
	assertFile(t, b, "posts/index.html", "parent=[T]", "sub=[Guides /posts/guides/]", "own=[Top post] own=[Plain one]",
		"all=[Deep one] all=[Guide one] all=[Guide two] all=[Top post] all=[Plain one]")
	var items []string
	for i := 1; i <= 3; i++ {
		name := "posts/index.html"
		if i > 1 {
			name = "posts/page/" + string(rune('0'+i)) + "/index.html"
		}
		got := b.file(t, name)
		items = append(items, got[strings.Index(got, "item=["):strings.Index(got, "] ")+1])
	}
	if want := "item=[Guides] item=[Top post] item=[Plain one]"; strings.Join(items, " ") != want {
		t.Errorf("posts pagers: %q, want %q", strings.Join(items, " "), want)
	}
	assertFile(t, b, "posts/guides/g1/index.html", "cur=[Guides] parent=[Guides] first=[Posts] section=[posts]", "in-section ancestor")
	assertFile(t, b, "posts/guides/g2/index.html", "cur=[Guides]")
	assertFile(t, b, "posts/guides/deep/d1/index.html", "cur=[Deep] parent=[Deep] first=[Posts]")
	assertFile(t, b, "posts/plain/p1/index.html", "cur=[Posts]")
	assertFile(t, b, "index.html", "sub=[Posts /posts/]")
	assertFile(t, b, "sitemap.xml", "https://example.org/posts/guides/</loc>", "https://example.org/posts/guides/deep/</loc>")
	for _, w := range b.report.Warnings {
		if strings.Contains(w.Message, "nested") {
			t.Errorf("warning: %v", w)
		}
	}
}

// TestNestedSectionsNav: the default theme's navigation lists only the
// top-level sections, with or without sectionPagesMenu.
func TestNestedSectionsNav(t *testing.T) {
	t.Parallel()
	for _, cfg := range []string{"title = 'T'\n", "title = 'T'\nsectionPagesMenu = 'main'\n"} {
		b := buildSite(t, "-- hugo.toml --\n"+cfg+`
-- content/posts/a.md --
A
-- content/posts/guides/_index.md --
---
title: Guides
---
-- content/posts/guides/g.md --
G
`)
		assertFile(t, b, "posts/a/index.html", `href="/posts/"`)
		assertFileNot(t, b, "posts/a/index.html", `href="/posts/guides/"`)
	}
}
