package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/generator"
)

// i18nSite is a two-language Hugo site whose theme and site both have
// string files; the theme's layout prints every kind of call.
const i18nSite = `
-- hugo.toml --
baseURL = "https://example.org/"
title = "T"
theme = "t"
defaultContentLanguage = "en"
%s
[languages.en]
weight = 1
[languages.fr]
weight = 2
-- i18n/en.toml --
hello = "Hello"
readMore = "Read more"
[wordCount]
one = "{{ .Count }} word"
other = "{{ .Count }} words"
[greet]
other = "Hi {{ .Name }}, {{ .Count }} new"
-- i18n/fr.yaml --
hello: Bonjour
wordCount:
  one: "{{ .Count }} mot"
  other: "{{ .Count }} mots"
-- themes/t/i18n/en.toml --
hello = "Theme hello"
themeOnly = "From the theme"
-- themes/t/layouts/_default/single.html --
<p>hello=[{{ T "hello" }}] more=[{{ i18n "readMore" }}] theme=[{{ T "themeOnly" }}]
wc1=[{{ T "wordCount" 1 }}] wc2=[{{ T "wordCount" 2 }}] wcPage=[{{ T "wordCount" .WordCount }}]
greet=[{{ T "greet" (dict "Count" 2 "Name" "Ann") }}] nope=[{{ T "nope" }}]</p>
-- themes/t/layouts/_default/list.html --
<p>{{ T "hello" }}</p>
-- content/posts/a.md --
---
title: A
---
One two three.
-- content/posts/a.fr.md --
---
title: A
---
Un deux.
`

// TestI18nPerLanguage: each language's pages get their language's
// strings, the site's winning over the theme's, with CLDR plurals, a
// count and a dict; a string a language lacks is the default
// language's, one that none has is empty; and the build gives one
// warning listing them.
func TestI18nPerLanguage(t *testing.T) {
	t.Parallel()
	b := buildSite(t, strings.Replace(i18nSite, "%s", "", 1))
	assertFile(t, b, "posts/a/index.html", "hello=[Hello] more=[Read more] theme=[From the theme]",
		"wc1=[1 word] wc2=[2 words] wcPage=[3 words]", "greet=[Hi Ann, 2 new] nope=[]")
	assertFile(t, b, "fr/posts/a/index.html", "hello=[Bonjour] more=[Read more] theme=[From the theme]",
		"wc1=[1 mot] wc2=[2 mots] wcPage=[2 mots]", "greet=[Hi Ann, 2 new] nope=[]")
	assertFile(t, b, "fr/posts/index.html", "<p>Bonjour</p>")
	var i18nWarnings []string
	for _, w := range warningStrings(b) {
		if strings.HasPrefix(w, "i18n: ") {
			i18nWarnings = append(i18nWarnings, w)
		}
	}
	want := `i18n: 4 translations missing from the string files: "greet" (fr: the default language's text is shown), ` +
		`"nope" (en, fr), "readMore" (fr: the default language's text is shown), "themeOnly" (fr: the default language's text is shown)`
	if len(i18nWarnings) != 1 || i18nWarnings[0] != want {
		t.Errorf("i18n warnings:\n%s\nwant:\n%s", strings.Join(i18nWarnings, "\n"), want)
	}
}

// TestI18nPlaceholders: with enableMissingTranslationPlaceholders a
// string the page's language lacks is "[i18n] id", even where the
// default language has it (Hugo 0.111's output), and the setting is
// not listed as unused.
func TestI18nPlaceholders(t *testing.T) {
	t.Parallel()
	b := buildSite(t, strings.Replace(i18nSite, "%s", "enableMissingTranslationPlaceholders = true", 1))
	assertFile(t, b, "posts/a/index.html", "hello=[Hello] more=[Read more]", "nope=[[i18n] nope]")
	assertFile(t, b, "fr/posts/a/index.html", "hello=[Bonjour] more=[[i18n] readMore] theme=[[i18n] themeOnly]", "nope=[[i18n] nope]")
	if w := strings.Join(warningStrings(b), "\n"); !strings.Contains(w, "i18n: ") || strings.Contains(w, "enableMissingTranslationPlaceholders") {
		t.Errorf("warnings, which should list the missing strings and not the setting as unused:\n%s", w)
	}
}

