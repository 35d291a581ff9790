package generator_test

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// acmeProgram is a program file whose domain makes links affiliate links.
const acmeProgram = `
-- data/programs/acme.yaml --
name: "Acme"
url: "https://acme.example/"
commission: 0.30
domains: [acme.example]
plans:
  - name: "Basic"
    monthly: 10.00
  - name: "Pro"
    monthly: 20.00
`

func TestPublishFlags(t *testing.T) {
	t.Parallel()
	site := `
-- site.toml --
title = "T"
-- content/posts/live.md --
---
title: Live
date: 2026-11-01
---
-- content/posts/draft.md --
---
title: Draft
draft: true
---
-- content/posts/future.md --
---
title: Future
date: 2027-06-01
---
-- content/posts/expired.md --
---
title: Expired
expiryDate: 2026-01-01
---
`
	tests := []struct {
		name string
		opts func(*generator.Options)
		want map[string]bool
	}{
		{"defaults", func(*generator.Options) {}, map[string]bool{"live": true}},
		{"drafts", func(o *generator.Options) { o.Drafts = true }, map[string]bool{"live": true, "draft": true}},
		{"future", func(o *generator.Options) { o.Future = true }, map[string]bool{"live": true, "future": true}},
		{"expired", func(o *generator.Options) { o.Expired = true }, map[string]bool{"live": true, "expired": true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := buildSite(t, site, tc.opts)
			for _, p := range []string{"live", "draft", "future", "expired"} {
				name := "posts/" + p + "/index.html"
				if tc.want[p] {
					assertFile(t, b, name)
				} else {
					assertNoFile(t, b, name)
					assertFileNot(t, b, "posts/index.html", "/posts/"+p+"/")
				}
			}
			if b.report.Pages != len(tc.want) {
				t.Errorf("report.Pages = %d, want %d", b.report.Pages, len(tc.want))
			}
		})
	}
}

func TestSectionsAndURLs(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- content/reviews/tools/deep.md --
---
title: Deep
---
{{< x >}}
-- layouts/shortcodes/x.html --
section={{ .Page.Section }}
-- content/posts/_index.md --
---
title: "Our Reviews"
---
-- content/posts/slugged.md --
---
title: Slugged
slug: "My Custom Slug"
---
-- content/posts/moved.md --
---
title: Moved
url: "/elsewhere/moved-page/"
---
-- content/top.md --
---
title: Top
---
`)
	assertFile(t, b, "reviews/tools/deep/index.html", "section=reviews")
	assertFile(t, b, "reviews/index.html", `href="/reviews/tools/deep/"`)
	assertNoFile(t, b, "reviews/tools/index.html")
	assertFile(t, b, "posts/my-custom-slug/index.html", "Slugged")
	assertFile(t, b, "elsewhere/moved-page/index.html", "Moved")
	assertNoFile(t, b, "posts/moved/index.html")
	assertFile(t, b, "top/index.html")
	assertFile(t, b, "posts/index.html", "<h1>Our Reviews</h1>", "<title>Our Reviews")
	assertFile(t, b, "index.html", `href="/posts/"`, `>Our Reviews</a>`)
}

func TestPagination(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	sb.WriteString("-- site.toml --\ntitle = \"P\"\n")
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&sb, "-- content/posts/p%02d.md --\n---\ntitle: Post %02d\ndate: 2026-10-%02dT00:00:00Z\n---\nBody %d.\n", i, i, i, i)
	}
	b := buildSite(t, sb.String())
	// Newest first: page 1 holds posts 25..16, page 2 15..6, page 3 5..1.
	assertFile(t, b, "posts/index.html", "Post 25", "Post 16", "Page 1 of 3", `rel="next" href="/posts/page/2/"`)
	assertFileNot(t, b, "posts/index.html", "Post 15", `rel="prev"`)
	assertFile(t, b, "posts/page/2/index.html", "Post 15", "Post 06", "Page 2 of 3",
		`rel="prev" href="/posts/"`, `rel="next" href="/posts/page/3/"`)
	assertFileNot(t, b, "posts/page/2/index.html", "Post 16<", "Post 05<")
	assertFile(t, b, "posts/page/3/index.html", "Post 05", "Post 01", "Page 3 of 3", `rel="prev" href="/posts/page/2/"`)
	assertFileNot(t, b, "posts/page/3/index.html", `rel="next"`)
	assertNoFile(t, b, "posts/page/4/index.html")
	// As in Hugo, /posts/page/1/ redirects to the list's first page.
	assertFile(t, b, "posts/page/1/index.html", `<meta http-equiv="refresh" content="0; url=/posts/">`)
	assertFile(t, b, "page/3/index.html", "Page 3 of 3")
}

func TestPaginationUnderBasePath(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	sb.WriteString("-- site.toml --\nbaseURL = \"https://example.com/blog/\"\npaginate = 2\n")
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&sb, "-- content/posts/p%d.md --\n---\ntitle: P%d\ndate: 2026-10-0%d\n---\n", i, i, i)
	}
	b := buildSite(t, sb.String())
	assertFile(t, b, "posts/index.html", `rel="next" href="/blog/posts/page/2/"`, `href="/blog/posts/p3/"`)
	assertFile(t, b, "posts/page/2/index.html", `rel="prev" href="/blog/posts/"`)
}

func TestTaxonomies(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- content/posts/a.md --
---
title: A
tags: ["Email Marketing", "Funnels"]
categories: [Reviews]
---
-- content/posts/b.md --
---
title: B
tags: ["funnels"]
categories: [Reviews, Guides]
---
`)
	assertFile(t, b, "tags/index.html",
		`<a href="/tags/email-marketing/">Email Marketing</a> <span class="count">(1)</span>`,
		`<a href="/tags/funnels/">Funnels</a> <span class="count">(2)</span>`)
	assertFile(t, b, "categories/index.html",
		`<a href="/categories/reviews/">Reviews</a> <span class="count">(2)</span>`,
		`<a href="/categories/guides/">Guides</a> <span class="count">(1)</span>`)
	assertFile(t, b, "tags/funnels/index.html", `href="/posts/a/"`, `href="/posts/b/"`)
	assertFile(t, b, "tags/email-marketing/index.html", `href="/posts/a/"`)
	assertFileNot(t, b, "tags/email-marketing/index.html", `href="/posts/b/"`)
}

