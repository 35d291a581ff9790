package generator

import (
	"strings"
	"testing"
)

// proseCases are bodies with their prose word count, their summary of
// five words and whether words follow it.
var proseCases = []struct {
	body    string
	words   int
	summary string
	more    bool
}{
	{"", 0, "", false},
	{"One two three.\n", 3, "One two three.", false},
	{"# Heading\n\nSee [the *guide*](https://x.io/a) and ![a pic](p.png) now.\n", 7, "See the guide and a", true},
	{"- item `code` one\n> quoted <b>bold</b> line\n| table | row |\n", 6, "item code one quoted bold", true},
	{"{{< afflink program=\"k\" >}}Buy the thing{{< /afflink >}} today\tat\v5\f%\r\n", 7, "Buy the thing today at", true},
	{"Footnote[^1] and [x] box [ ] too.\n\n[^1]: The note.\n", 6, "Footnote and box too. The", true},
	{"a <https://auto.link/x> b <c\n```\ncode fence\n```\n", 6, "a https://auto.link/x b <c code", true},
	{"Café  crème\u00a0brûlée — très bien\n", 5, "Café crème\u00a0brûlée — très bien", false},
}

// TestProseSummary: words of prose are counted and the first ones kept,
// Markdown syntax and shortcodes left out.
func TestProseSummary(t *testing.T) {
	t.Parallel()
	for _, tt := range proseCases {
		words, summary, more := proseSummary([]byte(tt.body), 5)
		if words != tt.words || summary != tt.summary || more != tt.more {
			t.Errorf("proseSummary(%q, 5) = %d, %q, %v; want %d, %q, %v", tt.body, words, summary, more, tt.words, tt.summary, tt.more)
		}
	}
}

// FuzzProseSummary: a summary of max words is the first max words of
// the whole prose, more tells whether words were left out, and the
// count is the same whatever max is.
func FuzzProseSummary(f *testing.F) {
	for _, tt := range proseCases {
		f.Add(tt.body, 5)
	}
	f.Fuzz(func(t *testing.T, body string, max int) {
		max = max % 20
		all, full, _ := proseSummary([]byte(body), -1)
		words, summary, more := proseSummary([]byte(body), max)
		var want []string
		if full != "" {
			want = strings.Split(full, " ")
		}
		if all != len(want) {
			t.Fatalf("%q: %d words, summary of %d: %q", body, all, len(want), full)
		}
		if max >= 0 {
			want = want[:min(max, len(want))]
		}
		if words != all || summary != strings.Join(want, " ") || more != (max >= 0 && all > max) {
			t.Fatalf("proseSummary(%q, %d) = %d, %q, %v; whole prose %d, %q", body, max, words, summary, more, all, full)
		}
	})
}
