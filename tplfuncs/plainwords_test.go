package tplfuncs_test

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/tplfuncs"
)

// TestPlainWords checks tplfuncs.PlainWords against its definition,
// len(strings.Fields(tplfuncs.Plainify(s))), and against counts known by hand.
func TestPlainWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\t ", 0},
		{"one", 1},
		{"<p>one two</p>\n<p>three</p>", 3},
		{"a<b>c</b>d", 1}, // tags join the text around them
		{"<td>1</td><td>2</td>", 1},
		{"x < y and z", 5}, // a lone "<" is text, a word of its own
		{"<p>tom&amp;jerry &nbsp; cats&#32;dogs</p>", 3},
		{"no\u00a0break\u0085next\u3000wide", 4},
		{"bad \xff\xfe utf8", 3},
		{"&am<i>p; x", 2},
		{"<a href=\"https://x.example/?a=1&amp;b=2\">deal</a> now", 2},
		{"\v\f\rword\r\n", 1},
		// The references Markdown writes are counted without unescaping;
		// any other sends the text through the unescaper.
		{"<p>it&rsquo;s &ldquo;fine&rdquo; &mdash; ok&hellip; &lt;b&gt; &#39;q&#39;</p>", 6},
		{"a&amp;nbsp;b", 1},
		{"x &rsquo;&nbsp;y", 3},
		{"&mdash &ndash;x", 2},
		{"end&", 1},
	} {
		ref := len(strings.Fields(tplfuncs.Plainify(tc.in)))
		if ref != tc.want {
			t.Fatalf("%q: the reference counts %d, the table says %d", tc.in, ref, tc.want)
		}
		for _, scratch := range [][]byte{nil, make([]byte, 0, 2), make([]byte, 0, len(tc.in))} {
			if got := tplfuncs.PlainWords(tc.in, scratch); got != tc.want {
				t.Errorf("tplfuncs.PlainWords(%q, cap %d) = %d, want %d", tc.in, cap(scratch), got, tc.want)
			}
		}
	}
}

// FuzzPlainWords checks tplfuncs.PlainWords equals its definition on any input.
func FuzzPlainWords(f *testing.F) {
	for _, s := range []string{"<p>a b</p>", "x&amp;y <", "&#32;<b>&nbsp;</b>", "\xff<\xa0>", "it&rsquo;s &ldquo;x&rdquo;&mdash;&#39; &hellip;&amp;nbsp;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tplfuncs.PlainWords(s, nil), len(strings.Fields(tplfuncs.Plainify(s))); got != want {
			t.Errorf("tplfuncs.PlainWords(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestPlainWordsCopiesNothing checks PlainWords of text without an
// entity allocates nothing when scratch can hold the text: every page's
// reading time is counted so, and a copy of its text was a twentieth of
// a build's allocations.
func TestPlainWordsCopiesNothing(t *testing.T) {
	s := strings.Repeat("<p>one two\u00a0three</p>\n", 100)
	scratch := make([]byte, 0, len(s))
	if n := testing.AllocsPerRun(10, func() { tplfuncs.PlainWords(s, scratch) }); n != 0 {
		t.Errorf("%v allocations a call, want none", n)
	}
}