type rss struct {
	Channel struct {
		Title string `xml:"title"`
		Items []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			Description string `xml:"description"`
			PubDate     string `xml:"pubDate"`
		} `xml:"item"`
	} `xml:"channel"`
}

func TestRSS(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
title = "Feeds & Co"
baseURL = "https://example.com/"
[affiliate]
disclosure_text = "We earn from links <here>."
-- content/posts/aff.md --
---
title: "Aff <1>"
date: 2026-11-02
---
Try [Acme](https://acme.example/).
-- content/posts/plain.md --
---
title: Plain
date: 2026-11-01
---
No links.
-- content/about.md --
---
title: About
date: 2026-10-01
---
`+acmeProgram)
	for _, tc := range []struct {
		file  string
		items int
		title string
	}{
		// about.md, at the top of content/, is a page, not a post: no
		// feed carries it (issue 18, item 3).
		{"index.xml", 2, "Feeds & Co"},
		{"posts/index.xml", 2, "Posts · Feeds & Co"},
	} {
		var feed rss
		if err := xml.Unmarshal([]byte(b.file(t, tc.file)), &feed); err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if feed.Channel.Title != tc.title || len(feed.Channel.Items) != tc.items {
			t.Fatalf("%s: title %q with %d items, want %q with %d", tc.file, feed.Channel.Title, len(feed.Channel.Items), tc.title, tc.items)
		}
		first, second := feed.Channel.Items[0], feed.Channel.Items[1]
		if first.Title != "Aff <1>" || first.Link != "https://example.com/posts/aff/" || first.PubDate != "Mon, 02 Nov 2026 00:00:00 +0000" {
			t.Errorf("%s: first item %+v", tc.file, first)
		}
		if !strings.Contains(first.Description, "We earn from links &lt;here&gt;.") {
			t.Errorf("%s: item with affiliate links lacks the disclosure: %q", tc.file, first.Description)
		}
		if strings.Contains(second.Description, "We earn") {
			t.Errorf("%s: item without affiliate links has the disclosure: %q", tc.file, second.Description)
		}
	}
}

func TestSitemapRobots404(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
baseURL = "https://example.com/"
-- content/posts/a.md --
---
title: A
date: 2026-11-01
lastmod: 2026-11-15T10:00:00Z
---
-- content/posts/b.md --
---
title: B
date: 2026-10-01
---
`)
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(b.file(t, "sitemap.xml")), &set); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, u := range set.URLs {
		got[u.Loc] = u.LastMod
	}
	want := map[string]string{
		"https://example.com/":         "2026-11-15",
		"https://example.com/posts/a/": "2026-11-15",
		"https://example.com/posts/b/": "2026-10-01",
		"https://example.com/posts/":   "",
	}
	for loc, lm := range want {
		if g, ok := got[loc]; !ok || g != lm {
			t.Errorf("sitemap %s: lastmod %q (present %v), want %q", loc, g, ok, lm)
		}
	}
	if len(got) != len(want) {
		t.Errorf("sitemap has %d URLs, want %d: %v", len(got), len(want), got)
	}
	robots := b.file(t, "robots.txt")
	if robots != "User-agent: *\nDisallow: /go/\n\nSitemap: https://example.com/sitemap.xml\n" {
		t.Errorf("robots.txt = %q", robots)
	}
	assertFile(t, b, "404.html", "Page not found", `class="kind-404"`)
}

