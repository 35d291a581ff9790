package shortcodes

import (
	"errors"
	"testing"

	"github.com/affsite/affsite/diag"
)

// closingUse is the InnerUse of closingTests' shortcodes: a, b and ct are
// templates with .Inner (so are code and code-toggle, as in hugoDocs), ni one without, bi a built-in.
func closingUse(name string) InnerUse {
	switch name {
	case "a", "b", "ct", "code", "code-toggle":
		return InnerAlways
	case "ni":
		return InnerNever
	}
	return InnerMaybe
}

// closingTests are the closing-tag rule's cases: each that Hugo 0.111
// accepts was built with it (hugo --quiet, templates <a>{{ .Inner }}</a>,
// <ni/>), and pairs the same here; those it rejects are errors.
var closingTests = []struct {
	name, input, tree, err string
}{
	{"another name, never seen: Hugo rejects", "{{< a >}}x{{< /b >}}", "", `1:11: closing shortcode "b" does not match open "a"`},
	{"another name seen before closes the innermost", "{{< b >}}y{{< /b >}} {{< a >}}x{{< /b >}}", `<b>@1:1["y"] " " <a>@1:22["x"]`, ""},
	{"hugoDocs: code-toggle closed by /code", "{{< code >}}c{{< /code >}}\n{{< code-toggle >}}t{{< /code >}}", `<code>@1:1["c"] "\n" <code-toggle>@2:1["t"]`, ""},
	{"a shortcode without .Inner is complete at its tag", "{{< a >}}{{< ni >}}x{{< /a >}}", `<a>@1:1[<ni>@1:10 "x"]`, ""},
	{"its closing tag closes the shortcode around it", "{{< a >}}{{< ni >}}x{{< /ni >}}", `<a>@1:1[<ni>@1:10 "x"]`, ""},
	{"seen standalone, closes another", "{{< ni >}} {{< ct >}}x{{< /ni >}}", `<ni>@1:1 " " <ct>@1:12["x"]`, ""},
	{"crossed closing tags: Hugo accepts", "{{< a >}}{{< ct >}}x{{< /a >}}{{< /ct >}}", `<a>@1:1[<ct>@1:10["x"]]`, ""},
	{"other delimiters: Hugo accepts", "{{% a %}}x{{< /a >}}", `%a%@1:1["x"]`, ""},
	{"closing the innermost leaves the outer unclosed", "{{< a >}}{{< b >}}x{{< /a >}}", `<a>@1:1 <b>@1:10["x"]`, ""},
	{"one closing tag too many", "{{< ct >}}x{{< /ct >}}{{< /ct >}}", "", `1:23: unexpected closing shortcode "ct"`},
	{"without .Inner, given some (affsite's own leniency)", "{{< ni >}}x{{< /ni >}}", `<ni>@1:1["x"]`, ""},
	{"a built-in is closed by its name", "{{< a >}}{{< bi k >}}{{< /a >}}", `<a>@1:1[<bi "k">@1:10]`, ""},
	{"a built-in's closing tag closes it only", "{{< bi >}}{{< a >}}x{{< /bi >}}", `<bi>@1:1[<a>@1:11 "x"]`, ""},
	{"a built-in's closing tag, none open", "{{< a >}}x{{< /bi >}}", "", `1:11: closing shortcode "bi" does not match open "a"`},
}

func TestClosingTags(t *testing.T) {
	t.Parallel()
	for _, tt := range closingTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tt.input)
			doc, err := ParseWith(src, ParseOptions{InnerUse: closingUse})
			if tt.err != "" {
				var e *Error
				if !errors.As(err, &e) || e.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if got := dump(src, doc.Nodes); got != tt.tree {
				t.Errorf("tree:\n got %s\nwant %s", got, tt.tree)
			}
			checkOffsets(t, src, doc.Nodes)
		})
	}
}

// FuzzParseClosing parses with closingUse's InnerUse, as the generator
// parses with its templates': errors are positioned, and the tree keeps
// the offsets and nesting limit Expand relies on.
func FuzzParseClosing(f *testing.F) {
	for _, tt := range closingTests {
		f.Add(tt.input)
	}
	for _, tt := range parseTests {
		f.Add(tt.input)
	}
	f.Fuzz(func(t *testing.T, input string) {
		src := []byte(input)
		doc, err := ParseWith(src, ParseOptions{InnerUse: closingUse})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			if l, c := diag.LineCol(src, e.Offset); l != e.Line || c != e.Col {
				t.Fatalf("error at %d:%d, offset %d is %d:%d", e.Line, e.Col, e.Offset, l, c)
			}
			return
		}
		checkOffsets(t, src, doc.Nodes)
		if sc := tooDeep(doc.Nodes); sc != nil {
			t.Fatalf("shortcode %q at %d:%d is nested deeper than %d", sc.Name, sc.Line, sc.Col, MaxDepth)
		}
	})
}
