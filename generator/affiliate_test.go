package generator_test

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDisclosureModes(t *testing.T) {
	t.Parallel()
	const text = "Default disclosure text."
	site := func(mode, body string) string {
		return "-- site.toml --\n[affiliate]\ndisclosure = \"" + mode + "\"\ndisclosure_text = \"" + text + "\"\n" +
			"-- content/posts/x.md --\n---\ntitle: X\nprogram: acme\n---\n" + body + acmeProgram
	}
	t.Run("auto inserts before the first link", func(t *testing.T) {
		t.Parallel()
		b := buildSite(t, site("auto", "Intro.\n\nSee [Acme](https://acme.example/).\n"))
		assertOrder(t, b, "posts/x/index.html", `class="aff-disclosure"`, text, `href="https://acme.example/"`)
		if n := strings.Count(b.file(t, "posts/x/index.html"), `class="aff-disclosure"`); n != 1 {
			t.Errorf("%d disclosures, want 1", n)
		}
	})
	t.Run("auto keeps the author's disclosure", func(t *testing.T) {
		t.Parallel()
		b := buildSite(t, site("auto", "Intro.\n\n{{< disclosure >}}Mine.{{< /disclosure >}}\n\n{{< afflink >}}\n"))
		got := b.file(t, "posts/x/index.html")
		if n := strings.Count(got, `class="aff-disclosure"`); n != 1 {
			t.Errorf("%d disclosures, want 1:\n%s", n, got)
		}
		assertOrder(t, b, "posts/x/index.html", "Intro.", `class="aff-disclosure"`, "Mine.", `href="https://acme.example/?subid=x-1"`)
	})
	t.Run("auto adds one when the author's comes after the link", func(t *testing.T) {
		t.Parallel()
		b := buildSite(t, site("auto", "{{< afflink >}}\n\n{{< disclosure >}}\n"))
		if n := strings.Count(b.file(t, "posts/x/index.html"), `class="aff-disclosure"`); n != 2 {
			t.Errorf("%d disclosures, want 2", n)
		}
	})
	t.Run("auto leaves pages without links alone", func(t *testing.T) {
		t.Parallel()
		b := buildSite(t, site("auto", "No links, [other](https://other.example/).\n"))
		assertFileNot(t, b, "posts/x/index.html", `class="aff-disclosure"`)
	})
	t.Run("require fails at the link's line", func(t *testing.T) {
		t.Parallel()
		_, err := tryBuild(t, site("require", "Intro.\n\nMore.\n\nSee [Acme](https://acme.example/).\n"))
		want := "content/posts/x.md:9: affiliate link before any disclosure"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("error %v, want prefix %q", err, want)
		}
	})
	t.Run("require fails at a shortcode link's line", func(t *testing.T) {
		t.Parallel()
		_, err := tryBuild(t, site("require", "Intro.\n\n{{< afflink >}}\n\n{{< disclosure >}}\n"))
		want := "content/posts/x.md:7: affiliate link before any disclosure"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("error %v, want prefix %q", err, want)
		}
	})
	t.Run("require passes with a disclosure first", func(t *testing.T) {
		t.Parallel()
		buildSite(t, site("require", "{{< disclosure >}}\n\n{{< afflink >}}\n"))
	})
	t.Run("off", func(t *testing.T) {
		t.Parallel()
		b := buildSite(t, site("off", "{{< afflink >}}\n"))
		assertFileNot(t, b, "posts/x/index.html", `class="aff-disclosure"`)
	})
}

