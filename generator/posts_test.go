package generator_test

import (
	"strings"
	"testing"
)

// pagesSite has a post, a root page, a page bundle at the root, a page of
// type "page" inside a review section, a section of pages only and a
// second review section.
const pagesSite = `
-- site.toml --
title = "Pages"
baseURL = "https://example.com/"
-- content/posts/review.md --
---
title: Kartra review
date: 2026-11-02
---
A review.
-- content/posts/disclosure-policy.md --
---
title: Disclosure policy
type: page
date: 2026-11-03
---
How we earn.
-- content/guides/guide.md --
---
title: Funnel guide
date: 2026-11-01
---
A guide.
-- content/about.md --
---
title: About us
date: 2026-11-04
---
Who we are.
-- content/contact/index.md --
---
title: Contact
date: 2026-11-05
---
Write to us.
-- content/legal/privacy.md --
---
title: Privacy
type: page
---
What we keep.
`

func TestPagesAreNotPosts(t *testing.T) {
	t.Parallel()
	b := buildSite(t, pagesSite)
	notPosts := []string{"About us", "Contact", "Disclosure policy", "Privacy"}
	for _, f := range []string{"index.html", "index.xml", "404.html"} {
		assertFile(t, b, f, "Kartra review", "Funnel guide")
		assertFileNot(t, b, f, notPosts...)
	}
	assertFile(t, b, "posts/index.html", "Kartra review")
	assertFileNot(t, b, "posts/index.html", "Disclosure policy")
	assertFileNot(t, b, "posts/index.xml", "Disclosure policy")
	// Pages are still published and in the sitemap.
	for _, f := range []string{"about/index.html", "contact/index.html", "posts/disclosure-policy/index.html", "legal/privacy/index.html"} {
		b.file(t, f)
	}
	assertFile(t, b, "sitemap.xml", "/about/", "/legal/privacy/", "/posts/disclosure-policy/")
	// A section of pages only gets no list and no menu entry.
	assertNoFile(t, b, "legal/index.html")
	assertFileNot(t, b, "index.html", `href="/legal/"`)
}

func TestMainSections(t *testing.T) {
	t.Parallel()
	for name, setting := range map[string]string{
		"top level":    "mainSections = [\"posts\"]\n",
		"under params": "[params]\nmainsections = \"posts\"\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := buildSite(t, strings.Replace(pagesSite, "-- content/", setting+"-- content/", 1))
			for _, f := range []string{"index.html", "index.xml", "404.html"} {
				assertFile(t, b, f, "Kartra review")
				assertFileNot(t, b, f, "Funnel guide", "About us", "Disclosure policy")
			}
			// The other section still lists its own pages.
			assertFile(t, b, "guides/index.html", "Funnel guide")
			assertFile(t, b, "guides/index.xml", "Funnel guide")
		})
	}
}
