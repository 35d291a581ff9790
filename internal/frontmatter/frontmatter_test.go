package frontmatter

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// parseCases are content files and what Parse makes of them: the keys
// (as dumpValue prints them, with their Go types), the number of lines
// before the body, the body, the error (or the first duplicate key, the
// error affsite's own sites get), and, for YAML keys given twice, the
// keys Hugo sites read with every duplicate. They pin how YAML front
// matter reads (YAML 1.1 booleans, dates as text, numbers, empty values,
// anchors and merges), where front matter ends, and every error's line
// and words.
var parseCases = []struct {
	name, src, keys string
	lines           int
	body, err       string
	// tolerant is the keys, lines and body read despite duplicate keys,
	// and every duplicate, "" if there is none.
	tolerant string
}{
	{"yaml basic", "---\ntitle: A\ndate: 2026-01-02\ntags: [a, b]\n---\nbody\n", "{\"date\":\"2026-01-02\" \"tags\":[\"a\" \"b\"] \"title\":\"A\"}", 5, "body\n", "", ""},
	{"yaml 1.1 booleans", "---\na: yes\nb: no\nc: on\nd: off\ne: y\nf: N\ng: True\nh: FALSE\ni: \"yes\"\nj: Yes\n---\n", "{\"a\":bool(true) \"b\":bool(false) \"c\":bool(true) \"d\":bool(false) \"e\":bool(true) \"f\":bool(false) \"g\":bool(true) \"h\":bool(false) \"i\":\"yes\" \"j\":bool(true)}", 12, "", "", ""},
	{"integers", "---\na: 1\nb: 0x1F\nc: 0777\nd: 0o17\ne: 1_000\nf: -0b101\ng: 9223372036854775808\nh: -12\ni: +3\n---\n", "{\"a\":int(1) \"b\":int(31) \"c\":int(511) \"d\":int(15) \"e\":int(1000) \"f\":int(-5) \"g\":uint64(9223372036854775808) \"h\":int(-12) \"i\":int(3)}", 11, "", "", ""},
	{"floats", "---\na: 1.5\nb: 1e3\nc: .inf\nd: -.Inf\ne: .nan\nf: 19.99\ng: 19.90\nh: 1_000.5\n---\n", "{\"a\":float64(1.5) \"b\":float64(1000) \"c\":float64(+Inf) \"d\":float64(-Inf) \"e\":float64(NaN) \"f\":float64(19.99) \"g\":float64(19.9) \"h\":float64(1000.5)}", 10, "", "", ""},
	{"empty values", "---\ntags:\ncategories: ~\nimages: null\ndescription: \"\"\n---\n", "{\"categories\":nil \"description\":\"\" \"images\":nil \"tags\":nil}", 6, "", "", ""},
	{"dates", "---\na: 2026-01-02\nb: 2026-01-02T10:00:00Z\nc: \"2026-01-02\"\nd: 2026-01-02 10:00:00\ne: 2026-1-2\nf: 2026-13-45\n---\n", "{\"a\":\"2026-01-02\" \"b\":\"2026-01-02T10:00:00Z\" \"c\":\"2026-01-02\" \"d\":\"2026-01-02 10:00:00\" \"e\":\"2026-1-2\" \"f\":\"2026-13-45\"}", 8, "", "", ""},
	{"strings", "---\na: plain text\nb: 'single'\nc: \"double\\tq\"\nd: |\n  line one\n  line two\ne: >\n  folded\n  text\nf: !!str 12\ng: !!binary aGVsbG8=\n---\n", "{\"a\":\"plain text\" \"b\":\"single\" \"c\":\"double\\tq\" \"d\":\"line one\\nline two\\n\" \"e\":\"folded text\\n\" \"f\":\"12\" \"g\":\"hello\"}", 13, "", "", ""},
	{"nested maps", "---\nparams:\n  Brand: Acme\n  1: one\n  true: t\n  nested:\n    deep: [1, {k: v}]\n---\n", "{\"params\":{\"1\":\"one\" \"Brand\":\"Acme\" \"nested\":{\"deep\":[int(1) {\"k\":\"v\"}]} \"true\":\"t\"}}", 8, "", "", ""},
	{"key case", "---\nTitle: A\ntitle: B\nPARAMS:\n  X: 1\n---\n", "{\"PARAMS\":{\"X\":int(1)} \"Title\":\"A\" \"title\":\"B\"}", 6, "", "", ""},
	// Anchors, aliases and merges.
	{"anchors and merge", "---\nbase: &b\n  x: 1\n  y: 2\nother:\n  <<: *b\n  z: 3\nlist: &l [1, 2]\nagain: *l\n---\n", "{\"again\":[int(1) int(2)] \"base\":{\"x\":int(1) \"y\":int(2)} \"list\":[int(1) int(2)] \"other\":{\"x\":int(1) \"y\":int(2) \"z\":int(3)}}", 10, "", "", ""},
	// A key set beside a merge overrides the merged one, as YAML says
	// (yaml.v2's strict mode called it a duplicate).
	{"merge then override", "---\nbase: &b\n  x: 1\nother:\n  <<: *b\n  x: 2\n---\n", "{\"base\":{\"x\":int(1)} \"other\":{\"x\":int(2)}}", 7, "", "", ""},
	// A key is read as written: y is "y" (yaml.v2 made a nested y, n, yes,
	// on… key "true" or "false", and a top-level one not).
	{"merge list", "---\na: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n---\n", "{\"a\":{\"x\":int(1)} \"b\":{\"y\":int(2)} \"c\":{\"x\":int(1) \"y\":int(2)}}", 6, "", "", ""},
	{"duplicate key", "---\ntitle: B\ndescription: x\ntitle: C\n---\n", "nil-map", 0, "", "content/a.md:4:1: front matter: duplicate key \"title\"", "{\"description\":\"x\" \"title\":\"C\"}|5|\"\"|content/a.md:4:1: front matter: duplicate key \"title\""},
	{"duplicate nested key", "---\ntitle: B\nparams:\n  x: 1\n  x: 2\n---\n", "nil-map", 0, "", "content/a.md:5:3: front matter: duplicate key \"x\"", "{\"params\":{\"x\":int(2)} \"title\":\"B\"}|6|\"\"|content/a.md:5:3: front matter: duplicate key \"x\""},
	// Each duplicate is its own diagnostic at its own line of the file
	// (yaml.v2 gave one message whose second line counted from the front
	// matter: "line 4: duplicate key").
	{"two duplicate keys", "---\na: 1\na: 2\nb: 1\nb: 2\n---\n", "nil-map", 0, "", "content/a.md:3:1: front matter: duplicate key \"a\"", "{\"a\":int(2) \"b\":int(2)}|6|\"\"|content/a.md:3:1: front matter: duplicate key \"a\"\ncontent/a.md:5:1: front matter: duplicate key \"b\""},
	{"duplicate in list item", "---\nitems:\n  - a: 1\n    a: 2\n---\n", "nil-map", 0, "", "content/a.md:4:5: front matter: duplicate key \"a\"", "{\"items\":[{\"a\":int(2)}]}|5|\"\"|content/a.md:4:5: front matter: duplicate key \"a\""},
	{"duplicate after blank lines", "\n\n---\ntitle: B\ntitle: C\n---\n", "nil-map", 0, "", "content/a.md:5:1: front matter: duplicate key \"title\"", "{\"title\":\"C\"}|6|\"\"|content/a.md:5:1: front matter: duplicate key \"title\""},
	{"unclosed flow list", "---\ntitle: Y\ntags: [a, b\ndate: 2026-01-01\n---\n", "nil-map", 0, "", "content/a.md:3: front matter: did not find expected ',' or ']'", ""},
	{"bad indent", "---\ntitle: Y\n  bad: indent\n---\n", "nil-map", 0, "", "content/a.md:3: front matter: mapping values are not allowed in this context", ""},
	{"tab", "---\n\ttitle: tab\n---\n", "nil-map", 0, "", "content/a.md:1: front matter: found character that cannot start any token", ""},
	{"mapping values", "---\ntitle: a: b\n---\n", "nil-map", 0, "", "content/a.md:1: front matter: mapping values are not allowed in this context", ""},
	{"unknown alias", "---\na: *nope\n---\n", "nil-map", 0, "", "content/a.md:1: front matter: unknown anchor 'nope' referenced", ""},
	{"recursive alias", "---\na: &x [*x]\n---\n", "nil-map", 0, "", "content/a.md:1: front matter: anchor 'x' value contains itself", ""},
	{"top-level list", "---\n- a\n- b\n---\n", "nil-map", 0, "", "content/a.md:2:1: front matter: cannot unmarshal !!seq into map[string]interface {}", ""},
	{"top-level scalar", "---\njust text\n---\n", "nil-map", 0, "", "content/a.md:2:1: front matter: cannot unmarshal !!str `just text` into map[string]interface {}", ""},
	{"list as key", "---\n[a]: 1\n---\n", "nil-map", 0, "", "content/a.md:2:1: front matter: cannot unmarshal !!seq into string", ""},
	{"map as key", "---\n? {a: 1}\n: 1\n---\n", "nil-map", 0, "", "content/a.md:2:3: front matter: cannot unmarshal !!map into string", ""},
	{"two documents", "---\na: 1\n...\n---\n", "{\"a\":int(1)}", 4, "", "", ""},
	{"empty yaml", "---\n---\nbody\n", "{}", 2, "body\n", "", ""},
	{"comments only", "---\n# nothing\n---\nbody\n", "{}", 3, "body\n", "", ""},
	{"unclosed", "---\ntitle: U\n", "nil-map", 0, "", "content/a.md:1: front matter is not closed", ""},
	{"no front matter", "no front matter at all\n---\n", "{}", 0, "no front matter at all\n---\n", "", ""},
	{"leading blank lines, no front matter", "\n\ntext\n", "{}", 0, "\n\ntext\n", "", ""},
	{"empty file", "", "{}", 0, "", "", ""},
	// A byte-order mark is not part of the file's text.
	{"bom", "\ufeff---\ntitle: BOM\n---\nbody", "{\"title\":\"BOM\"}", 3, "body", "", ""},
	{"crlf", "---\r\ntitle: A\r\ntags: [a]\r\n---\r\nbody\r\n", "{\"tags\":[\"a\"] \"title\":\"A\"}", 4, "body\r\n", "", ""},
	{"delimiters with spaces", "---  \ntitle: A\n  ---\nbody\n", "{\"title\":\"A\"}", 3, "body\n", "", ""},
	{"body with rule", "---\ntitle: A\n---\n\nintro\n\n---\n\nmore\n", "{\"title\":\"A\"}", 3, "\nintro\n\n---\n\nmore\n", "", ""},
	{"closing at eof", "---\ntitle: A\n---", "{\"title\":\"A\"}", 2, "", "", ""},
	{"toml", "+++\ntitle = \"A\"\ndate = 2026-01-02\ndraft = true\n+++\nbody\n", "{\"date\":time.Time(2026-01-02 00:00:00 +0000 date-local) \"draft\":bool(true) \"title\":\"A\"}", 5, "body\n", "", ""},
	{"toml duplicate", "+++\ntitle = \"B\"\ntitle = \"C\"\n+++\n", "nil-map", 0, "", "content/a.md:3:1: front matter: Key 'title' has already been defined.", ""},
	{"toml bad", "+++\ntitle = \"Z\"\ndate = \n+++\n", "nil-map", 0, "", "content/a.md:3:8: front matter: expected value but found '\\n' instead", ""},
	{"json", "{\n\"title\": \"A\",\n\"weight\": 3,\n\"price\": 19.90\n}\nbody\n", "{\"price\":float64(19.9) \"title\":\"A\" \"weight\":float64(3)}", 5, "body\n", "", ""},
	{"json duplicate", "{\n\"title\": \"B\",\n\"title\": \"C\"\n}\n", "nil-map", 0, "", "content/a.md:3:1: front matter: duplicate key \"title\"", ""},
	{"json bad", "{\n\"title\": }\n", "nil-map", 0, "", "content/a.md:1: front matter is not closed", ""},
	{"json one line", "{\"title\": \"A\"}\nbody\n", "{}", 0, "{\"title\": \"A\"}\nbody\n", "", ""},
	{"yaml inside json delimiters", "\n{\n\"a\": [1,\n}\n", "nil-map", 0, "", "content/a.md:4:1: front matter: invalid character '}' looking for beginning of value", ""},
	{"long key", "---\nkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1\n---\n", "nil-map", 0, "", "content/a.md:1: front matter: mapping values are not allowed in this context", ""},
	{"control character", "---\ntitle: \"a\x01\"\n---\n", "nil-map", 0, "", "content/a.md:1: front matter: control characters are not allowed", ""},
	{"null key", "---\n~: a\nnull: b\n---\n", "nil-map", 0, "", "content/a.md:3:1: front matter: duplicate key \"\"", "{\"\":\"b\"}|4|\"\"|content/a.md:3:1: front matter: duplicate key \"\""},
	{"merge of scalar", "---\na:\n  <<: 1\n---\n", "nil-map", 0, "", "content/a.md:1: front matter: map merge requires map or sequence of maps as the value", ""},
	{"flow map", "---\na: {x: 1, x: 2}\n---\n", "nil-map", 0, "", "content/a.md:2:11: front matter: duplicate key \"x\"", "{\"a\":{\"x\":int(2)}}|3|\"\"|content/a.md:2:11: front matter: duplicate key \"x\""},
	{"explicit tags", "---\na: !!int \"3\"\nb: !!float 1\nc: !!bool yes\nd: !!timestamp 2026-01-02\n---\n", "{\"a\":int(3) \"b\":float64(1) \"c\":bool(true) \"d\":\"2026-01-02\"}", 6, "", "", ""},
	{"bad explicit tag", "---\na: !!int abc\n---\n", "nil-map", 0, "", "content/a.md:1: front matter: cannot decode !!str `abc` as a !!int", ""},
	{"custom tag", "---\na: !foo bar\n---\n", "{\"a\":\"bar\"}", 3, "", "", ""},
	// yaml.v3's parser errors are counted from 1 like its scanner's: the
	// line of the list or map left open, or of the problem.
	{"key expected", "---\na: 1\n- b\n---\n", "nil-map", 0, "", "content/a.md:3: front matter: did not find expected key", ""},
	{"key expected in nested map", "---\na:\n  b: 1\n c: 2\n---\n", "nil-map", 0, "", "content/a.md:4: front matter: did not find expected key", ""},
	{"sequence left open", "---\na: 1\nb:\n  - x\n  y: 2\n---\n", "nil-map", 0, "", "content/a.md:4: front matter: did not find expected '-' indicator", ""},
	{"colon expected", "---\nkey: value\nkey2 value2\nkey3: v\n---\n", "nil-map", 0, "", "content/a.md:3: front matter: could not find expected ':'", ""},
	{"unclosed quote", "---\na: \"unclosed\nb: 1\n---\n", "nil-map", 0, "", "content/a.md:4: front matter: found unexpected end of stream", ""},
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, err := Parse("content/a.md", []byte(tc.src))
			tolerant := ""
			if err == nil && len(r.Duplicates) > 0 {
				tolerant = fmt.Sprintf("%s|%d|%q|%s", dumpValue(r.Keys), r.Lines, r.Body, r.Duplicates.Error())
				err, r = &r.Duplicates[0], Result{}
			}
			got := fmt.Sprintf("%s|%d|%q|%s", dumpValue(r.Keys), r.Lines, r.Body, errString(err))
			want := fmt.Sprintf("%s|%d|%q|%s", tc.keys, tc.lines, tc.body, tc.err)
			if got != want || tolerant != tc.tolerant {
				t.Errorf("got  %s\nwant %s\ntolerant %s\nwant     %s", got, want, tolerant, tc.tolerant)
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// dumpValue prints a decoded value with the Go type of every scalar, and
// a map's keys in order, so that a test tells int from int64, and "1"
// from 1.
func dumpValue(v any) string {
	switch t := v.(type) {
	case map[string]any:
		if t == nil {
			return "nil-map"
		}
		keys := slices.Sorted(maps.Keys(t))
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%q:%s", k, dumpValue(t[k]))
		}
		return "{" + strings.Join(parts, " ") + "}"
	case []any:
		parts := make([]string, len(t))
		for i, e := range t {
			parts[i] = dumpValue(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case nil:
		return "nil"
	case string:
		return fmt.Sprintf("%q", t)
	}
	return fmt.Sprintf("%T(%v)", v, v)
}
