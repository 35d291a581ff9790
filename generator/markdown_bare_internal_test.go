package generator

import (
	"fmt"
	"strings"
	"testing"

	"github.com/affsite/affsite/siteconfig"
)

// affExampleLinks classifies links to aff.example as program p's.
type affExampleLinks struct{}

func (affExampleLinks) classify(href string) (string, bool) {
	return "p", strings.Contains(href, "aff.example")
}

// bareCases are page bodies whose parse without linkify is kept (no
// address in their text) or dropped (an address linkify links, an
// affiliate one among them), with headings, raw HTML and placeholders.
var bareCases = []string{
	"# Title AFFSC1Z\n\nRead [the guide](https://aff.example/a) first, then <a href=\"https://aff.example/b\">this</a>.\n\n## Second\n",
	"See www.aff.example/deal and https://aff.example/x, or mail me@aff.example.\n\n# After\n",
	"| a | b |\n| - | - |\n| [x](https://aff.example/t) | www.aff.example |\n",
	"<div><a href=\"https://aff.example/c\">block</a></div>\n\ntext (https://aff.example/p) and `www.code.example`\n",
	"Plain words, a [link](/local) and **bold** text.\n\n- one\n- two\n",
	"Blanks \t\nat *the*\t \nends\r \nof    \nlines.\n",
}

// renderBare renders src with m for a page whose headings' placeholder
// AFFSC1Z reads "Shortcode", and writes what the page's state recorded.
func renderBare(t testing.TB, m *markdown, src string) string {
	st := &mdState{links: affExampleLinks{}, placeholders: func(text string) (string, bool) {
		return strings.ReplaceAll(text, "AFFSC1Z", "Shortcode"), strings.Contains(text, "AFFSC1Z")
	}}
	html, err := m.render([]byte(src), st)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s\nTOC %s\nheadings %d links %v", html, st.toc, len(st.headings), st.affLinks)
}

// bareAndFull are a site's Markdown renderer and the same without its
// parse without linkify, with raw HTML on and linkify's protocol
// protocol.
func bareAndFull(protocol string) (bare, full *markdown) {
	mc := siteconfig.DefaultMarkup(true)
	mc.Goldmark.Extensions.LinkifyProtocol = protocol
	bare, full = newMarkdown(mc, nil), newMarkdown(mc, nil)
	full.bare = nil
	return bare, full
}

// TestBareParse: a page parsed without linkify first renders, and
// records its headings and affiliate links, as a parse with it does.
func TestBareParse(t *testing.T) {
	t.Parallel()
	for _, protocol := range []string{"https", "http"} {
		bare, full := bareAndFull(protocol)
		if bare.bare == nil {
			t.Fatal("no parse without linkify: the test tests nothing")
		}
		for _, src := range bareCases {
			if got, want := renderBare(t, bare, src), renderBare(t, full, src); got != want {
				t.Errorf("%s: %q:\n got %s\nwant %s", protocol, src, got, want)
			}
		}
	}
	if got := renderBare(t, newMarkdown(siteconfig.DefaultMarkup(true), nil), bareCases[1]); !strings.Contains(got, `<a href="https://www.aff.example/deal" rel="sponsored nofollow noopener">www.aff.example/deal</a>`) {
		t.Errorf("linkify's affiliate link is missing or not marked:\n%s", got)
	}
}

// FuzzBareParse: for any page, the parse without linkify first gives
// what the parse with it gives.
func FuzzBareParse(f *testing.F) {
	for _, src := range bareCases {
		f.Add(src)
	}
	bare, full := bareAndFull("https")
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := renderBare(t, bare, src), renderBare(t, full, src); got != want {
			t.Errorf("%q:\n got %s\nwant %s", src, got, want)
		}
	})
}
