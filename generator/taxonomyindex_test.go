package generator_test

import "testing"

// termIndexSite has a term's _index.md (content/tags/blue/_index.md),
// one for a term no page has (green) and the taxonomy's own.
const termIndexSite = `-- site.toml --
title = 'T'
baseURL = 'https://example.com/'
-- layouts/_default/term.html --
TERM {{ .Title }} [{{ .Description }}] {{ .Params.mood }} {{ .Content }} {{ range .Pages }}({{ .Title }}){{ end }}
-- layouts/_default/taxonomy.html --
TAX {{ .Title }} [{{ .Description }}] {{ .Content }} {{ range .Terms }}{{ .Name }}={{ .Count }},{{ end }}
-- content/tags/_index.md --
---
title: All the tags
description: Every tag.
---
The tags' text.
-- content/tags/blue/_index.md --
---
title: Blue things
description: Things that are blue.
mood: calm
---
Blue is the *colour* of the sky.
-- content/tags/green/_index.md --
---
title: Green things
---
Nothing is green yet.
-- content/tags/red/_index.md --
---
description: Red things.
---
-- content/posts/a.md --
---
title: Sky
date: 2026-01-02
tags: [blue]
---
A.
-- content/posts/b.md --
---
title: Sea
date: 2026-01-01
tags: [Blue, red]
---
B.
`

// TestTermIndex: a term's _index.md gives the term page its title,
// description, params and text, as in Hugo, and the page still lists the
// term's pages; a term's _index.md makes the page of a term no page has;
// the taxonomy's _index.md gives the taxonomy page its own. A term
// page's _index.md without a title keeps the term's name; the sitemap
// has the term pages. None of them
// makes a section (both would write the same file).
func TestTermIndex(t *testing.T) {
	t.Parallel()
	b := buildSite(t, termIndexSite)
	assertFile(t, b, "tags/blue/index.html", "TERM Blue things [Things that are blue.] calm",
		"<p>Blue is the <em>colour</em> of the sky.</p>", "(Sky)(Sea)")
	assertFile(t, b, "tags/red/index.html", "TERM red [Red things.] ", "(Sea)")
	assertFile(t, b, "tags/green/index.html", "TERM Green things [] ", "<p>Nothing is green yet.</p>")
	assertFileNot(t, b, "tags/green/index.html", "<Sky>", "(Sea)")
	assertFile(t, b, "tags/index.html", "TAX All the tags [Every tag.]", "<p>The tags&rsquo; text.</p>", "blue=2,red=1,")
	assertFile(t, b, "sitemap.xml", "https://example.com/tags/blue/", "https://example.com/tags/green/")
	assertNoFile(t, b, "tags/blue/index.xml") // a term's page, not a section's, as before
}

// TestTermIndexSessionEqualsClean: a serve rebuild after an edit of a
// term's or the taxonomy's _index.md equals a clean build.
func TestTermIndexSessionEqualsClean(t *testing.T) {
	t.Parallel()
	checkEditsEqualClean(t, termIndexSite, []readsAllEdit{
		{"term title", "content/tags/blue/_index.md", "title: Blue things", "title: Bluer things"},
		{"term body", "content/tags/blue/_index.md", "the sky", "the sea"},
		{"unused term body", "content/tags/green/_index.md", "yet", "at all"},
		{"taxonomy description", "content/tags/_index.md", "Every tag.", "All of them."},
	}, true)
}