func TestAlias(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
baseURL = "https://example.com/"
-- content/posts/new.md --
---
title: New
aliases: ["/old/path/", "/legacy.html"]
---
`)
	for _, f := range []string{"old/path/index.html", "legacy.html"} {
		assertFile(t, b, f, `<meta http-equiv="refresh" content="0; url=https://example.com/posts/new/">`,
			`<link rel="canonical" href="https://example.com/posts/new/">`)
		assertFileNot(t, b, f, "noindex")
	}
}

func TestHeadingIDs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		md   string
		want []string
	}{
		{"## Gold Plan", []string{`<h2 id="gold-plan">Gold Plan</h2>`}},
		{"## Gold Plan\n\n## Gold Plan\n\n## Gold Plan", []string{`id="gold-plan"`, `id="gold-plan-1"`, `id="gold-plan-2"`}},
		{"## Steps & Tips", []string{`<h2 id="steps--tips">Steps &amp; Tips</h2>`}},
		{"## Kartra's 40% Commission", []string{`id="kartras-40-commission"`}},
		{"## Über Café", []string{`id="über-café"`}},
		{"## snake_case-and-dash", []string{`id="snake_case-and-dash"`}},
		{"## Custom {#my-id}", []string{`id="my-id"`}},
	}
	for _, tc := range tests {
		t.Run(tc.md, func(t *testing.T) {
			t.Parallel()
			b := buildSite(t, "-- content/posts/h.md --\n---\ntitle: H\n---\n"+tc.md+"\n")
			assertOrder(t, b, "posts/h/index.html", tc.want...)
		})
	}
}

func TestTableOfContents(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- content/posts/t.md --
---
title: T
toc: true
---
## One

### One A

## Two
`)
	// Hugo 0.111's .TableOfContents, byte for byte (more cases in
	// testdata/hugocompat/markup-toc-*.txtar).
	assertFile(t, b, "posts/t/index.html", `<nav id="TableOfContents">
  <ul>
    <li><a href="#one">One</a>
      <ul>
        <li><a href="#one-a">One A</a></li>
      </ul>
    </li>
    <li><a href="#two">Two</a></li>
  </ul>
</nav>`)
}

func TestLayoutOverrides(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- layouts/_default/single.html --
<p class="mine">{{ .Title }}|{{ .Site.Title }}|{{ .Content }}</p>
-- layouts/shortcodes/afflink.html --
<a class="my-aff" href="{{ .Data.Href }}" rel="{{ .Data.Rel }}">{{ .Data.Text }}!</a>
-- site.toml --
title = "Over"
-- content/posts/a.md --
---
title: A
program: acme
---
{{< disclosure >}}

{{< afflink >}}
`+acmeProgram)
	assertFile(t, b, "posts/a/index.html", `<p class="mine">A|Over|`, `<a class="my-aff" href="https://acme.example/?subid=a-1" rel="sponsored nofollow noopener" data-aff-program="acme" data-aff-subid="a-1">Acme!</a>`)
	assertFileNot(t, b, "posts/a/index.html", "<!DOCTYPE html>")
	// The list pages keep the embedded theme.
	assertFile(t, b, "posts/index.html", "<!DOCTYPE html>")
}

func TestUserShortcodes(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
title = "Site T"
-- layouts/shortcodes/named.html --
[named x={{ .Get "x" }} named={{ .IsNamedParams }} page={{ .Page.Title }} site={{ .Site.Title }}]
-- layouts/shortcodes/pos.html --
[pos 0={{ .Get 0 }} 1={{ .Get 1 }} named={{ .IsNamedParams }}]
-- layouts/shortcodes/box.html --
<div class="box">{{ .Inner }}</div>
-- layouts/shortcodes/upper.html --
<span class="up">{{ .Inner }}</span>
-- content/posts/s.md --
---
title: Page T
---
{{< named x="1 & 2" >}}

{{< pos "a" "b" >}}

{{< box >}}outer {{< upper >}}inner{{< /upper >}} **not md**{{< /box >}}

{{% box %}}*emph* and [link](/x/){{% /box %}}

Say {{% upper %}}**bold** [link](/y/){{% /upper %}} inline.

Literal: {{</* named x="y" */>}} and {{%/* box */%}}.
`)
	assertFile(t, b, "posts/s/index.html",
		`[named x=1 &amp; 2 named=true page=Page T site=Site T]`,
		`[pos 0=a 1=b named=false]`,
		"<div class=\"box\">outer <span class=\"up\">inner</span>\n **not md**</div>",
		// As in Hugo, a {{% %}} template's output is Markdown of the page:
		// an HTML block stays as written, inline HTML gets the Markdown
		// around and inside it rendered.
		`<div class="box">*emph* and [link](/x/)</div>`,
		`<p>Say <span class="up"><strong>bold</strong> <a href="/y/">link</a></span>`,
		`Literal: {{&lt; named x=&ldquo;y&rdquo; &gt;}} and {{% box %}}.`)
}

func TestHugoTomlAndStatic(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
title = "From Hugo"
baseURL = "https://hugo.example/"
[markup]
[markup.goldmark]
-- static/css/style.css --
body { color: red }
-- static/img/x.txt --
hello
-- content/a.md --
---
title: A
---
`)
	assertFile(t, b, "index.html", "From Hugo", `<link rel="canonical" href="https://hugo.example/">`)
	if got := b.file(t, "css/style.css"); got != "body { color: red }\n" {
		t.Errorf("css/style.css = %q, want the site's static file", got)
	}
	assertFile(t, b, "img/x.txt", "hello")
	assertFile(t, b, "favicon.svg", "<svg")
}
