package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// readsAllSite's list card (CARD is each of readsAllCards) reaches other
// pages through the card's own page, so a card shows what other pages
// are; a pager shows two cards, so a pager shows pages its cards reach
// and not itself.
const readsAllSite = `-- site.toml --
title = "P"
baseURL = "https://p.example/"
languageCode = "en"
paginate = 2
-- layouts/partials/card.html --
<article>{{ .Title }}: CARD</article>
-- content/posts/a.md --
---
title: A
date: 2026-01-01
tags: [one]
---
A.
-- content/posts/b.md --
---
title: B
date: 2026-01-02
tags: [two]
---
B.
-- content/posts/c.md --
---
title: C
date: 2026-01-03
tags: [one]
---
C.
`

// readsAllMulti is readsAllSite in English and French: b has a
// translation.
var readsAllMulti = strings.Replace(readsAllSite, "paginate = 2\n", `paginate = 2
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
weight = 2
`, 1) + `-- content/posts/b.fr.md --
---
title: B fr
date: 2026-01-02
tags: [two]
---
B fr.
`

// readsAllCards are the ways a card reaches other pages through its page.
var readsAllCards = []struct{ name, card string }{
	{"site pages", `{{ range .Site.RegularPages }}{{ .Title }}[{{ .Summary }}],{{ end }}`},
	{"site posts and pages", `{{ range .Site.Posts }}{{ .Summary }},{{ end }}{{ range .Site.Pages }}{{ .Title }},{{ end }}`},
	{"section", `{{ with .Parent }}{{ range .Pages }}{{ .Title }}[{{ .Summary }}],{{ end }}{{ end }}{{ range .CurrentSection.Pages }}{{ .Summary }},{{ end }}`},
	{"site sections", `{{ range .Site.Sections }}{{ range .Pages }}{{ .Summary }},{{ end }}{{ end }}`},
	{"terms", `{{ range .TagTerms }}{{ .Name }}={{ .Count }}:{{ range .Pages }}{{ .Title }}[{{ .Summary }}],{{ end }}{{ end }}`},
	{"get terms", `{{ range .GetTerms "tags" }}{{ range .Pages }}{{ .Summary }},{{ end }}{{ end }}`},
	{"taxonomies", `{{ range .Site.Taxonomies.tags }}{{ .Name }}:{{ range .Pages }}{{ .Summary }},{{ end }}{{ end }}`},
	{"get page", `{{ with .Site.GetPage "/posts/b" }}{{ .Summary }}{{ end }}`},
	{"home", `{{ with .Site.GetPage "/" }}{{ range .Pages }}{{ .Summary }},{{ end }}{{ end }}`},
	{"variable", `{{ $p := . }}{{ range $p.Site.RegularPages }}{{ .Summary }},{{ end }}`},
}

// readsAllEdit replaces old with new in file.
type readsAllEdit struct{ name, file, old, new string }

// readsAllEdits are edits whose effect a card of another page shows.
var readsAllEdits = []readsAllEdit{
	{"tag added", "content/posts/b.md", "tags: [two]", "tags: [two, one]"},
	{"body of a listed page", "content/posts/b.md", "B.", "B edited."},
	{"title", "content/posts/b.md", "title: B", "title: B2"},
	{"body of another", "content/posts/a.md", "A.", "A edited."},
	{"body again", "content/posts/b.md", "B edited.", "B edited twice."},
}