func TestHandWrittenAffiliateLinks(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- content/posts/x.md --
---
title: X
---
A [Markdown link](https://acme.example/a), an autolink <https://www.acme.example/b>,
and <a href="https://acme.example/c" rel="author">raw HTML</a>.

<p><a href="https://ACME.example/d">block</a></p>

Not ours: [other](https://notacme.example/) and [relative](/posts/).
`+acmeProgram)
	const rel = `rel="sponsored nofollow noopener"`
	assertFile(t, b, "posts/x/index.html",
		`<a href="https://acme.example/a" `+rel+` data-aff-program="acme" data-aff-placement="markdown">Markdown link</a>`,
		`<a href="https://www.acme.example/b" `+rel+` data-aff-program="acme" data-aff-placement="markdown">https://www.acme.example/b</a>`,
		`<a href="https://acme.example/c" rel="author sponsored nofollow noopener" data-aff-program="acme" data-aff-placement="markdown">raw HTML</a>`,
		`<a href="https://ACME.example/d" `+rel+` data-aff-program="acme" data-aff-placement="markdown">block</a>`,
		`<a href="https://notacme.example/">other</a>`,
		`<a href="/posts/">relative</a>`)
	if n := len(b.report.Links); n != 4 {
		t.Errorf("report has %d links, want 4: %+v", n, b.report.Links)
	}
	for _, l := range b.report.Links {
		if l.Program != "acme" || l.Source != "markdown" || l.File != "content/posts/x.md" {
			t.Errorf("link %+v", l)
		}
	}
}

func TestCloakedLinks(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
baseURL = "https://example.com/"
[affiliate]
link_mode = "cloaked"
ref_id = "me123"
target = "_blank"
utm_source = "site"
utm_medium = "review"
utm_campaign = "winter"
-- content/posts/x.md --
---
title: X
program: acme
---
{{< afflink placement="intro" >}}Try it{{< /afflink >}} and {{< afflink plan="pro" >}}
`+acmeProgram)
	assertFile(t, b, "posts/x/index.html",
		`<a href="/go/acme/?subid=x-intro" rel="sponsored nofollow noopener" target="_blank" data-aff-program="acme" data-aff-placement="intro" data-aff-subid="x-intro">Try it</a>`,
		`<a href="/go/acme/pro/?subid=x-2" rel="sponsored nofollow noopener" target="_blank" data-aff-program="acme" data-aff-plan="pro" data-aff-subid="x-2">Acme – Pro</a>`)
	const target = "https://acme.example/?ref=me123&amp;utm_source=site&amp;utm_medium=review&amp;utm_campaign=winter"
	for _, f := range []string{"go/acme/index.html", "go/acme/basic/index.html", "go/acme/pro/index.html"} {
		assertFile(t, b, f, `<meta name="robots" content="noindex, nofollow">`, `<meta http-equiv="refresh" content="0; url=`)
	}
	assertFile(t, b, "go/acme/index.html", `url=`+target+`">`)
	assertFile(t, b, "_redirects",
		"/go/acme/ https://acme.example/?ref=me123&utm_source=site&utm_medium=review&utm_campaign=winter 302",
		"/go/acme/pro/ https://acme.example/?ref=me123&utm_source=site&utm_medium=review&utm_campaign=winter 302")
	assertFile(t, b, "_headers", "/go/*\n  X-Robots-Tag: noindex, nofollow")
	assertFile(t, b, "robots.txt", "Disallow: /go/")
}

func TestDirectLinkParams(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
[affiliate]
ref_id = "me123"
utm_source = "site"
-- content/posts/x.md --
---
title: X
program: acme
---
{{< afflink >}}
`+acmeProgram)
	assertFile(t, b, "posts/x/index.html", `href="https://acme.example/?ref=me123&amp;subid=x-1&amp;utm_source=site"`)
	assertFileNot(t, b, "posts/x/index.html", `target=`)
	assertNoFile(t, b, "go/acme/index.html")
	assertNoFile(t, b, "_redirects")
}

func TestManifest(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- content/posts/b.md --
---
title: B
program: acme
date: 2026-11-02
---
{{< afflink plan="basic" placement="top" >}}

[hand](https://acme.example/h)
-- content/posts/a.md --
---
title: A
program: acme
date: 2026-11-01
---
{{< afflink >}}
`+acmeProgram)
	type link struct {
		Page, Program, Plan, Placement, SubID, URL string
		Line                                       int
	}
	var got []link
	if err := json.Unmarshal([]byte(b.file(t, "affiliate-links.json")), &got); err != nil {
		t.Fatal(err)
	}
	want := []link{
		{Page: "/posts/a/", Program: "acme", SubID: "a-1", URL: "https://acme.example/?subid=a-1", Line: 6},
		{Page: "/posts/b/", Program: "acme", Plan: "basic", Placement: "top", SubID: "b-top", URL: "https://acme.example/?subid=b-top", Line: 6},
		{Page: "/posts/b/", Program: "acme", Placement: "markdown", URL: "https://acme.example/h", Line: 8},
	}
	if len(got) != len(want) {
		t.Fatalf("manifest has %d links, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("link %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
