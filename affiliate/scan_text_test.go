package affiliate

import (
	"strings"
	"testing"
)

// TestScanStatement: the author's own disclosure counts when it is
// visible text of one block, in one of the default phrases, before the
// first affiliate link — never the link's own text, a comment, hidden
// text or text split across blocks.
func TestScanStatement(t *testing.T) {
	t.Parallel()
	phrases, err := NewPhrases(DefaultDisclosurePhrases())
	if err != nil {
		t.Fatal(err)
	}
	const link = `<p><a href="/go/k/" rel="sponsored">Buy</a></p>`
	tests := []struct {
		name  string
		html  string
		place Placement
		text  string // Statement.Text; "" for none
	}{
		{"italic line at the top", `<p><em>This post contains affiliate links. If you buy, I may earn a commission.</em></p>` + link,
			DisclosedFirst, "contains affiliate links"},
		{"small print in an aside", `<aside><small>As an Amazon Associate I earn from qualifying purchases.</small></aside>` + link,
			DisclosedFirst, "As an Amazon Associate"},
		{"in a div, a line below the title", `<div class="note">Heads up: we may earn a commission when you buy.</div>` + link,
			DisclosedFirst, "we may earn a commission"},
		{"case, spaces, punctuation and entities", "<p>AS AN&nbsp;AMAZON\n  ASSOCIATE, I earn…</p>" + link,
			DisclosedFirst, "AS AN AMAZON ASSOCIATE"},
		{"curly apostrophe and line breaks", "<p>We’ll say it plainly: some links<br>are affiliate links.</p>" + link,
			DisclosedFirst, "are affiliate links"},
		{"words split by inline markup", `<p>This post <strong>contains</strong> affili<em>ate</em> links.</p>` + link,
			DisclosedFirst, "contains affiliate links"},
		{"a paragraph left open", `<p>This post contains affiliate links<p>` + link, DisclosedFirst, "contains affiliate links"},
		{"a plain link's text counts", `<p>This post <a href="/disclosure/">contains affiliate links</a>.</p>` + link,
			DisclosedFirst, "contains affiliate links"},
		{"an open details", `<details open><summary>Note</summary>I earn a commission on sales.</details>` + link,
			DisclosedFirst, "I earn a commission"},
		{"after the first link", link + `<p><em>This post contains affiliate links.</em></p>`, DisclosedLate, "contains affiliate links"},
		{"after the link in its own paragraph", `<p><a href="/go/k/">Buy it</a>. This post contains affiliate links.</p>`,
			DisclosedLate, "contains affiliate links"},
		{"the affiliate link's own text", `<p><a href="/go/k/">As an Amazon Associate I earn from qualifying purchases</a></p>`,
			Undisclosed, ""},
		{"a commented-out line", `<!-- This post contains affiliate links. -->` + link, Undisclosed, ""},
		{"a script", `<script>/* contains affiliate links */</script>` + link, Undisclosed, ""},
		{"hidden", `<div hidden><p>This post contains affiliate links.</p></div>` + link, Undisclosed, ""},
		{"display:none", `<p style="color: red; DISPLAY : none">This post contains affiliate links.</p>` + link, Undisclosed, ""},
		{"aria-hidden", `<p><span aria-hidden="true">contains affiliate links</span></p>` + link, Undisclosed, ""},
		{"behind a click", `<details><summary>Disclosure</summary>This post contains affiliate links.</details>` + link, Undisclosed, ""},
		{"the page title in the head", `<html><head><title>Contains affiliate links</title></head><body>` + link, Undisclosed, ""},
		{"a footer", `<footer><p>This page contains affiliate links.</p></footer>` + link, Undisclosed, ""},
		{"an image's alt text", `<p><img alt="This post contains affiliate links"></p>` + link, Undisclosed, ""},
		{"split across paragraphs", `<p>This post contains</p><p>affiliate links.</p>` + link, Undisclosed, ""},
		{"whole words only", `<p>This post contains affiliate linksmith tools.</p>` + link, Undisclosed, ""},
		{"a review's words about its readers", `<p>Kartra's affiliate program lets you earn a commission of 40% on every sale, through your affiliate link.</p>` + link,
			Undisclosed, ""},
		{"no affiliate link", `<p>This post contains affiliate links.</p><a href="/about/">about</a>`, NoAffiliateLinks, "contains affiliate links"},
		{"a hidden element ends, the text goes on", `<p>This post <span hidden>really</span> contains affiliate links.</p>` + link,
			DisclosedFirst, "contains affiliate links"},
		{"a link after an affiliate link", `<p><a href="/go/k/">Buy<a href="/about/">this post contains affiliate links</a></p>`,
			DisclosedLate, "contains affiliate links"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := Scan([]byte(tt.html), testClassify, phrases)
			if got := f.Place(false); got != tt.place {
				t.Errorf("placement %d, want %d (statement %+v, anchors %+v)", got, tt.place, f.Statement, f.Anchors)
			}
			if f.Statement.Text != tt.text {
				t.Errorf("statement %q, want %q", f.Statement.Text, tt.text)
			}
			if off := f.Statement.Offset; (off >= 0) != (tt.text != "") || off >= 0 && strings.HasPrefix(tt.html[off:], "<") {
				t.Errorf("statement offset %d is not at a text: %q", off, tt.html[max(off, 0):])
			}
		})
	}
}

