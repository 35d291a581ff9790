package shortcodes

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/affsite/affsite/diag"
)

// parseTests are shared with FuzzParse as its seed corpus. The tree is
// written compactly: "text" for a Text, <name a="1" "pos"> for a {{< >}}
// shortcode (%name ...% for {{% %}}), /> when self-closing, [ ... ] for
// the inner nodes of a paired one, and @LINE:COL after each shortcode.
var parseTests = []struct {
	name  string
	input string
	tree  string
	err   string
}{
	{"empty", "", "", ""},
	{"text", "just text", `"just text"`, ""},
	{"standalone", "a {{< x >}} b", `"a " <x>@1:3 " b"`, ""},
	{"named", `{{< x a="1" b=two c=` + "`3`" + ` >}}`, `<x a="1" b="two" c="3">@1:1`, ""},
	{"positional", `{{< x "a \"b\" \\ \d" 3 true >}}`, `<x "a \"b\" \\ \\d" "3" "true">@1:1`, ""},
	{"raw multi-line", "{{< x `a\n\"b\"` >}}", `<x "a\n\"b\"">@1:1`, ""},
	{"paired", "{{< x >}}in{{< /x >}}", `<x>@1:1["in"]`, ""},
	{"paired markdown", "{{% x %}}*in*{{% /x %}}", `%x%@1:1["*in*"]`, ""},
	{"self closing", "{{< x a=1 />}}", `<x a="1"/>@1:1`, ""},
	{"nested", "{{< a >}}1{{< b >}}2{{< /b >}}3{{< /a >}}", `<a>@1:1["1" <b>@1:11["2"] "3"]`, ""},
	{"same name nested", "{{< a >}}{{< a >}}x{{< /a >}}{{< /a >}}", `<a>@1:1[<a>@1:10["x"]]`, ""},
	{"standalone inside paired", "{{< a >}}1{{< b >}}2{{< /a >}}", `<a>@1:1["1" <b>@1:11 "2"]`, ""},
	{"unclosed at end", "{{< a >}}1{{< b >}}2", `<a>@1:1 "1" <b>@1:11 "2"`, ""},
	{"slash name", "{{< foo/bar-baz_2 >}}", `<foo/bar-baz_2>@1:1`, ""},
	{"multi-line tag", "x\n{{<\n  box\n  title=\"T\"\n>}}", `"x\n" <box title="T">@2:1`, ""},
	{"col in runes", "héllo {{< x >}}", `"héllo " <x>@1:7`, ""},
	{"escaped", `a {{</* x a="1" */>}} b`, `"a " "{{< x a=\"1\" >}}" " b"`, ""},
	{"escaped markdown pair", `{{%/* x */%}}in{{%/* /x */%}}`, `"{{% x %}}" "in" "{{% /x %}}"`, ""},
	{"mixed params", `{{< x a=1 "b" >}}`, "", `1:11: shortcode "x" mixes named and positional parameters`},
	{"mixed params positional first", `{{< x "b" a=1 >}}`, "", `1:11: shortcode "x" mixes named and positional parameters`},
	{"missing value", "{{< x a= >}}", "", `1:8: missing value for parameter "a"`},
	{"missing name before =", `{{< x ="1" >}}`, "", `1:7: missing parameter name before "="`},
	{"quoted param name", `{{< x "a"=1 >}}`, "", `1:7: quoted parameter name "a"`},
	{"duplicate param: the last wins, as in Hugo", `{{< x a=1 b=3 a=2 >}}`, `<x a="2" b="3">@1:1`, ""},
	{"missing shortcode name", "{{< >}}", "", "1:5: missing shortcode name"},
	{"missing name quoted", `{{< "x" >}}`, "", "1:5: missing shortcode name"},
	{"invalid name", "{{< a.b >}}", "", `1:5: invalid shortcode name "a.b"`},
	{"unterminated", "para\n\nsee {{< x a=1", "", `3:5: unterminated shortcode: no ">}}"`},
	{"unterminated string", "{{< x a=\"1 >}}\nmore", "", "1:9: unterminated quoted string"},
	{"unterminated raw string", "{{< x a=`1 >}}", "", "1:9: unterminated raw string"},
	{"unexpected close", "a\n{{< /x >}}", "", `2:1: unexpected closing shortcode "x"`},
	{"mismatched close", "{{< a >}}{{< /b >}}", "", `1:10: closing shortcode "b" does not match open "a"`},
	{"close of other kind", "{{% a %}}x{{< /a >}}", "", `1:11: closing shortcode "a" uses {{< >}} but it was opened with {{% %}}`},
	{"close with params", "{{< a >}}{{< /a x=1 >}}", "", `1:17: closing shortcode "a" has parameters`},
	{"self-closing close", "{{< a >}}{{< /a />}}", "", `1:17: closing shortcode "a" is self-closing`},
	{"close without name", "{{< / >}}", "", "1:7: missing shortcode name"},
	{"nested at the limit", nested("{{< a >}}", MaxDepth, "x", "{{< /a >}}"), nestedTree(MaxDepth, 9, `"x"`), ""},
	{"nested past the limit", nested("{{< a >}}", MaxDepth+1, "x", "{{< /a >}}"), "", `1:901: shortcode "a" is nested more than 100 deep (shortcodes inside shortcodes)`},
	{"nested markdown past the limit", nested("{{% note %}}\n", 150, "x\n", "{{% /note %}}\n"), "", `101:1: shortcode "note" is nested more than 100 deep (shortcodes inside shortcodes)`},
	{"self-closing past the limit", nested("{{< a >}}", MaxDepth, "{{< b />}}", "{{< /a >}}"), "", `1:901: shortcode "b" is nested more than 100 deep (shortcodes inside shortcodes)`},
	{"standalone past the limit", nested("{{< a >}}", MaxDepth, "{{< b >}}", "{{< /a >}}"), "", `1:901: shortcode "b" is nested more than 100 deep (shortcodes inside shortcodes)`},
	// Unclosed uses are standalone, side by side: not nested at all.
	{"many unclosed are not nested", strings.Repeat("{{< a >}}", MaxDepth+1), sideBySide(MaxDepth+1, 9), ""},
}

