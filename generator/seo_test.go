package generator_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// seoSite is a small site with a review in a section, a page at the top
// of content/ and a home page, whose title and names need escaping.
var seoSite = map[string]string{
	"site.toml": `title = "Field <Notes> & \"Reviews\""
baseURL = "https://example.org/blog/"
languageCode = "en-gb"
author = "Sam O'Rivera"
[params]
description = "Reviews </script><script>alert(1)</script>"
`,
	"data/programs/acme.yaml": `name: "Acme </script>"
url: "https://acme.example/"
commission: 0.3
pros: ["Pays well", "Long cookie"]
cons: ["Slow payouts"]
plans:
  - name: Basic
    monthly: 10
`,
	"content/posts/acme-review.md": `---
title: "Acme review: <worth it>?"
date: 2026-01-02
program: acme
---
{{< disclosure >}}

Text.

{{< verdict program="acme" rating="4.5" >}}Good.{{< /verdict >}}
`,
	"content/about.md": "---\ntitle: About\n---\nAbout us.\n",
}

var jsonLDRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD returns the JSON-LD documents of a page, by @type.
func jsonLD(t *testing.T, out *generator.MemOutput, name string) (map[string]map[string]any, string) {
	t.Helper()
	page, ok := out.File(name)
	if !ok {
		t.Fatalf("no %s; files: %v", name, out.Names())
	}
	docs := map[string]map[string]any{}
	for _, m := range jsonLDRE.FindAllSubmatch(page, -1) {
		var doc map[string]any
		if err := json.Unmarshal(m[1], &doc); err != nil {
			t.Fatalf("%s: JSON-LD is not valid JSON: %v\n%s", name, err, m[1])
		}
		if doc["@context"] != "https://schema.org" {
			t.Errorf("%s: @context = %v", name, doc["@context"])
		}
		typ, _ := doc["@type"].(string)
		if _, dup := docs[typ]; dup {
			t.Errorf("%s: two %s blocks", name, typ)
		}
		docs[typ] = doc
	}
	return docs, string(page)
}

// checkBreadcrumbs checks a BreadcrumbList's items: positions 1..n and
// the given names and URLs.
func checkBreadcrumbs(t *testing.T, name string, doc map[string]any, want [][2]string) {
	t.Helper()
	if doc == nil {
		t.Errorf("%s: no BreadcrumbList", name)
		return
	}
	items, _ := doc["itemListElement"].([]any)
	if len(items) != len(want) {
		t.Fatalf("%s: %d breadcrumbs, want %d: %v", name, len(items), len(want), items)
	}
	for i, it := range items {
		item, _ := it.(map[string]any)
		if item["@type"] != "ListItem" || item["position"] != float64(i+1) || item["name"] != want[i][0] || item["item"] != want[i][1] {
			t.Errorf("%s: breadcrumb %d = %v, want position %d, name %q, item %q", name, i+1, item, i+1, want[i][0], want[i][1])
		}
	}
}

func TestSEOMarkup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, text := range seoSite {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := generator.NewMemOutput()
	if _, err := generator.Build(generator.Options{Source: dir, Output: out}); err != nil {
		t.Fatal(err)
	}
	const site = `Field <Notes> & "Reviews"`
	home := "https://example.org/blog/"
	review := home + "posts/acme-review/"

	docs, page := jsonLD(t, out, "posts/acme-review/index.html")
	r := docs["Review"]
	if r == nil {
		t.Fatalf("review page has no Review JSON-LD:\n%s", page)
	}
	if item, _ := r["itemReviewed"].(map[string]any); item["name"] != "Acme </script>" {
		t.Errorf("itemReviewed = %v", r["itemReviewed"])
	}
	if rating, _ := r["reviewRating"].(map[string]any); rating["ratingValue"] != "4.5" {
		t.Errorf("reviewRating = %v", r["reviewRating"])
	}
	if author, _ := r["author"].(map[string]any); author["name"] != "Sam O'Rivera" {
		t.Errorf("author = %v", r["author"])
	}
	checkBreadcrumbs(t, "review", docs["BreadcrumbList"], [][2]string{{site, home}, {"Posts", home + "posts/"}, {"Acme review: <worth it>?", review}})
	if docs["WebSite"] != nil {
		t.Error("review page has a WebSite block")
	}
	for _, want := range []string{
		`<link rel="canonical" href="` + review + `">`,
		`<link rel="alternate" hreflang="en-gb" href="` + review + `">`,
		`<link rel="alternate" hreflang="x-default" href="` + review + `">`,
		`<meta property="og:type" content="article">`,
		`<meta property="article:published_time" content="2026-01-02T00:00:00Z">`,
		`<meta name="twitter:card" content="summary">`,
	} {
		if n := strings.Count(page, want); n != 1 {
			t.Errorf("review page has %d of %s, want 1", n, want)
		}
	}
	for _, once := range []string{`rel="canonical"`, `property="og:url"`, `name="twitter:title"`, `hreflang="x-default"`} {
		if n := strings.Count(page, once); n != 1 {
			t.Errorf("review page has %s %d times", once, n)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("a value closed the <script> element")
	}

	docs, _ = jsonLD(t, out, "about/index.html")
	checkBreadcrumbs(t, "about", docs["BreadcrumbList"], [][2]string{{site, home}, {"About", home + "about/"}})

	docs, _ = jsonLD(t, out, "posts/index.html")
	checkBreadcrumbs(t, "posts", docs["BreadcrumbList"], [][2]string{{site, home}, {"Posts", home + "posts/"}})

	docs, page = jsonLD(t, out, "index.html")
	w := docs["WebSite"]
	if w == nil || w["name"] != site || w["url"] != home || w["inLanguage"] != "en-gb" || w["description"] != "Reviews </script><script>alert(1)</script>" {
		t.Errorf("home WebSite = %v", w)
	}
	if docs["BreadcrumbList"] != nil {
		t.Error("home page has breadcrumbs")
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("a value closed the <script> element on the home page")
	}
}

func TestSEOWithoutLanguage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":          "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
		"content/posts/a.md": "---\ntitle: A\n---\nText.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := generator.NewMemOutput()
	if _, err := generator.Build(generator.Options{Source: dir, Output: out}); err != nil {
		t.Fatal(err)
	}
	docs, page := jsonLD(t, out, "index.html")
	if w := docs["WebSite"]; w == nil || w["name"] != "T" || w["url"] != "https://example.org/" || w["inLanguage"] != nil || w["description"] != nil {
		t.Errorf("home WebSite = %v", w)
	}
	if strings.Contains(page, "hreflang") {
		t.Error("hreflang without a languageCode")
	}
	docs, _ = jsonLD(t, out, "posts/a/index.html")
	checkBreadcrumbs(t, "a", docs["BreadcrumbList"], [][2]string{{"T", "https://example.org/"}, {"Posts", "https://example.org/posts/"}, {"A", "https://example.org/posts/a/"}})
}