// A card that reads pages beyond its own, through .Site, .Parent, its
// terms or translations, or a list layout that reads them on its own
// page (a sidebar), or a page layout that lists other pages, or a
// card that shows its page's table of contents, shows their latest state after a serve rebuild
// and a warm build, as after a clean build: an untouched page's card,
// reused or kept from an earlier build, would show an edited page's old
// summary. The rebuilds leave the last state as it was and link only
// pages of their own.
func TestListsReadingAllPagesEqualClean(t *testing.T) {
	t.Parallel()
	type run struct {
		name, site, card string
		edits            []readsAllEdit
	}
	var runs []run
	for _, c := range readsAllCards {
		runs = append(runs, run{c.name, readsAllSite, c.card, readsAllEdits})
	}
	runs = append(runs,
		run{"multilingual translations", readsAllMulti, `{{ range .Translations }}{{ .Summary }},{{ end }}{{ range .Site.RegularPages }}{{ .Summary }},{{ end }}`,
			append(readsAllEdits, readsAllEdit{"translation body", "content/posts/b.fr.md", "B fr.", "B fr edited."})},
		// A page's own layout, not a card, shows the others' summaries.
		run{"single page", readsAllSite + "-- layouts/_default/single.html --\n{{ .Title }}: {{ range .Site.RegularPages }}{{ .Summary }},{{ end }}\n", "", readsAllEdits},
		// A card shows what only rendering its page sets.
		run{"table of contents", strings.Replace(readsAllSite, "B.\n", "B.\n\n## One\n\nMore.\n", 1), `{{ .TableOfContents }}`,
			[]readsAllEdit{{"heading", "content/posts/b.md", "## One", "## Two"}}},
		// A list layout, not a card, shows the site's lists at its own
		// dot: a pager that does not list the edited page shows it.
		run{"sidebar", readsAllSite + "-- layouts/_default/list.html --\n{{ .Title }}: {{ range .Paginator.Pages }}{{ .Title }},{{ end }} {{ range .Site.RegularPages }}{{ .Title }}[{{ .Summary }}],{{ end }}\n", "", readsAllEdits},
		run{"multilingual sidebar", readsAllMulti + "-- layouts/_default/list.html --\n{{ .Title }}: {{ range .Paginator.Pages }}{{ .Title }},{{ end }} {{ range .Site.RegularPages }}{{ .Title }}[{{ .Summary }}],{{ end }}\n", "",
			append(readsAllEdits, readsAllEdit{"translation body", "content/posts/b.fr.md", "B fr.", "B fr edited."})},
		run{"sidebar in the base template", readsAllSite + "-- layouts/_default/baseof.html --\n{{ block \"main\" . }}{{ end }} {{ range .Site.RegularPages }}{{ .Title }}[{{ .Summary }}],{{ end }}\n-- layouts/_default/list.html --\n{{ define \"main\" }}{{ .Title }}: {{ range .Paginator.Pages }}{{ .Title }},{{ end }}{{ end }}\n", "", readsAllEdits},
		run{"terms at the terms pages", readsAllSite + "-- layouts/_default/term.html --\n{{ .Title }}: {{ range .Site.Taxonomies.tags }}{{ .Name }}:{{ range .Pages }}{{ .Summary }},{{ end }}{{ end }} {{ with .Parent }}{{ range .Pages }}{{ .Title }},{{ end }}{{ end }}\n-- layouts/_default/taxonomy.html --\n{{ range .Site.Taxonomies.tags }}{{ .Name }}={{ .Count }}:{{ range .Pages }}{{ .Summary }},{{ end }}{{ end }}\n", "", readsAllEdits},
		run{"sidebar partial", readsAllSite + "-- layouts/_default/list.html --\n{{ .Title }}: {{ partial \"side.html\" . }}\n-- layouts/partials/side.html --\n{{ range .Site.Posts }}{{ .Summary }},{{ end }}\n", "", readsAllEdits},
		run{"404 page", readsAllSite + "-- layouts/404.html --\n{{ range .Site.Posts }}{{ .Title }}[{{ .Summary }}],{{ end }}\n", "", readsAllEdits},
		run{"table of contents reached", strings.Replace(readsAllSite, "B.\n", "B.\n\n## One\n\nMore.\n", 1), `{{ range .Site.RegularPages }}{{ .TableOfContents }}{{ end }}`,
			[]readsAllEdit{{"heading", "content/posts/b.md", "## One", "## Two"}, {"body", "content/posts/b.md", "B.", "B edited."}}},
	)
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			checkReadsAll(t, strings.Replace(r.site, "CARD", r.card, 1), r.edits)
		})
	}
}

// checkReadsAll applies the edits to the site one by one, comparing a
// session's rebuild and a warm build with a clean build after each.
func checkReadsAll(t *testing.T, site string, edits []readsAllEdit) {
	checkEditsEqualClean(t, site, edits, false)
}

// checkEditsEqualClean is checkReadsAll, full telling whether each
// rebuild must be a full one.
func checkEditsEqualClean(t *testing.T, site string, edits []readsAllEdit, full bool) {
	dir, now, sess := startSession(t, site)
	ed := &siteEditor{t: t, dir: dir}
	work := t.TempDir()
	cached := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: now}
	if _, err := generator.Build(cached); err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		ed.write(e.file, strings.Replace(ed.read(e.file), e.old, e.new, 1))
		unchanged := generator.FreezeSession(sess)
		rr, err := sess.Rebuild([]string{e.file})
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if rr.Full != full {
			t.Errorf("%s: a full rebuild %v, want %v", e.name, rr.Full, full)
		}
		if err := unchanged(); err != nil {
			t.Errorf("%s: the rebuild changed the last state: %v", e.name, err)
		}
		if err := generator.SessionLinks(sess); err != nil {
			t.Errorf("%s: %v", e.name, err)
		}
		clean := generator.NewMemOutput()
		if _, err := generator.Build(generator.Options{Source: dir, Now: now, Output: clean}); err != nil {
			t.Fatalf("%s: clean build: %v", e.name, err)
		}
		compareOutputs(t, e.name, clean, sess.Files())
		if _, err := generator.Build(cached); err != nil {
			t.Fatalf("%s: warm build: %v", e.name, err)
		}
		got := readTree(t, cached.Dest)
		for _, n := range clean.Names() {
			want, _ := clean.File(n)
			if string(got[n]) != string(want) {
				t.Errorf("%s: warm build's %s differs from a clean build's", e.name, n)
			}
		}
	}
}
