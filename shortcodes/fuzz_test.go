package shortcodes

import (
	"errors"
	"strings"
	"testing"

	"github.com/affsite/affsite/diag"
)

func FuzzLex(f *testing.F) {
	for _, tt := range lexTests {
		f.Add(tt.input)
	}
	f.Fuzz(func(t *testing.T, input string) {
		items, msg := lex([]byte(input))
		if len(items) == 0 {
			t.Fatal("no items")
		}
		last := items[len(items)-1]
		if last.typ != itemEOF && last.typ != itemError || last.typ == itemError && msg == "" {
			t.Fatalf("last item %v, msg %q", last, msg)
		}
		prev := 0
		for _, it := range items {
			if it.typ == itemError { // points back at the construct that failed
				if it.start > len(input) || it.start < 0 {
					t.Fatalf("error at %d outside input of %d bytes", it.start, len(input))
				}
				continue
			}
			if it.start < prev || it.end < it.start || it.end > len(input) {
				t.Fatalf("item %v out of order (prev end %d, len %d)", it, prev, len(input))
			}
			prev = it.end
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.input)
	}
	for _, tt := range expandTests {
		f.Add(tt.input)
	}
	// Nesting past MaxDepth, mixed with a standalone use that is not nested.
	f.Add(nested("{{% note %}}{{< box >}}", MaxDepth/2+1, "{{< disc >}}", "{{< /box >}}{{% /note %}}"))
	env := testEnv(f)
	f.Fuzz(func(t *testing.T, input string) {
		src := []byte(input)
		doc, err := Parse(src)
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
		res, err := Expand(src, doc, env)
		if err != nil {
			var pe *PosError
			if !errors.As(err, &pe) {
				t.Fatalf("Expand error %T %v is not *PosError", err, err)
			}
			return
		}
		// Every top-level shortcode left one placeholder behind, but a
		// template's {{% %}}, whose output is in the Markdown itself (with
		// its nested shortcodes' placeholders); each one resolves.
		want := 0
		for _, inv := range res.Shortcodes() {
			if _, builtin := env.Registry.get(inv.Name); !inv.Markdown || builtin || strings.HasSuffix(inv.Name, inlineSuffix) {
				want++
			}
		}
		if got := len(res.FindPlaceholders(res.Markdown)); got < want {
			t.Fatalf("%d placeholders for %d shortcodes in %q", got, want, res.Markdown)
		}
		if left := res.FindPlaceholders(res.Replace(res.Markdown)); len(left) > 0 {
			t.Fatalf("placeholders left after Replace in %q", res.Markdown)
		}
	})
}
