package generator

import (
	"bytes"
	"html/template"
	"maps"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

// listCardsSite is a site whose three posts are each on the home page's,
// the section's and two terms' pagers, one card a pager.
const listCardsSite = `
-- site.toml --
baseURL = "https://example.org/"
title = "Cards"
paginate = 1
-- content/posts/a.md --
---
title: "A <one>"
date: 2024-01-03
tags: [x, y]
---
A.
-- content/posts/b.md --
---
title: "B"
date: 2024-01-02
tags: [x, y]
---
B.
-- content/posts/c.md --
---
title: "C"
date: 2024-01-01
tags: [x]
---
C.
`

// TestListCardsRenderEachCardOnce wants every pager that lists a page to
// show its card, and the card partial to run once for each page, not
// once for each pager that shows it.
func TestListCardsRenderEachCardOnce(t *testing.T) {
	t.Parallel()
	mem := NewMemOutput()
	b, err := newBuilder(Options{Source: sitetest.Write(t, listCardsSite), Output: mem, Now: time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	b.out = mem
	if _, err := b.run(); err != nil {
		t.Fatal(err)
	}
	runs := map[string]int{}
	card := template.Must(template.New("card.html").Funcs(template.FuncMap{
		"ran": func(url string) string { runs[url]++; return "" },
	}).Parse(`<i>{{ ran .RelPermalink }}{{ .Title }}</i>`))
	b.tmpl.partials["card.html"] = card
	b.tmpl.cached.Clear() // the first build's cards
	b.opts.Workers = 1    // one pager at a time: runs is not guarded
	b.written = map[string]string{}
	if err := b.renderLists(); err != nil {
		t.Fatal(err)
	}
	for _, url := range []string{"/posts/a/", "/posts/b/", "/posts/c/"} {
		if runs[url] != 1 {
			t.Errorf("card of %s rendered %d times, want once", url, runs[url])
		}
	}
	shows := map[string]int{}
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := mem.File(name)
		for _, title := range []string{"A &lt;one&gt;", "B", "C"} {
			if bytes.Contains(data, []byte("<i>"+title+"</i>")) {
				shows[title]++
			}
		}
	}
	// Home, posts/ and tags/x/ each; tags/y/ for A and B.
	if want := map[string]int{"A &lt;one&gt;": 4, "B": 4, "C": 3}; !maps.Equal(shows, want) {
		t.Errorf("pagers showing each card: %v, want %v", shows, want)
	}
}

// formerCards is list-body.html's loop over the cards before listCards.
const formerCards = `<div>
    {{- range . }}
    {{ partialCached "card.html" . .RelPermalink }}
    {{- else }}
    <p class="empty">none</p>
    {{- end }}
</div>`

// shippedCards is the same loop as list-body.html writes it now.
const shippedCards = `<div>
    {{- with . }}{{ listCards . }}{{ else }}
    <p class="empty">none</p>
    {{- end }}
</div>`

// TestListCardsMatchesRange runs list-body.html's former loop over the
// cards and listCards on no page, one and several, hostile titles too,
// and wants the same text.
func TestListCardsMatchesRange(t *testing.T) {
	t.Parallel()
	b := metaTestBuilder()
	ts := &templateSet{partials: map[string]*template.Template{}, bufs: new(sync.Pool)}
	funcs := b.templateFuncs()
	funcs["partialCached"], funcs["listCards"] = ts.partialCached, ts.listCards
	ts.partials["card.html"] = template.Must(template.New("card.html").Funcs(funcs).Parse(`<a href="{{ .RelPermalink }}">{{ .Title }}</a>`))
	former := template.Must(template.New("former").Funcs(funcs).Parse(formerCards))
	shipped := template.Must(template.New("shipped").Funcs(funcs).Parse(shippedCards))
	p := func(title, url string) *Page { return &Page{Title: title, RelPermalink: url} }
	for _, pages := range [][]*Page{
		nil,
		{},
		{p("One "+hostile, "/a "+hostile+"/")},
		{p("One", "/a/"), p("Two", "/b/"), p("One again", "/a/")},
	} {
		samePartial(t, shipped, former, pages)
	}
}