// TestScanStatementOffset: the offset is the text where the phrase
// ends, so a phrase that only ends after the link comes too late.
func TestScanStatementOffset(t *testing.T) {
	t.Parallel()
	phrases, _ := NewPhrases([]string{"contains affiliate links"})
	doc := `<p>This post <em>contains</em> affiliate links.</p><a href="/go/k/">k</a>`
	f := Scan([]byte(doc), testClassify, phrases)
	if want := strings.Index(doc, " affiliate"); f.Statement.Offset != want {
		t.Errorf("offset %d, want %d", f.Statement.Offset, want)
	}
	f = Scan([]byte(`<p>This post contains <a href="/go/k/">it</a> affiliate links.</p>`), testClassify, phrases)
	if f.Place(false) != DisclosedLate {
		t.Errorf("a phrase around the link: %d, want DisclosedLate", f.Place(false))
	}
	if f := Scan([]byte(`<p>x</p>`+`<a href="/go/k/">k</a>`), testClassify, phrases); f.Place(false) != Undisclosed || f.Place(true) != DisclosedByAuthor {
		t.Errorf("own_disclosure: %d / %d", f.Place(false), f.Place(true))
	}
}

func TestPlace(t *testing.T) {
	t.Parallel()
	anchor := []Anchor{{Href: "/go/k/", Offset: 50}}
	tests := []struct {
		name           string
		found          Found
		own            bool
		want           Placement
		statementFirst bool
	}{
		{"no links", nothingFound(), false, NoAffiliateLinks, false},
		{"box first", Found{Anchors: anchor, Disclosure: 10, Statement: Statement{Offset: -1}}, false, DisclosedFirst, false},
		{"statement first, box late", Found{Anchors: anchor, Disclosure: 90, Statement: Statement{Offset: 20}}, false, DisclosedFirst, true},
		{"own flag, nothing found", Found{Anchors: anchor, Disclosure: -1, Statement: Statement{Offset: -1}}, true, DisclosedByAuthor, false},
		{"own flag wins over a late statement", Found{Anchors: anchor, Disclosure: -1, Statement: Statement{Offset: 60}}, true, DisclosedByAuthor, true},
		{"late statement", Found{Anchors: anchor, Disclosure: -1, Statement: Statement{Offset: 60}}, false, DisclosedLate, true},
		{"late box before a later statement", Found{Anchors: anchor, Disclosure: 70, Statement: Statement{Offset: 80}}, false, DisclosedLate, false},
		{"none", Found{Anchors: anchor, Disclosure: -1, Statement: Statement{Offset: -1}}, false, Undisclosed, false},
	}
	for _, tt := range tests {
		got := tt.found.Place(tt.own)
		if got != tt.want || got.Disclosed() != (tt.want <= DisclosedByAuthor) || tt.found.StatementFirst() != tt.statementFirst {
			t.Errorf("%s: Place = %d (disclosed %v), StatementFirst %v; want %d, %v", tt.name, got, got.Disclosed(), tt.found.StatementFirst(), tt.want, tt.statementFirst)
		}
	}
}

