package generator_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestEmptyFrontMatterValues: keys set to nothing read as not set, as
// in Hugo, in YAML and in JSON (null).
func TestEmptyFrontMatterValues(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- content/posts/a.md --
---
title: A
tags:
slug:
description:
date:
draft:
weight:
aliases:
---
-- content/posts/b.md --
{"title": "B", "tags": null, "slug": null}
`)
	b.file(t, "posts/a/index.html")
	b.file(t, "posts/b/index.html")
}

// TestDuplicateYAMLKey: a YAML front-matter key given twice is a
// warning at its line and the last value wins, as in Hugo (hugoDocs'
// page-bundles.md gives linkTitle twice), on a site with a Hugo
// configuration; TOML's, and site.toml sites', stay errors.
func TestDuplicateYAMLKey(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
title = "T"
-- content/posts/a.md --
---
title: First
description: d
title: Second
---
`)
	assertFile(t, b, "posts/a/index.html", "<title>Second")
	var got []string
	for _, w := range b.report.Warnings {
		got = append(got, w.Error())
	}
	if all := strings.Join(got, "\n"); !strings.Contains(all, `content/posts/a.md:4:1: front matter: duplicate key "title" (the last value is used, as in Hugo)`) {
		t.Errorf("warnings:\n%s", all)
	}
	if _, err := tryBuild(t, "-- hugo.toml --\n-- content/a.md --\n+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n"); err == nil {
		t.Error("a TOML key given twice built")
	}
	if _, err := tryBuild(t, "-- site.toml --\n-- content/a.md --\n---\ntitle: A\ntitle: B\n---\n"); err == nil || !strings.Contains(err.Error(), `content/a.md:3:1: front matter: duplicate key "title"`) {
		t.Errorf("site.toml site: %v", err)
	}
}

// TestFeedAndSummaryLengths: rssLimit, services.rss.limit and
// summaryLength; a Hugo configuration's feeds list every page by
// default, as Hugo's do.
func TestFeedAndSummaryLengths(t *testing.T) {
	t.Parallel()
	var posts strings.Builder
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&posts, "-- content/posts/p%02d.md --\n---\ntitle: P%02d\ndate: 2024-01-%02d\n---\none two three four five six\n", i, i, i)
	}
	items := func(cfg string) int {
		b := buildSite(t, cfg+posts.String())
		return strings.Count(b.file(t, "index.xml"), "<item>")
	}
	for _, tc := range []struct {
		cfg  string
		want int
	}{
		{"", 20},
		{"-- site.toml --\ntitle = 'T'\n", 20},
		{"-- hugo.toml --\ntitle = 'T'\n", 25},
		{"-- hugo.toml --\nrssLimit = 3\n", 3},
		{"-- hugo.toml --\nrssLimit = 3\n[services.rss]\nlimit = 5\n", 5},
		{"-- site.toml --\nrssLimit = -1\n", 25},
	} {
		if got := items(tc.cfg); got != tc.want {
			t.Errorf("%q: %d items, want %d", tc.cfg, got, tc.want)
		}
	}
	b := buildSite(t, "-- hugo.toml --\nsummaryLength = 3\n"+posts.String())
	assertFile(t, b, "index.xml", "<description>one two three …</description>")
}

// TestUnsupportedHugoFeatures: what affsite does not do yet is named,
// with its file and line, never silent.
func TestUnsupportedHugoFeatures(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
sectionPagesMenu = "main"
[taxonomies]
tag = "tags"
series = "series"
[[menu.main]]
name = "X"
url = "/x/"
-- content/docs/sub/_index.md --
---
title: Sub
---
-- content/docs/sub/a.md --
---
title: A
_build:
  render: never
menu: main
---
`)
	var got []string
	for _, w := range b.report.Warnings {
		got = append(got, w.Error())
	}
	all := strings.Join(got, "\n")
	// Nested sections and build options are supported now
	// (sections_test.go, buildopts_test.go): a list page, a page that is
	// not rendered, no warning.
	if strings.Contains(all, "nested") || strings.Contains(all, "_build") {
		t.Errorf("supported feature warned about:\n%s", all)
	}
	b.file(t, "docs/sub/index.html")
	assertNoFile(t, b, "docs/sub/a/index.html")
	if _, err := tryBuild(t, "-- hugo.toml --\nuglyURLs = true\n"); err == nil || !strings.HasPrefix(err.Error(), "hugo.toml:1:1: uglyURLs = true is not supported") {
		t.Errorf("uglyURLs: %v", err)
	}
	for file, format := range map[string]string{"a.adoc": "AsciiDoc", "a.rst": "reStructuredText", "a.org": "Org", "a.pandoc": "Pandoc", "x/_index.asciidoc": "AsciiDoc"} {
		_, err := tryBuild(t, "-- hugo.toml --\n-- content/"+file+" --\n---\ntitle: A\n---\n")
		if want := "content/" + file + ":1: " + format + " content"; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", file, err, want)
		}
	}
	b = buildSite(t, "-- hugo.toml --\n-- content/posts/a.md --\n---\ntitle: A\nmarkup: html\nsitemap:\n  priority: 0.5\nresources:\n- src: x.jpg\n  name: header\n---\n-- content/posts/b.md --\n---\ntitle: B\nmarkup: goldmark\n---\n")
	var warned []string
	for _, w := range b.report.Warnings {
		warned = append(warned, w.Error())
	}
	for _, want := range []string{
		`content/posts/a.md:3: markup "html" is not supported: the page is read as its file's extension says (markdown)`,
		`content/posts/a.md:4: sitemap (changefreq, priority, filename) is not supported`,
		`content/posts/a.md:6: resources (names, titles and params of a bundle's files) are not supported`,
	} {
		if !strings.Contains(strings.Join(warned, "\n"), want) {
			t.Errorf("no warning %q in:\n%s", want, strings.Join(warned, "\n"))
		}
	}
	if all := strings.Join(warned, "\n"); strings.Contains(all, "posts/b.md") {
		t.Errorf("markup: goldmark on a .md file warned:\n%s", all)
	}
	// In a leaf bundle such a file is a resource, as in Hugo: not a page.
	b = buildSite(t, "-- hugo.toml --\n-- content/b/index.md --\n---\ntitle: B\n---\n-- content/b/notes.org --\n#+TITLE: N\n")
	b.file(t, "b/index.html")
}

