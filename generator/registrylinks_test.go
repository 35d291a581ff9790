package generator_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

const linksSite = `-- site.toml --
baseURL = "https://example.org/"
title = "T"
[affiliate]
links_prefix = "/out/"
-- data/programs/kartra.yaml --
name: Kartra
url: https://kartra.com/
commission: 0.40
plans:
  - name: Starter
    monthly: 99.00
-- data/links/imported.yaml --
links:
  - id: kartra-home
    destination: https://kartra.com/?aff=me
    program: kartra
    cloaked: /recommends/kartra/
    status: 301
  - id: old-deal
    destination: https://deal.example/black-friday
    expires: 2026-01-01
    fallback: https://deal.example/
  - id: book
    destination: https://books.example/p/1
-- content/posts/x.md --
---
title: X
---
{{< disclosure >}}

Try {{< link id="kartra-home" >}}Kartra{{< /link >}} and {{< link id="book" placement="intro" />}}.

Raw: [deal](/out/old-deal/).
`

func TestRegistryLinks(t *testing.T) {
	t.Parallel()
	b := buildSite(t, linksSite)
	page := b.file(t, "posts/x/index.html")
	for _, want := range []string{
		`<a href="https://kartra.com/?aff=me" rel="sponsored nofollow noopener" data-aff-program="kartra" data-aff-subid="x-1">Kartra</a>`,
		`<a href="https://books.example/p/1" rel="sponsored nofollow noopener" data-aff-program="link:book" data-aff-placement="intro" data-aff-subid="x-intro">book</a>`,
		`<a href="/out/old-deal/" rel="sponsored nofollow noopener" data-aff-program="link:old-deal" data-aff-placement="markdown">deal</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s:\n%s", want, page)
		}
	}
	assertFile(t, b, "recommends/kartra/index.html", `url=https://kartra.com/?aff=me`, `noindex`)
	assertFile(t, b, "out/old-deal/index.html", `url=https://deal.example/"`) // expired: the fallback
	assertFile(t, b, "out/book/index.html", `url=https://books.example/p/1`)
	assertFile(t, b, "_redirects",
		"/out/book/ https://books.example/p/1 302\n",
		"/out/old-deal/ https://deal.example/ 302\n",
		"/recommends/kartra/ https://kartra.com/?aff=me 301\n")
	assertFile(t, b, "robots.txt", "Disallow: /go/\nDisallow: /out/\nDisallow: /recommends/\n")
	assertFile(t, b, "_headers", "/recommends/*\n  X-Robots-Tag: noindex, nofollow")

	var manifest []generator.ManifestLink
	if err := json.Unmarshal([]byte(b.file(t, "affiliate-links.json")), &manifest); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range manifest {
		got = append(got, l.Program+" "+l.SubID+" "+l.URL+" "+l.Source)
	}
	want := []string{
		"kartra x-1 https://kartra.com/?aff=me shortcode",
		"link:book x-intro https://books.example/p/1 shortcode",
		"link:old-deal  /out/old-deal/ markdown",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("manifest:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRegistryLinksCloakedMode(t *testing.T) {
	t.Parallel()
	b := buildSite(t, strings.Replace(linksSite, "[affiliate]\n", "[affiliate]\nlink_mode = \"cloaked\"\n", 1))
	assertFile(t, b, "posts/x/index.html", `<a href="/recommends/kartra/?subid=x-1" rel="sponsored nofollow noopener" data-aff-program="kartra" data-aff-subid="x-1">Kartra</a>`)
	assertFile(t, b, "go/kartra/index.html", "https://kartra.com/")
}

func TestRegistryLinkErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, from, to, want string }{
		{"unknown id", `id="book"`, `id="bok"`, `content/posts/x.md:6:58: shortcode "link": unknown link "bok"; did you mean "book"?`},
		{"missing id", `id="book" placement="intro"`, `placement="intro"`, `content/posts/x.md:6:58: shortcode "link": missing argument id=`},
		{"unknown program", "program: kartra", "program: kartro", `data/links/imported.yaml:2: link "kartra-home": unknown program "kartro" (did you mean "kartra"?)`},
		{"bad link file", "status: 301", "status: 308", `data/links/imported.yaml:6: status: "308" is not 301, 302 or 307`},
		{"bad prefix", `links_prefix = "/out/"`, `links_prefix = "out"`, `links_prefix "out" is not a plain site folder`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tryBuild(t, strings.Replace(linksSite, tt.from, tt.to, 1))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