func TestNewPhrases(t *testing.T) {
	t.Parallel()
	p, err := NewPhrases([]string{"  I EARN a  Commission ", "we’ll earn"})
	if err != nil || p.Len() != 2 {
		t.Fatalf("NewPhrases: %v, %d", err, p.Len())
	}
	for text, want := range map[string]string{
		"Yes, i earn a\tcommission.":        "i earn a\tcommission",
		"And we'll earn it.":                "we'll earn",
		"i earn a commissioner's fee":       "",
		"Ünïcode: WE’LL EARN":               "WE’LL EARN",
		"earn a commission, I earn a commi": "",
	} {
		var scratch []byte
		m, ok := p.find([]byte(text), &scratch)
		if got := text[m.start:m.end]; ok != (want != "") || ok && got != want {
			t.Errorf("find(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	for _, bad := range []string{"", " ... ", "—"} {
		if _, err := NewPhrases([]string{bad}); err == nil {
			t.Errorf("NewPhrases(%q) accepted", bad)
		}
	}
	if _, ok := (Phrases{}).find([]byte("contains affiliate links"), new([]byte)); ok {
		t.Error("the zero Phrases matched")
	}
}

// BenchmarkScan measures the scan of a long review page (200
// paragraphs, a link in every fourth) without phrases and with the
// default ones: with the disclosure box at the top (the scan stops
// reading text at the first link) and with none (every block is read).
func BenchmarkScan(b *testing.B) {
	var sb strings.Builder
	for i := range 200 {
		sb.WriteString(`<p>The grinder's <em>burrs</em> are steel; it is quiet, and cheap to run &amp; keep.`)
		if i%4 == 0 {
			sb.WriteString(` <a href="/go/k/" rel="sponsored">Buy it</a>`)
		}
		sb.WriteString("</p>\n")
	}
	page := sb.String()
	boxed := []byte(`<div class="aff-disclosure"><p>This page contains affiliate links.</p></div>` + page)
	defaults, _ := NewPhrases(DefaultDisclosurePhrases())
	for _, bb := range []struct {
		name    string
		page    []byte
		phrases Phrases
	}{{"none", []byte(page), Phrases{}}, {"defaults", []byte(page), defaults}, {"boxed/defaults", boxed, defaults}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(bb.page)))
			for b.Loop() {
				Scan(bb.page, testClassify, bb.phrases)
			}
		})
	}
}

// TestScanBoxFirst: a disclosure box before every affiliate link
// discloses the page whatever its text says, so the text is read up to
// the box only; a box after a link leaves the statement search as it
// is.
func TestScanBoxFirst(t *testing.T) {
	t.Parallel()
	phrases, err := NewPhrases(DefaultDisclosurePhrases())
	if err != nil {
		t.Fatal(err)
	}
	const (
		box  = `<div class="` + DisclosureClass + `"><p>This post contains affiliate links.</p></div>`
		link = `<p><a href="/go/k/" rel="sponsored">Buy</a></p>`
		own  = `<p>We may earn a commission.</p>`
	)
	for _, tt := range []struct {
		name, html string
		place      Placement
		text       string // Statement.Text
	}{
		{"box, then the link", box + link, DisclosedFirst, ""},
		{"own words, box, link", own + box + link, DisclosedFirst, "We may earn a commission"},
		{"own words and a box inline in one paragraph", `<p>We may earn a commission <span class="` + DisclosureClass + `">ad</span></p>` + link,
			DisclosedFirst, "We may earn a commission"},
		{"link, then box", link + box, DisclosedLate, "contains affiliate links"}, // the box's own words, read for the message
		{"link, box and own words in the link's block", `<p><a href="/go/k/">Buy</a> <span class="` + DisclosureClass + `">ad</span> we may earn a commission</p>`,
			DisclosedLate, "we may earn a commission"},
		{"no link", box + own, NoAffiliateLinks, ""},
	} {
		f := Scan([]byte(tt.html), testClassify, phrases)
		if got := f.Place(false); got != tt.place || f.Statement.Text != tt.text {
			t.Errorf("%s: placement %d, statement %q; want %d, %q", tt.name, got, f.Statement.Text, tt.place, tt.text)
		}
		if f.Disclosure < 0 {
			t.Errorf("%s: the box was not found", tt.name)
		}
	}
}
