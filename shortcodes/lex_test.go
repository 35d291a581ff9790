package shortcodes

import (
	"fmt"
	"slices"
	"testing"
)

// lex scans src into all its items, The last item is itemEOF
// or itemError; in the latter case errMsg describes the error and the
// item's start is its offset.
func lex(src []byte) (items []item, errMsg string) {
	l := newLexer(src)
	for {
		it := l.next()
		items = append(items, it)
		if it.typ == itemEOF || it.typ == itemError {
			return items, l.errMsg
		}
	}
}

// lexTests are shared with FuzzLex as its seed corpus.
var lexTests = []struct {
	name  string
	input string
	items []string // "type:text", the EOF item left out
	err   string   // lexer message and offset, "@OFF msg"
}{
	{"empty", "", nil, ""},
	{"text", "hello {world}", []string{`text:"hello {world}"`}, ""},
	{"brace not tag", "a {{ b }} c", []string{`text:"a {{ b }} c"`}, ""},
	{"simple", "a {{< x >}} b", []string{`text:"a "`, `left:"{{<"`, `word:"x"`, `right:">}}"`, `text:" b"`}, ""},
	{"no spaces", "{{<x>}}", []string{`left:"{{<"`, `word:"x"`, `right:">}}"`}, ""},
	{"markdown", "{{% x %}}", []string{`left:"{{%"`, `word:"x"`, `right:"%}}"`}, ""},
	{"named", `{{< x a="1 2" b=3 c=` + "`r\nr`" + ` >}}`, []string{
		`left:"{{<"`, `word:"x"`, `word:"a"`, `=:"="`, `string:"\"1 2\""`, `word:"b"`, `=:"="`, `word:"3"`,
		`word:"c"`, `=:"="`, "rawstring:\"`r\\nr`\"", `right:">}}"`}, ""},
	{"positional", `{{< x "a \"q\"" gold >}}`, []string{
		`left:"{{<"`, `word:"x"`, `string:"\"a \\\"q\\\"\""`, `word:"gold"`, `right:">}}"`}, ""},
	{"close", "{{< /x >}}", []string{`left:"{{<"`, `closemark:"/"`, `word:"x"`, `right:">}}"`}, ""},
	{"self close", "{{< x />}}{{% y /%}}", []string{
		`left:"{{<"`, `word:"x"`, `selfclose:"/>}}"`, `left:"{{%"`, `word:"y"`, `selfclose:"/%}}"`}, ""},
	{"slash name", "{{< foo/bar >}}", []string{`left:"{{<"`, `word:"foo/bar"`, `right:">}}"`}, ""},
	{"slash value", "{{< x /path >}}", []string{`left:"{{<"`, `word:"x"`, `word:"/path"`, `right:">}}"`}, ""},
	{"newlines", "{{<\n  x\n  a=1\n>}}", []string{`left:"{{<"`, `word:"x"`, `word:"a"`, `=:"="`, `word:"1"`, `right:">}}"`}, ""},
	{"percent in angle tag", "{{< x a%b >}}", []string{`left:"{{<"`, `word:"x"`, `word:"a%b"`, `right:">}}"`}, ""},
	{"triple brace", "{{{< x >}}", []string{`text:"{"`, `left:"{{<"`, `word:"x"`, `right:">}}"`}, ""},
	{"escape", `a {{</* x a="1" */>}} b`, []string{`text:"a "`, `escape:"{{</* x a=\"1\" */>}}"`, `text:" b"`}, ""},
	{"escape markdown", `{{%/* x */%}}`, []string{`escape:"{{%/* x */%}}"`}, ""},
	{"unterminated", "a {{< x", []string{`text:"a "`, `left:"{{<"`, `word:"x"`}, "@2 unterminated shortcode: no \">}}\""},
	{"unterminated before next tag", "{{< x {{< y >}}", []string{`left:"{{<"`, `word:"x"`}, "@0 unterminated shortcode: no \">}}\""},
	{"wrong right delim", "{{< x %}}", []string{`left:"{{<"`, `word:"x"`, `word:"%}}"`}, "@0 unterminated shortcode: no \">}}\""},
	{"unterminated string", `{{< x "abc >}}`, []string{`left:"{{<"`, `word:"x"`}, "@6 unterminated quoted string"},
	{"unterminated escape in string", `{{< x "abc\`, []string{`left:"{{<"`, `word:"x"`}, "@6 unterminated quoted string"},
	{"unterminated raw", "{{< x `abc >}}", []string{`left:"{{<"`, `word:"x"`}, "@6 unterminated raw string"},
	{"unterminated escape", "{{</* x */ >}}", nil, "@0 unterminated escaped shortcode"},
	{"delim at end", "{{<", []string{`left:"{{<"`}, "@0 unterminated shortcode: no \">}}\""},
}

func formatItems(src string, items []item) (out []string, errAt int) {
	errAt = -1
	for _, it := range items {
		switch it.typ {
		case itemEOF:
		case itemError:
			errAt = it.start
		default:
			out = append(out, fmt.Sprintf("%s:%q", it.typ, src[it.start:it.end]))
		}
	}
	return out, errAt
}

func TestLex(t *testing.T) {
	t.Parallel()
	for _, tt := range lexTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			items, msg := lex([]byte(tt.input))
			got, errAt := formatItems(tt.input, items)
			if !slices.Equal(got, tt.items) {
				t.Errorf("items:\n got %q\nwant %q", got, tt.items)
			}
			var gotErr string
			if errAt >= 0 {
				gotErr = fmt.Sprintf("@%d %s", errAt, msg)
			}
			if gotErr != tt.err {
				t.Errorf("err = %q, want %q", gotErr, tt.err)
			}
			if last := items[len(items)-1].typ; last != itemEOF && last != itemError {
				t.Errorf("last item %s, want EOF or error", last)
			}
		})
	}
}
