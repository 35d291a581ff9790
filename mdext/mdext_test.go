package mdext_test

import (
	"bytes"
	"testing"

	"github.com/affsite/affsite/mdext"
	"github.com/affsite/affsite/siteconfig"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// TestAnchorize: a heading's id in each of Hugo's styles, as Hugo 0.111
// makes them.
func TestAnchorize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, style, want string
	}{
		{"Gold Plan", siteconfig.HeadingIDGitHub, "gold-plan"},
		{"  Café — 40 % off!  ", siteconfig.HeadingIDGitHub, "café--40--off"},
		{"snake_case and-dash", siteconfig.HeadingIDGitHub, "snake_case-and-dash"},
		{"Café — 40 % off!", siteconfig.HeadingIDGitHubASCII, "cafe--40--off"},
		{"Crème brûlée", siteconfig.HeadingIDGitHubASCII, "creme-brulee"},
		{"Café — 40 % off!", siteconfig.HeadingIDBlackfriday, "café-40-off"},
		{"--Hello,   World--", siteconfig.HeadingIDBlackfriday, "hello-world"},
		{"!!!", siteconfig.HeadingIDGitHub, ""},
	}
	for _, tt := range tests {
		if got := mdext.Anchorize(tt.text, tt.style); got != tt.want {
			t.Errorf("Anchorize(%q, %q) = %q, want %q", tt.text, tt.style, got, tt.want)
		}
	}
}

// TestHeadingIDs: repeated headings get "-1", "-2"; a heading with no
// letter or digit gets "heading"; an id put by hand is not given again.
func TestHeadingIDs(t *testing.T) {
	t.Parallel()
	ids := mdext.NewHeadingIDs(siteconfig.HeadingIDGitHub)
	ids.Put([]byte("taken"))
	var got []string
	for _, h := range []string{"Plans", "Plans", "???", "Taken", "Plans"} {
		got = append(got, string(ids.Generate([]byte(h), ast.KindHeading)))
	}
	want := []string{"plans", "plans-1", "heading", "taken-1", "plans-2"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ids = %q, want %q", got, want)
		}
	}
}

// TestBlockAttributes: an attribute line right below a block sets its
// attributes (not those it has); after a blank line or below a fenced
// code block the line is dropped.
func TestBlockAttributes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"below a paragraph", "Text\n{.note #n1}\n", "<p class=\"note\" id=\"n1\">Text</p>\n"},
		{"after a blank line", "Text\n\n{.note}\n", "<p>Text</p>\n"},
		{"below a fence", "```\ncode\n```\n{.note}\n", "<pre><code>code\n</code></pre>\n"},
		{"alone", "{.note}\n", ""},
	}
	md := goldmark.New(goldmark.WithExtensions(mdext.BlockAttributes{}), goldmark.WithParserOptions(parser.WithAttribute()))
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := md.Convert([]byte(tt.src), &buf); err != nil {
			t.Fatal(err)
		}
		if buf.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, buf.String(), tt.want)
		}
	}
}
