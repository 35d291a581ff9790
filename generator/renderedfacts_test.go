package generator_test

import (
	"strings"
	"testing"
)

// TestListsShowRenderedParts: a page's table of contents and JSON-LD are
// dropped after it renders only when no list shows them; a list
// template that prints them still gets them.
func TestListsShowRenderedParts(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
title = "T"
baseURL = "https://t.example/"
-- layouts/index.html --
{{ range .Pages }}<section>{{ .TableOfContents }}</section>{{ end }}
-- content/posts/a.md --
---
title: A
date: 2026-01-01
---
## First heading

Text.

## Second heading
`)
	home := b.file(t, "index.html")
	if !strings.Contains(home, `<nav id="TableOfContents">`) || !strings.Contains(home, "Second heading") {
		t.Errorf("the home list does not show the post's table of contents:\n%s", home)
	}
}
