package generator_test

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// refsSite's pages find post b by its path: a through relref, r through
// ref, g through a shortcode's GetPage (which finds posts/new once it is
// added). a is the latest post, so b and new leave the build date as it
// is (a new one rebuilds all).
const refsSite = `-- site.toml --
title = "R"
baseURL = "https://r.example/"
-- layouts/shortcodes/title-of.html --
{{ with .Page.Site.GetPage (.Get 0) }}{{ .Title }} at {{ .RelPermalink }}{{ else }}none{{ end }}
-- content/posts/a.md --
---
title: A
date: 2026-01-05
---
See [B]({{< relref "b.md" >}}).
-- content/pages/r.md --
---
title: R
---
See {{< ref "/posts/b.md" >}}.
-- content/pages/g.md --
---
title: G
---
See {{< title-of "posts/b" >}} and {{< title-of "posts/new" >}}.
-- content/posts/b.md --
---
title: B
date: 2026-01-02
slug: bee
---
B.
`

// refsEdit writes text to file (with old replaced by it when old is
// set), or removes file when text is empty; fails tells that the
// rebuild must fail, as a clean build does (a ref to a missing page).
type refsEdit struct {
	name, file, old, text string
	fails                 bool
}

// A page whose body finds another by its path (ref, relref, a
// shortcode's GetPage) shows that page's URL after a serve rebuild
// that changes it (slug, url, a renamed file), adds the page or removes
// it, as after a clean build; a rebuild whose ref no longer finds its
// page fails, as a clean build does, and the edit that fixes it
// rebuilds to what a clean build makes.
func TestSessionRefsFollowOtherPages(t *testing.T) {
	t.Parallel()
	b := func(front string) string { return "---\ntitle: B\ndate: 2026-01-02\n" + front + "---\nB.\n" }
	edits := []refsEdit{
		{name: "slug", file: "content/posts/b.md", old: "slug: bee", text: "slug: buzz"},
		{name: "url", file: "content/posts/b.md", old: "slug: buzz", text: "url: /elsewhere/"},
		{name: "page added", file: "content/posts/new.md", text: "---\ntitle: New\ndate: 2026-01-03\n---\nNew.\n"},
		{name: "page removed", file: "content/posts/new.md"},
		{name: "renamed: old name gone", file: "content/posts/b.md", fails: true},
		{name: "renamed: new name", file: "content/posts/bee.md", text: b(""), fails: true},
		{name: "relref fixed", file: "content/posts/a.md", old: `"b.md"`, text: `"bee.md"`, fails: true},
		{name: "ref fixed", file: "content/pages/r.md", old: `"/posts/b.md"`, text: `"/posts/bee.md"`},
		{name: "GetPage's page back", file: "content/posts/b.md", text: b("slug: b2\n")},
		{name: "target removed", file: "content/posts/bee.md", fails: true},
		{name: "target added back", file: "content/posts/bee.md", text: b("")},
	}
	multi := strings.Replace(refsSite, "baseURL = \"https://r.example/\"\n", `baseURL = "https://r.example/"
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
weight = 2
`, 1) + "-- content/pages/r.fr.md --\n---\ntitle: R fr\n---\nVoir {{< title-of \"posts/b\" >}}.\n"
	for _, site := range []struct{ name, site string }{{"one language", refsSite}, {"two languages", multi}} {
		t.Run(site.name, func(t *testing.T) {
			t.Parallel()
			checkRefs(t, site.site, edits)
		})
	}
}

// checkRefs applies the edits to the site one by one, comparing a
// session's rebuild with a clean build after each.
func checkRefs(t *testing.T, site string, edits []refsEdit) {
	dir, now, sess := startSession(t, site)
	ed := &siteEditor{t: t, dir: dir}
	for _, e := range edits {
		switch {
		case e.text == "":
			ed.remove(e.file)
		case e.old != "":
			ed.write(e.file, strings.Replace(ed.read(e.file), e.old, e.text, 1))
		default:
			ed.write(e.file, e.text)
		}
		clean := generator.NewMemOutput()
		_, cleanErr := generator.Build(generator.Options{Source: dir, Now: now, Output: clean})
		if (cleanErr != nil) != e.fails {
			t.Fatalf("%s: clean build: %v, want failing %v", e.name, cleanErr, e.fails)
		}
		rr, err := sess.Rebuild([]string{e.file})
		if e.fails {
			if err == nil {
				t.Errorf("%s: the rebuild succeeded; a clean build fails: %v", e.name, cleanErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if rr.Full {
			t.Errorf("%s: a full rebuild, want an incremental one", e.name)
		}
		compareOutputs(t, e.name, clean, sess.Files())
	}
}
