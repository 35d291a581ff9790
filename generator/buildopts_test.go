package generator_test

import (
	"strings"
	"testing"
)

// TestBuildOptions: front matter _build/build and headless bundles, as
// in Hugo: pages that are not rendered are not written (render: link
// keeps the URL, never has none), pages that are not listed are in no
// list, feed, taxonomy or sitemap (list: local stays on its section's
// list), publishResources: false and headless leave a bundle's files
// out, and every such page is still found by .Site.GetPage and ref.
func TestBuildOptions(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
title = "T"
baseURL = "https://example.org/"
-- content/posts/shown.md --
---
title: Shown
date: 2024-01-01
tags: [t]
---
ref=[{{< relref "hidden.md" >}}] link=[{{< relref "linkonly.md" >}}]
-- content/posts/hidden.md --
---
title: Hidden
date: 2024-01-02
tags: [t]
_build:
  render: never
  list: never
---
-- content/posts/linkonly.md --
---
title: Link only
date: 2024-01-03
build:
  render: link
---
-- content/posts/local.md --
---
title: Local
date: 2024-01-04
tags: [t]
_build:
  list: local
---
-- content/posts/nores/index.md --
---
title: No resources
date: 2024-01-05
_build:
  publishResources: false
---
-- content/posts/nores/chart.png --
png
-- content/posts/head/index.md --
---
title: Headless
headless: true
---
-- content/posts/head/photo.jpg --
jpg
-- layouts/_default/list.html --
{{ range .Pages }}item=[{{ .Title }}] {{ end }}
-- layouts/_default/term.html --
{{ range .Pages }}item=[{{ .Title }}] {{ end }}
-- layouts/index.html --
{{ range .Site.RegularPages }}reg=[{{ .Title }}] {{ end }}
{{ with .Site.GetPage "/posts/head" }}get=[{{ .Title }} url={{ .RelPermalink }}]{{ end }}
{{ with .Site.GetPage "posts/hidden.md" }}get2=[{{ .Title }}]{{ end }}
{{ with .Site.GetPage "/posts" }}sec=[{{ .Title }}]{{ end }} {{ with .Site.GetPage "/" }}home=[{{ .Kind }}]{{ end }}
{{ if not (.Site.GetPage "/nope") }}none{{ end }}
`)
	for _, gone := range []string{"posts/hidden/index.html", "posts/linkonly/index.html", "posts/head/index.html",
		"posts/head/photo.jpg", "posts/nores/chart.png"} {
		assertNoFile(t, b, gone)
	}
	b.file(t, "posts/nores/index.html")
	b.file(t, "posts/local/index.html")
	assertFile(t, b, "posts/shown/index.html", "ref=[] link=[/posts/linkonly/]")
	assertFile(t, b, "posts/index.html", "item=[No resources] item=[Local] item=[Link only] item=[Shown]")
	assertFileNot(t, b, "posts/index.html", "item=[Hidden]", "item=[Headless]")
	assertFile(t, b, "index.html", "reg=[No resources] reg=[Link only] reg=[Shown]",
		"get=[Headless url=]", "get2=[Hidden]", "sec=[Posts]", "home=[home]", "none")
	assertFileNot(t, b, "index.html", "reg=[Local]", "reg=[Hidden]", "reg=[Headless]")
	assertFile(t, b, "tags/t/index.html", "item=[Shown]")
	assertFileNot(t, b, "tags/t/index.html", "item=[Hidden]", "item=[Local]")
	assertFileNot(t, b, "index.xml", "<title>Local</title>", "<title>Hidden</title>")
	assertFileNot(t, b, "sitemap.xml", "/posts/local/", "/posts/hidden/", "/posts/head/")
	for _, w := range b.report.Warnings {
		if strings.Contains(w.Message, "build") || strings.Contains(w.Message, "headless") {
			t.Errorf("warning: %v", w)
		}
	}
	for _, r := range b.report.Sources {
		if r.Title == "Hidden" || r.Title == "Headless" || r.Title == "Link only" {
			t.Errorf("report lists unpublished %s", r.File)
		}
	}
}

// TestBuildOptionsErrors: a build option's value Hugo does not have is
// an error at the value's line and column, an option Hugo does not have
// at its key's.
func TestBuildOptionsErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ fm, want string }{
		{"_build:\n  render: sometimes\n", "content/a.md:3:11: front matter: _build.render must be always, never, link, not sometimes"},
		{"_build:\n  list: maybe\n", "content/a.md:3:9: front matter: _build.list must be always, never, local"},
		{"_build:\n  publishResources: 1\n", "content/a.md:3:21: front matter: _build.publishResources must be true or false"},
		{"_build:\n  colour: red\n", "content/a.md:3:3: front matter: _build.colour is not a build option"},
		{"build: never\n", "content/a.md:2:8: front matter: build must be a table"},
	} {
		_, err := tryBuild(t, "-- content/a.md --\n---\n"+tc.fm+"---\n")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.fm, err, tc.want)
		}
	}
}
