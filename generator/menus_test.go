package generator_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// menuSite has a menu from each source Hugo reads: the configuration
// (url, pageRef, a parent and its child, pre), sectionPagesMenu and
// front matter in its three forms.
const menuSite = `
-- hugo.toml --
baseURL = "https://example.com/blog/"
sectionPagesMenu = "main"
[[menus.main]]
name = "Shop"
url = "https://shop.example/"
weight = 50
[[menus.main]]
identifier = "about"
pageRef = "/about"
weight = 1
pre = "<i>i</i>"
[[menus.main]]
name = "Team"
url = "/about/team/"
parent = "about"
[[menus.footer]]
name = "Legal"
url = "/legal/"
-- content/about.md --
---
title: About us
---
-- content/posts/_index.md --
---
title: Reviews
weight: 10
---
-- content/posts/a.md --
---
title: A
date: 2024-01-02
menu: footer
---
-- content/posts/b.md --
---
title: B
date: 2024-01-01
menu: [footer, side]
---
-- content/guides/c.md --
---
title: C
menu:
  main:
    name: Guide C
    weight: 20
    parent: guides
---
-- layouts/posts/single.html --
{{ range .Site.Menus.footer }}[{{ .Name }} {{ .URL }}]{{ end }}
{{ range .Site.Menus.side }}side:{{ .Name }}{{ end }}
{{ range .Site.Menus.main }}{{ .Identifier }}={{ .Name }}{{ if .HasChildren }}({{ range .Children }}{{ .Name }}{{ end }}){{ end }}{{ if $.IsMenuCurrent "main" . }}*{{ end }}{{ if $.HasMenuCurrent "main" . }}+{{ end }};{{ end }}
`

// TestMenus: .Site.Menus holds the configuration's, the sections' and
// the front matter's entries, ordered by weight (none last) then name,
// children under their parent; the main menu is the default theme's
// navigation.
func TestMenus(t *testing.T) {
	t.Parallel()
	b := buildSite(t, menuSite)
	assertFile(t, b, "posts/a/index.html",
		"[A /blog/posts/a/][B /blog/posts/b/][Legal /blog/legal/]",
		"side:B",
		// Shop has no identifier; guides, the section, has no weight
		// (no _index.md) and comes last.
		"about=About us(Team);posts=Reviews+;=Shop;guides=Guides(Guide C);")
	// The default theme's navigation is the main menu, with children.
	idx := b.file(t, "index.html")
	for _, want := range []string{
		`<li><a href="/blog/about/"><i>i</i>About us</a>`,
		`<li><a href="/blog/about/team/">Team</a></li>`,
		`<li><a href="/blog/posts/">Reviews</a></li>`,
		`<li><a href="https://shop.example/">Shop</a></li>`,
	} {
		if !strings.Contains(idx, want) {
			t.Errorf("index.html: no %q in the navigation:\n%s", want, idx)
		}
	}
	if strings.Contains(idx, ">Tags<") {
		t.Errorf("index.html: the taxonomies are still in the navigation")
	}
	assertFile(t, b, "about/index.html", `<a href="/blog/about/" aria-current="page"><i>i</i>About us</a>`)
	assertFile(t, b, "posts/index.html", `<a href="/blog/posts/" aria-current="page">Reviews</a>`)
	assertFile(t, b, "guides/c/index.html", `<a href="/blog/guides/" aria-current="true">Guides</a>`, `<a href="/blog/guides/c/" aria-current="page">Guide C</a>`)
}

// TestMenuOlderName: [[menu.main]] is [[menus.main]], and an entry can
// extend the default navigation's place only when configured.
func TestMenuOlderName(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
[[menu.main]]
name = "Home"
url = "/"
weight = 1
[[menu.main]]
name = "Deals"
url = "/deals/"
weight = 2
-- content/posts/a.md --
---
title: A
tags: [x]
---
`)
	assertOrder(t, b, "posts/a/index.html", `<a href="/">Home</a>`, `<a href="/deals/">Deals</a>`)
	assertFileNot(t, b, "posts/a/index.html", `>Posts</a>`)
	for _, w := range b.report.Warnings {
		if strings.Contains(w.Error(), "menu") {
			t.Errorf("warning about menus: %v", w)
		}
	}
}

// TestMenuFrontMatterErrors: a menu front matter of the wrong shape is
// an error at the line and column of the value of the wrong shape.
func TestMenuFrontMatterErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ fm, want string }{
		{"menu: 3", "content/a.md:3:7: menu must be a menu's name, a list of names or a table of menus, not a number"},
		{"menu: [main, {x: 1}]", "content/a.md:3:14: menu: a list of menus holds menu names, not a table"},
		{"menu:\n  main: 1", "content/a.md:4:9: menu.main must be a table"},
		{"menus:\n  main:\n    weight: heavy", "content/a.md:5:13: menus.main.weight:"},
	} {
		_, err := tryBuild(t, "-- content/a.md --\n---\ntitle: A\n"+tc.fm+"\n---\n")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.fm, err, tc.want)
		}
	}
}

// TestMenuIncremental: an edit of a page's menu entry while serving
// gives what a clean build gives.
func TestMenuIncremental(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, `
-- hugo.toml --
[[menus.main]]
name = "Home"
url = "/"
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
---
`)
	sess := generator.NewSession(generator.Options{Source: dir, Now: testNow})
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	for i, fm := range []string{"menu: main", "menu:\n  main:\n    name: Bee\n    weight: 1", "title2: x"} {
		if err := os.WriteFile(filepath.Join(dir, "content", "b.md"), []byte("---\ntitle: B\n"+fm+"\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := sess.Rebuild([]string{"content/b.md"}); err != nil {
			t.Fatal(err)
		}
		clean := generator.NewMemOutput()
		if _, err := generator.Build(generator.Options{Source: dir, Now: testNow, Output: clean}); err != nil {
			t.Fatal(err)
		}
		compareOutputs(t, fmt.Sprint("step ", i), clean, sess.Files())
	}
}

// TestMenuPageRefMissing: a menu entry whose pageRef is no page is a
// warning at its menu's key, line and column.
func TestMenuPageRefMissing(t *testing.T) {
	t.Parallel()
	b := buildSite(t, "-- hugo.toml --\ntitle = \"T\"\n[[menus.main]]\nname = \"Gone\"\npageRef = \"/nope\"\n-- content/a.md --\n---\ntitle: A\n---\n")
	want := `hugo.toml:2:9: menus.main: pageRef "/nope": no such page`
	var got []string
	for _, w := range b.report.Warnings {
		got = append(got, w.Error())
	}
	if !slices.Contains(got, want) {
		t.Errorf("warnings:\n%s\nwant %s", strings.Join(got, "\n"), want)
	}
}
