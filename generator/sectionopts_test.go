package generator_test

import (
	"strings"
	"testing"
)

// TestSectionFrontMatterAsHugo: an _index.md's aliases (absolute and
// relative, as a page's), its _build options, and its cascade, which
// reaches the pages and sections below it unless they set the key
// themselves, and with _target only the pages it names; Markdown files
// inside a leaf bundle are its resources, not pages.
func TestSectionFrontMatterAsHugo(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
baseURL = "https://x.example/"
-- content/post/_index.md --
---
title: Posts
aliases: [posts, /articles/]
cascade:
  banner: from-cascade
---
-- content/post/a.md --
---
title: A
---
{{< param banner >}}
-- content/post/b.md --
---
title: B
banner: own
---
{{< param banner >}}
-- content/drafts/_index.md --
---
title: Hidden
_build:
  render: never
cascade:
  - _build:
      render: never
      list: never
    _target:
      path: /drafts/secret*
  - banner: drafts
---
-- content/drafts/secret-plan.md --
---
title: Secret
---
-- content/drafts/open.md --
---
title: Open
---
{{< param banner >}}
-- content/homepage/index.md --
---
headless: true
---
-- content/homepage/work.md --
---
title: Work
---
`)
	var urls []string
	for _, s := range b.report.Sources {
		urls = append(urls, s.URL)
	}
	if got, want := strings.Join(urls, " "), "/drafts/open/ /post/a/ /post/b/"; got != want {
		t.Errorf("pages: %s, want %s", got, want)
	}
	assertFile(t, b, "posts/index.html", `url=https://x.example/post/"`)
	assertFile(t, b, "articles/index.html", `url=https://x.example/post/"`)
	assertFile(t, b, "post/a/index.html", "from-cascade")
	assertFile(t, b, "post/b/index.html", "own")
	assertFile(t, b, "drafts/open/index.html", "drafts")
	for _, name := range []string{"drafts/index.html", "drafts/index.xml", "drafts/secret-plan/index.html", "homepage/index.html", "homepage/work/index.html"} {
		assertNoFile(t, b, name)
	}
	assertFileNot(t, b, "sitemap.xml", "https://x.example/drafts/</loc>", "secret-plan", "homepage")
	for _, w := range b.report.Warnings {
		if strings.Contains(w.Message, "cascade") || strings.Contains(w.Message, "_build") {
			t.Errorf("warning: %v", w)
		}
	}
}
