package i18n

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/internal/values"
	"gopkg.in/yaml.v3"
)

// testDecode decodes a string file as the build's data reader does,
// without its positions (the generator's tests check those).
func testDecode(file, ext string, src []byte) (any, error) {
	var v any
	var err error
	switch ext {
	case ".toml":
		m := map[string]any{}
		_, err = toml.Decode(string(src), &m)
		v = m
	case ".json":
		err = json.Unmarshal(src, &v)
	default:
		err = yaml.Unmarshal(src, &v)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	return values.NormalizeValue(v), nil
}

// testTables loads testdata/site's string files (the site's i18n/ and
// the theme t's), English the default language.
func testTables(t *testing.T) *Tables {
	t.Helper()
	dirs := []Dir{
		{FS: os.DirFS("testdata/site/i18n"), Name: "i18n"},
		{FS: os.DirFS("testdata/site/themes/t/i18n"), Name: "themes/t/i18n"},
	}
	tables, err := Load(dirs, "en", testDecode)
	if err != nil {
		t.Fatal(err)
	}
	return tables
}

// call is one line of testdata/cases.txt.
type call struct {
	name, id string
	arg      any // nil for none
}

// readCases reads testdata/cases.txt.
func readCases(t *testing.T) map[string]call {
	t.Helper()
	f, err := os.Open("testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases := map[string]call{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.SplitN(line, " ", 3)
		cases[fields[0]] = call{name: fields[0], id: fields[1], arg: parseArg(t, fields[2])}
	}
	return cases
}

// parseArg reads an argument of cases.txt: int:3, dict:Count=2,Name=x…
func parseArg(t *testing.T, s string) any {
	if s == "-" {
		return nil
	}
	kind, v, _ := strings.Cut(s, ":")
	switch kind {
	case "int":
		n, _ := strconv.Atoi(v)
		return n
	case "float":
		f, _ := strconv.ParseFloat(v, 64)
		return f
	case "str":
		return v
	case "bool":
		return v == "true"
	case "dict":
		m := map[string]any{}
		for _, kv := range strings.Split(v, ",") {
			k, val, _ := strings.Cut(kv, "=")
			if n, err := strconv.Atoi(val); err == nil {
				m[k] = n
			} else {
				m[k] = val
			}
		}
		return m
	}
	t.Fatalf("cases.txt: bad argument %q", s)
	return nil
}

// TestHugo checks every call of cases.txt, in every language, against
// what hugo 0.111 gave for it (a scratch site of testdata/site's files
// with the languages en, fr, pt-br, de, ru, ja and es; de has no file).
func TestHugo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		expect       string
		placeholders bool
	}{{"testdata/hugo-0.111.txt", false}, {"testdata/hugo-0.111-placeholders.txt", true}} {
		t.Run(tc.expect, func(t *testing.T) {
			t.Parallel()
			tables, cases := testTables(t), readCases(t)
			src, err := os.ReadFile(tc.expect)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(string(src)), "\n")
			if len(lines) != 7*len(cases) {
				t.Fatalf("%s has %d lines, want %d", tc.expect, len(lines), 7*len(cases))
			}
			trs := map[string]*Translator{}
			for _, line := range lines {
				lang, rest, _ := strings.Cut(line, " ")
				name, want, _ := strings.Cut(rest, " ")
				want = strings.TrimSuffix(strings.TrimPrefix(want, "["), "]")
				if trs[lang] == nil {
					trs[lang] = tables.Translator(lang, tc.placeholders, &Missing{})
				}
				c, ok := cases[name]
				if !ok {
					t.Fatalf("%s: case %q not in cases.txt", tc.expect, name)
				}
				var args []any
				if c.arg != nil {
					args = []any{c.arg}
				}
				got, err := trs[lang].T(c.id, args...)
				if err != nil || got != want {
					t.Errorf("%s %s: T %q %v = %q, %v; hugo gives %q", lang, name, c.id, c.arg, got, err, want)
				}
			}
		})
	}
}