// nested returns depth opening tags, inner, then depth closing tags.
func nested(open string, depth int, inner, close string) string {
	return strings.Repeat(open, depth) + inner + strings.Repeat(close, depth)
}

// nestedTree is dump's tree of nested("{{< a >}}", depth, inner, …) on one
// line, each opening tag width bytes long.
func nestedTree(depth, width int, inner string) string {
	var b strings.Builder
	for i := range depth {
		fmt.Fprintf(&b, "<a>@1:%d[", 1+i*width)
	}
	b.WriteString(inner)
	b.WriteString(strings.Repeat("]", depth))
	return b.String()
}

// sideBySide is dump's tree of n standalone <a> on one line, each width
// bytes long.
func sideBySide(n, width int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("<a>@1:%d", 1+i*width)
	}
	return strings.Join(parts, " ")
}

func dump(src []byte, nodes []Node) string {
	var parts []string
	for _, n := range nodes {
		switch n := n.(type) {
		case *Text:
			parts = append(parts, fmt.Sprintf("%q", n.Literal(src)))
		case *Shortcode:
			var b strings.Builder
			d := "<"
			if n.Markdown {
				d = "%"
			}
			b.WriteString(d + n.Name)
			for _, p := range n.Params {
				if p.Name != "" {
					fmt.Fprintf(&b, " %s=%q", p.Name, p.Value)
				} else {
					fmt.Fprintf(&b, " %q", p.Value)
				}
			}
			switch {
			case n.SelfClosing:
				b.WriteString("/>")
			case d == "<":
				b.WriteString(">")
			default:
				b.WriteString("%")
			}
			fmt.Fprintf(&b, "@%d:%d", n.Line, n.Col)
			if n.Paired && !n.SelfClosing {
				b.WriteString("[" + dump(src, n.Inner) + "]")
			}
			parts = append(parts, b.String())
		}
	}
	return strings.Join(parts, " ")
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tt.input)
			doc, err := Parse(src)
			if tt.err != "" {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("err = %v, want *Error %q", err, tt.err)
				}
				if e.Error() != tt.err {
					t.Errorf("err = %q, want %q", e.Error(), tt.err)
				}
				if l, c := diag.LineCol(src, e.Offset); l != e.Line || c != e.Col {
					t.Errorf("Offset %d is %d:%d, error says %d:%d", e.Offset, l, c, e.Line, e.Col)
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

// checkOffsets verifies the invariants the expander relies on: nodes are in
// order, cover their parent, and each shortcode's ranges hold its tags.
func checkOffsets(t *testing.T, src []byte, nodes []Node) {
	t.Helper()
	prev := 0
	for _, n := range nodes {
		switch n := n.(type) {
		case *Text:
			if n.Start < prev || n.End < n.Start || n.End > len(src) {
				t.Fatalf("text range [%d,%d) after %d, len %d", n.Start, n.End, prev, len(src))
			}
			prev = n.End
		case *Shortcode:
			if n.Start < prev || n.End > len(src) || string(src[n.Start:n.Start+2]) != "{{" || string(src[n.End-2:n.End]) != "}}" {
				t.Fatalf("shortcode %q range [%d,%d) after %d", n.Name, n.Start, n.End, prev)
			}
			if n.Paired && (n.InnerStart < n.Start || n.InnerEnd < n.InnerStart || n.InnerEnd > n.End) {
				t.Fatalf("shortcode %q inner [%d,%d) outside [%d,%d)", n.Name, n.InnerStart, n.InnerEnd, n.Start, n.End)
			}
			if l, c := diag.LineCol(src, n.Start); l != n.Line || c != n.Col {
				t.Fatalf("shortcode %q at %d:%d, LineCol says %d:%d", n.Name, n.Line, n.Col, l, c)
			}
			checkOffsets(t, src[:n.InnerEnd], n.Inner)
			prev = n.End
		}
	}
}

func BenchmarkParse(b *testing.B) {
	src := benchPost()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

// benchPost is a ~1,500-word review with 5 shortcodes.
func benchPost() []byte {
	para := "The hosting plan we tested kept every page under a second, and support answered " +
		"within minutes on a Sunday; renewal prices are higher, so lock in a longer term. "
	var b strings.Builder
	shortcodes := []string{
		`{{< afflink program="acme" text="Try Acme" >}}`,
		"{{< commission_table program=\"acme\" >}}",
		"{{% pros_cons %}}\n- fast\n- cheap\n{{% /pros_cons %}}",
		`{{< verdict score=4.5 >}}Great value.{{< /verdict >}}`,
		`{{< cta "https://example.com" "Get the deal" >}}`,
	}
	for i := range 50 {
		b.WriteString(para + "\n")
		if i%10 == 9 {
			b.WriteString("\n" + shortcodes[i/10] + "\n\n")
		}
	}
	return []byte(b.String())
}
