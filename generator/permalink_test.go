package generator_test

import (
	"strings"
	"testing"
)

// permalinkSite has posts in a section with a permalink pattern, a page
// bundle, a nested folder and a page in another section.
const permalinkSite = `
-- hugo.yaml --
baseURL: https://x.example/
permalinks:
  posts: /:year/:month/:day/:slug/
  page:
    guides: /guide/:sections/:filename/
    notes: /n/:contentbasename/:title/
-- content/posts/first-post.md --
---
title: Hello, World
date: 2024-03-05
---
See [the bundle](/2023/12/01/my-bundle/) and [the guide](/guide/guides/setup/).
-- content/posts/my-bundle/index.md --
---
title: Bundle Title
date: 2023-12-01
slug: my-bundle
---
-- content/guides/deep/setup.md --
---
title: Setup
---
-- content/notes/A Note.md --
---
title: Second Thoughts
---
-- content/notes/with-url.md --
---
title: U
url: /fixed/
---
-- content/other/plain.md --
---
title: Plain
---
`

// TestPermalinks expands Hugo's tokens per section; url in front matter
// still wins; sections without a pattern keep the folder URL.
func TestPermalinks(t *testing.T) {
	t.Parallel()
	b := buildSite(t, permalinkSite)
	for _, out := range []string{
		"2024/03/05/hello-world/index.html", // :slug falls back to the title, as in Hugo
		"2023/12/01/my-bundle/index.html",
		"guide/guides/setup/index.html", // deep/ has no _index.md: no section
		"n/a-note/second-thoughts/index.html",
		"fixed/index.html",
		"other/plain/index.html",
	} {
		b.file(t, out)
	}
	assertFile(t, b, "posts/index.html", `href="/2024/03/05/hello-world/"`)
	assertFile(t, b, "sitemap.xml", "<loc>https://x.example/2024/03/05/hello-world/</loc>")
}

// TestPermalinkErrors names the setting's file and line.
func TestPermalinkErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ site, want string }{
		{"-- hugo.toml --\n[permalinks]\nposts = \"/:yeer/:slug/\"\n", `hugo.toml:2:1: permalinks.posts: "/:yeer/:slug/": unknown token :yeer (tokens: :contentbasename, :day,`},
		{"-- hugo.toml --\n[permalinks]\nposts = \"/:sections[1:]/:slug/\"\n", `hugo.toml:2:1: permalinks.posts: "/:sections[1:]/:slug/": slices of tokens (:sections[1:]) are not supported`},
		{"-- hugo.toml --\n[permalinks]\ntags = \"/topic/:slug/\"\n", `hugo.toml:2:1: permalinks.tags: permalinks of taxonomy term pages are not supported`},
		{"-- hugo.toml --\n[permalinks.section]\nposts = \"/p/\"\n", `hugo.toml:1:13: permalinks.section: permalinks of section pages are not supported`},
		{"-- hugo.toml --\n[permalinks]\nposts = \"/:slug.html\"\n", `hugo.toml:2:1: permalinks.posts: "/:slug.html" ends in a file name`},
		{"-- hugo.toml --\n[permalinks]\nposts = 3\n", `hugo.toml:2:1: permalinks.posts must be a string`},
	} {
		_, err := tryBuild(t, tc.site+"-- content/posts/a.md --\n")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s", tc.site, err, tc.want)
		}
	}
}
