package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestMissingWarnings: one warning lists the missing strings, each once
// with its languages, however often they were asked for; another lists
// the texts that failed, each reason once with its languages.
func TestMissingWarnings(t *testing.T) {
	t.Parallel()
	tables := testTables(t)
	ms := &Missing{}
	en, fr, de := tables.Translator("en", false, ms), tables.Translator("FR", false, ms), tables.Translator("de", false, ms)
	for range 3 {
		en.Translate("nope", nil)
		fr.Translate("nope", nil)
		fr.Translate("readMore", nil)
		de.Translate("nope", nil)
		en.Translate("wordCount", 1.5) // .Count of a float: the text fails
		fr.Translate("wordCount", 2.5)
		en.Translate("hello", nil)
	}
	var got []string
	for _, w := range ms.Warnings() {
		got = append(got, w.Error())
	}
	want := []string{
		`i18n: 2 translations missing from the string files: "nope" (de, en, fr), "readMore" (fr: the default language's text is shown)`,
		`i18n: 1 translation could not be made, shown as empty text: "wordCount" (en, fr): template: :1:3: executing "" at <.Count>: can't evaluate field Count in type float64`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if w := (&Missing{}).Warnings(); len(w) != 0 {
		t.Errorf("an empty Missing warns: %v", w)
	}
}

// TestPluralCount: where the count comes from, as Hugo finds it.
func TestPluralCount(t *testing.T) {
	t.Parallel()
	type withField struct{ Count int }
	for _, tc := range []struct {
		data any
		want any
	}{
		{nil, nil}, {3, 3}, {int64(2), 2}, {uint8(4), 4}, {1.5, "1.5"}, {2.0, "2.0"}, {float32(0.5), "0.5"},
		{"7", "7"}, {"seven", nil}, {true, 1}, {false, 0},
		{map[string]any{"count": 2}, 2}, {map[string]any{"Name": "x"}, nil},
		{withField{5}, 5}, {&withField{6}, 6}, {intCount(8), 8}, {[]int{1}, nil},
	} {
		if got := pluralCount(tc.data); got != tc.want {
			t.Errorf("pluralCount(%#v) = %#v, want %#v", tc.data, got, tc.want)
		}
	}
}

// TestLoadForms: a language CLDR has no plural rules for, a subfolder,
// hidden files, an empty file and a site file over a theme's.
func TestLoadForms(t *testing.T) {
	t.Parallel()
	site := fstest.MapFS{
		"tlh.toml":        {Data: []byte("hello = \"nuqneH\"\n")},
		"more/EN-us.yaml": {Data: []byte("hello: Howdy\nnested:\n  deep:\n    key: Deep\n")},
		".DS_Store":       {Data: []byte{0, 1, 2}},
		".git/config":     {Data: []byte("x")},
		"fr.json":         {Data: []byte("  \n")},
		"en.toml":         {Data: []byte("hello = \"Hello\"\n")},
		"es.yml":          {Data: []byte("mixed:\n  other: Mixto\n  note: dropped\n")},
	}
	theme := fstest.MapFS{"en.toml": {Data: []byte("hello = \"Theme\"\nthemeOnly = \"T\"\n")}}
	tables, err := Load([]Dir{{FS: site, Name: "i18n"}, {FS: theme, Name: "themes/t/i18n"}}, "en", testDecode)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tables.Languages(), " "); got != "en en-us es tlh" {
		t.Errorf("languages %q", got)
	}
	for _, tc := range []struct{ lang, id, want string }{
		{"tlh", "hello", "nuqneH"}, {"en-US", "hello", "Howdy"}, {"en-us", "nested.deep.key", "Deep"},
		{"en", "hello", "Hello"}, {"en", "themeOnly", "T"}, {"es", "mixed", "Mixto"}, {"fr", "hello", "Hello"},
	} {
		if got := tables.Translator(tc.lang, false, nil).Translate(tc.id, nil); got != tc.want {
			t.Errorf("%s %s = %q, want %q", tc.lang, tc.id, got, tc.want)
		}
	}
}

// TestT: T's arguments.
func TestT(t *testing.T) {
	t.Parallel()
	tr := testTables(t).Translator("en", false, nil)
	if _, err := tr.T("hello", 1, 2); err == nil {
		t.Error("T with three arguments: no error")
	}
	if got, err := tr.T([]int{1}); got != "" || err != nil {
		t.Errorf("T of a list = %q, %v", got, err)
	}
	if got, _ := tr.T("wordCount", 2); got != "2 words" {
		t.Errorf("T wordCount 2 = %q", got)
	}
}

// FuzzLoad: no string file makes Load panic or hang.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{"hello = \"x\"\n", "[a]\none = \"{{ .Count }}\"\n", "- id: a\n  translation: b\n", "{\"a\": {\"other\": 1}}", "a: [1, 2]\n", "x: {{"} {
		f.Add(seed, ".toml")
		f.Add(seed, ".yaml")
		f.Add(seed, ".json")
	}
	f.Fuzz(func(t *testing.T, text, ext string) {
		fsys := fstest.MapFS{"en" + ext: {Data: []byte(text)}}
		tables, err := Load([]Dir{{FS: fsys, Name: "i18n"}}, "en", testDecode)
		if err == nil {
			tables.Translator("en", true, &Missing{}).Translate("a", 2)
		}
	})
}

// TestRegionalDefault: a default language with a region (en-GB) is
// still the fallback of the others. (Hugo 0.111 shows "" there; the
// README says so.)
func TestRegionalDefault(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"en-GB.yaml": {Data: []byte("a: Colour\n")}, "fr.yaml": {Data: []byte("b: B\n")}}
	tables, err := Load([]Dir{{FS: fsys, Name: "i18n"}}, "en-gb", testDecode)
	if err != nil {
		t.Fatal(err)
	}
	ms := &Missing{}
	if got := tables.Translator("fr", false, ms).Translate("a", nil); got != "Colour" {
		t.Errorf("fr a = %q, want en-gb's Colour", got)
	}
	if m := ms.Misses(); len(m) != 1 || !m[0].Fallback {
		t.Errorf("misses %+v, want fr's a, with the default's text", m)
	}
}