// TestI18nOneLanguage: a site without [languages] uses the default
// language's file (en.toml, or defaultContentLanguage's, any case), and
// a page with no string files at all gets empty text and a warning.
func TestI18nOneLanguage(t *testing.T) {
	t.Parallel()
	layout := "-- layouts/_default/single.html --\n<p>[{{ T \"hello\" }}] [{{ T \"posts\" 1 }}] [{{ T \"posts\" 0 }}]</p>\n-- content/a.md --\n---\ntitle: A\n---\n"
	for _, tc := range []struct{ name, files, want string }{
		{"en", "-- hugo.toml --\ntitle = \"T\"\n-- i18n/en.json --\n{\"hello\": \"Hi\", \"posts\": {\"one\": \"one post\", \"other\": \"{{ .Count }} posts\"}}\n", "<p>[Hi] [one post] [0 posts]</p>"},
		{"pt-BR", "-- hugo.toml --\ndefaultContentLanguage = \"pt-br\"\n-- i18n/PT-BR.yml --\nhello: Olá\nposts:\n  one: \"{{ .Count }} artigo\"\n  other: \"{{ .Count }} artigos\"\n", "<p>[Olá] [1 artigo] [0 artigo]</p>"},
		{"legacy list", "-- hugo.toml --\n-- i18n/en.yaml --\n- id: hello\n  translation: Hey\n- id: posts\n  translation:\n    one: a post\n    other: \"{{ .Count }} posts\"\n", "<p>[Hey] [a post] [0 posts]</p>"},
		{"no files", "-- hugo.toml --\n", "<p>[] [] []</p>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := buildSite(t, tc.files+layout)
			assertFile(t, b, "a/index.html", tc.want)
		})
	}
}

// TestI18nFileErrors: a string file that cannot be read stops the
// build with its place.
func TestI18nFileErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, file, text, want string }{
		{"toml syntax", "i18n/en.toml", "a = \"x\"\nb = \n", "i18n/en.toml:2:5: expected value"},
		{"yaml syntax", "i18n/en.yaml", "a: x\n  b: [\n", "i18n/en.yaml:2:"},
		{"json syntax", "i18n/en.json", "{\"a\": \"x\",\n \"b\": }\n", "i18n/en.json:2:7: invalid character"},
		{"a number", "i18n/en.toml", "a = \"x\"\n\n  count = 3\n", `i18n/en.toml:3:3: count: a translation is text, or a table of plural forms (one, other…), not 3`},
		{"a nested number", "themes/t/i18n/fr.yaml", "x:\n  other: hi\ny:\n  one: 1\n", `themes/t/i18n/fr.yaml:4:3: y.one: a translation is text`},
		{"not a string file", "i18n/en.txt", "hello\n", "i18n/en.txt: not a string file"},
		{"not a language", "i18n/toolongname12.toml", "a = \"b\"\n", `i18n/toolongname12.toml:1:1: "toolongname12" is not a language code`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tryBuild(t, "-- hugo.toml --\ntheme = \"t\"\n-- content/a.md --\n-- "+tc.file+" --\n"+tc.text)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if d := diag.Of(err); len(d) != 1 || d[0].Line == 0 && !strings.HasPrefix(tc.name, "not a string") {
				t.Errorf("diagnostics %+v, want one with its line", d)
			}
		})
	}
}

// TestI18nCacheKeepsWarning: a build that reuses cached pages still
// warns of the strings they lack, and an edit of i18n/ reaches every
// page.
func TestI18nCacheKeepsWarning(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, `
-- hugo.toml --
title = "T"
-- i18n/en.toml --
hello = "Hello"
-- layouts/_default/single.html --
<p>[{{ T "hello" }}] [{{ T "nope" }}]</p>
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
---
`)
	work := t.TempDir()
	opts := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: testNow}
	warning := func(rep *generator.Report) string {
		for _, w := range rep.Warnings {
			if w.File == "i18n" {
				return w.Message
			}
		}
		return ""
	}
	first, err := generator.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "b.md"), []byte("---\ntitle: B2\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := generator.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if second.Reused == 0 {
		t.Fatal("the second build reused no page: the test tests nothing")
	}
	if w := warning(first); w != `1 translation missing from the string files: "nope" (en)` || warning(second) != w {
		t.Errorf("warnings: first %q, second %q", w, warning(second))
	}
	if err := os.WriteFile(filepath.Join(dir, "i18n", "en.toml"), []byte("hello = \"Hi\"\nnope = \"Yes\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	third, err := generator.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if w := warning(third); w != "" {
		t.Errorf("warning after the strings were added: %q", w)
	}
	page, err := os.ReadFile(filepath.Join(opts.Dest, "a", "index.html"))
	if err != nil || !strings.Contains(string(page), "<p>[Hi] [Yes]</p>") {
		t.Errorf("a/index.html after the i18n edit: %s %v", page, err)
	}
}

// TestI18nSession: the preview session rebuilds after an edit of
// i18n/, with the new strings.
func TestI18nSession(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, "-- hugo.toml --\n-- i18n/en.toml --\nhello = \"Hello\"\n-- layouts/_default/single.html --\n<p>{{ T \"hello\" }}</p>\n-- content/a.md --\n---\ntitle: A\n---\n")
	sess := generator.NewSession(generator.Options{Source: dir, Now: testNow})
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "i18n", "en.toml"), []byte("hello = \"Howdy\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rr, err := sess.Rebuild([]string{"i18n/en.toml"})
	if err != nil {
		t.Fatal(err)
	}
	page, _ := sess.Files().File("a/index.html")
	if !strings.Contains(string(page), "<p>Howdy</p>") || !strings.Contains(strings.Join(rr.Changed, " "), "a/index.html") {
		t.Errorf("after the edit: %s (changed %v)", page, rr.Changed)
	}
}
