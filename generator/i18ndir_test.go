package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// TestI18nDirErrors: an i18nDir that is not a folder inside the site is
// an error at its line and column (hugocompat/i18n-dir.txtar has one that is).
func TestI18nDirErrors(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"/etc", "..", "../strings", "strings/../../x", "."} {
		_, err := tryBuild(t, "-- hugo.toml --\ntitle = 'T'\ni18nDir = '"+dir+"'\n-- content/a.md --\n# A\n")
		want := `hugo.toml:2:1: i18nDir "` + dir + `" must be a folder inside the site`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("i18nDir %q: %v, want %s", dir, err, want)
		}
	}
}

// TestI18nDirCache: a build that reuses cached pages still sees an edit
// of the string files of i18nDir.
func TestI18nDirCache(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, "-- hugo.toml --\ntitle = 'T'\ni18nDir = 'lang/strings'\n-- lang/strings/en.toml --\nhello = \"Hello\"\n"+
		"-- layouts/_default/single.html --\n<p>{{ lang.Translate \"hello\" }}</p>\n-- content/a.md --\n---\ntitle: A\n---\n-- content/b.md --\n---\ntitle: B\n---\n")
	work := t.TempDir()
	opts := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: testNow}
	page := func() string {
		t.Helper()
		if _, err := generator.Build(opts); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(opts.Dest, "a", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := page(); !strings.Contains(got, "<p>Hello</p>") {
		t.Fatalf("first build: %s", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "lang", "strings", "en.toml"), []byte("hello = \"Hi\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := page(); !strings.Contains(got, "<p>Hi</p>") {
		t.Errorf("a/index.html after the edit of lang/strings/en.toml: %s", got)
	}
}
