package tplfuncs_test

import (
	"testing"

	"github.com/affsite/affsite/tplfuncs"
)

// TestPlainify holds the tag stripper to what the regular expression
// `<[^>]*>` it replaced did, then unescaping and trimming.
func TestPlainify(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                                   "",
		"plain":                              "plain",
		"<p>Hello <b>you</b></p>":            "Hello you",
		"a &amp; b &lt;c&gt;":                "a & b <c>",
		"  <em>x</em>  ":                     "x",
		"1 < 2":                              "1 < 2",
		"a <b>c":                             "a c",
		"<a href=\"x\">link</a> &#39;q&#39;": "link 'q'",
	} {
		if got := tplfuncs.Plainify(in); got != want {
			t.Errorf("tplfuncs.Plainify(%q) = %q, want %q", in, got, want)
		}
	}
}