// TestHugoDocsCases: what hugoDocs needs, as Hugo does it: disableAliases
// writes no alias pages; two pages giving one alias is a warning (the
// first by file keeps it); param reads an _index.md's front matter;
// relref from a page in a language's contentDir looks beside it first;
// a shortcode parameter given twice keeps its last value, with a warning;
// an index.html content file without front matter is a plain HTML
// document, published as it is (hugocompat/html-content.txtar has the
// pages).
func TestHugoDocsCases(t *testing.T) {
	t.Parallel()
	site := `
-- hugo.toml --
DISABLE
[languages.en]
contentDir = "content/en"
-- content/en/functions/site.md --
---
title: Site function
aliases: [/old/]
---
-- content/en/variables/site.md --
---
title: Site variables
aliases: [/old/]
---
See [it]({{< relref "site.md" >}}).
Twice: {{< p x="first" x="second" >}}.
-- layouts/shortcodes/p.html --
<em>{{ .Get "x" }}</em>
-- content/en/install/_index.md --
---
title: Install
description: How to install
---
{{< param description >}}
-- content/en/news/x/index.html --
<p>x</p>
`
	b := buildSite(t, strings.Replace(site, "DISABLE", "", 1))
	assertFile(t, b, "old/index.html", "/functions/site/")
	assertFile(t, b, "variables/site/index.html", `href="/variables/site/"`, "Twice: <em>second</em>")
	assertFile(t, b, "install/index.html", "How to install")
	if got := b.file(t, "news/x/index.html"); got != "<p>x</p>\n" {
		t.Errorf("news/x/index.html = %q, want the file as it is", got)
	}
	var got []string
	for _, w := range b.report.Warnings {
		got = append(got, w.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`content/en/variables/site.md:1: alias "/old/" is also content/en/functions/site.md's: it redirects there`,
		`content/en/variables/site.md:6:24: shortcode "p": parameter "x" given twice; the last value is used, as in Hugo`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning %q in:\n%s", want, all)
		}
	}
	b = buildSite(t, strings.Replace(site, "DISABLE", "disableAliases = true", 1))
	assertNoFile(t, b, "old/index.html")
}

// TestURLSettingErrors: a URL setting affsite cannot honour, or a pager
// folder leaving its list, stops the build at its line; pagination.path
// (Hugo's newer name) wins over paginatePath.
func TestURLSettingErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ config, want string }{
		{"title = \"T\"\ndisablePathToLower = true\n", "hugo.toml:2:1: disablePathToLower = true is not supported"},
		{"paginatePath = \"../up\"\n", `hugo.toml:1:1: paginatePath "../up" must be a folder name below the list`},
		{"[pagination]\npath = \"a//b\"\n", `hugo.toml:2:1: pagination.path "a//b" must be a folder name below the list`},
	} {
		if _, err := tryBuild(t, "-- hugo.toml --\n"+tc.config); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v\nwant %s", tc.config, err, tc.want)
		}
	}
	b := buildSite(t, `-- hugo.toml --
paginate = 1
paginatePath = "old"
[pagination]
path = "/seite/"
-- content/posts/a.md --
---
title: A
---
-- content/posts/b.md --
---
title: B
---
`)
	b.file(t, "posts/seite/2/index.html")
	assertNoFile(t, b, "posts/old/2/index.html")
}
