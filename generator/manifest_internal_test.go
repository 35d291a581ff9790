package generator

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendJSONString holds the hand-written manifest encoder to
// encoding/json's output, with HTML escaping off.
func TestAppendJSONString(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "plain", `q"uote`, `back\\slash`, "nl\n cr\r tab\t", "\b\f\x00\x1f",
		"<script>&amp;", "ünïcödé €", "\u2028\u2029", "bad \xff utf8", "https://x.example/?a=1&b=2",
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := string(appendJSONString(nil, s)) + "\n"
		if got != want.String() {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	}
}

// FuzzAppendJSONString checks the encoder against encoding/json on any
// input.
func FuzzAppendJSONString(f *testing.F) {
	f.Add("a\"b\\c\n\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, s)) + "\n"; got != want.String() {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	})
}

// TestTagAttrs holds the start-tag reader to the HTML tokenizer's view.
func TestTagAttrs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ tag, href, rel, class string }{
		{`<a href="https://x.example/?a=1&amp;b=2" rel="sponsored nofollow">`, "https://x.example/?a=1&b=2", "sponsored nofollow", ""},
		{`<a HREF='/go/x/' REL=sponsored class="btn aff">`, "/go/x/", "sponsored", "btn aff"},
		{`<a href=/p/ rel=nofollow>`, "/p/", "nofollow", ""},
		{`<a  href = "a"  href="b" >`, "a", "", ""},
		{`<a data-x="1 > 2" href="h">`, "h", "", ""},
		{`<div class="aff-disclosure" role="note">`, "", "", "aff-disclosure"},
		{`<a href>`, "", "", ""},
		{`<a/href="x">`, "x", "", ""},
	} {
		tag := []byte(tc.tag)
		if end := tagEnd(tag, 0); end > 0 {
			tag = tag[:end]
		}
		href, rel, class := tagAttrs(tag)
		if href != tc.href || rel != tc.rel || class != tc.class {
			t.Errorf("tagAttrs(%s) = %q, %q, %q; want %q, %q, %q", tc.tag, href, rel, class, tc.href, tc.rel, tc.class)
		}
	}
}

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
		if got := plainify(in); got != want {
			t.Errorf("plainify(%q) = %q, want %q", in, got, want)
		}
	}
}
