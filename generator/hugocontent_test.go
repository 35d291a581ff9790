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
	if _, err := tryBuild(t, "-- hugo.toml --\nuglyURLs = true\n"); err == nil || !strings.HasPrefix(err.Error(), "hugo.toml:1: uglyURLs = true is not supported") {
		t.Errorf("uglyURLs: %v", err)
	}
}
