package generator_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// bodySite's post b has a summary and more text after it; a template
// shows b's rendered body to the other pages.
var bodySite = strings.Replace(readsAllSite, "B.\n", "B.\n\n<!--more-->\n\nB more.\n", 1)

// A template that shows another page's rendered body (.Content,
// .ReadingTime of GetPage's result, of a page a list card ranges over)
// shows it as edited after a serve rebuild and a warm build, as after a
// clean build, even when the edit leaves the page's list facts (title,
// summary) as they were; a page's layout shows it whichever worker
// rendered the page, in every clean build. A content page that shows
// another's body rebuilds all (the default theme's do not:
// TestDefaultThemeShowsNoOtherBody).
func TestOtherPagesBodyEqualsClean(t *testing.T) {
	t.Parallel()
	get := `{{ with .Site.GetPage "/posts/b" }}{{ .Content }}|{{ .WordCount }}|{{ .ReadingTime }}{{ end }}`
	runs := []struct {
		name, site string
		full       bool // a content page shows b's body: every edit rebuilds all
		shows      bool // a's page shows b's body
	}{
		{"page layout", bodySite + "-- layouts/_default/single.html --\n{{ .Title }}: " + get + "\n", true, true},
		{"partial", bodySite + "-- layouts/_default/single.html --\n{{ .Title }}: {{ partial \"b.html\" . }}\n-- layouts/partials/b.html --\n" + get + "\n", true, true},
		{"shortcode", strings.Replace(bodySite, "A.\n", "A {{< b >}}.\n", 1) + "-- layouts/shortcodes/b.html --\n" + strings.ReplaceAll(get, ".Site.", ".Page.Site.") + "\n", true, false},
		{"list layout's pager", bodySite + "-- layouts/_default/list.html --\n{{ .Title }}: {{ range .Paginator.Pages }}{{ .Content }}|{{ .WordCount }},{{ end }}\n", false, false},
		{"list layout via GetPage", bodySite + "-- layouts/_default/list.html --\n{{ .Title }}: " + get + "\n", false, false},
		{"list card", strings.Replace(bodySite, "CARD", `{{ range .Site.RegularPages }}{{ .Content }}{{ .WordCount }},{{ end }}`, 1), false, false},
	}
	edits := []readsAllEdit{
		// The same number of words, so the word count stays as it was.
		{"body after the summary", "content/posts/b.md", "B more.", "B mare."},
		{"summary", "content/posts/b.md", "B.\n", "Bee.\n"},
		{"body again", "content/posts/b.md", "B mare.", "B mere."},
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			site := strings.Replace(r.site, "CARD", "", 1)
			if r.shows {
				clean := generator.NewMemOutput()
				opts := generator.Options{Source: writeSite(t, site), Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), Output: clean}
				if _, err := generator.Build(opts); err != nil {
					t.Fatal(err)
				}
				if a, _ := clean.File("posts/a/index.html"); !strings.Contains(string(a), "<p>B more.</p>") {
					t.Errorf("a's page does not show b's body:\n%s", a)
				}
			}
			checkEditsEqualClean(t, site, edits, r.full)
		})
	}
}
