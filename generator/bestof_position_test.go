package generator_test

import (
	"strings"
	"testing"
)

// TestBestOfFrontMatterErrorLine: a best_of item of the front matter
// that names no program is an error at the item's line and column in the
// file, for a content page and a section's _index.md alike.
func TestBestOfFrontMatterErrorLine(t *testing.T) {
	t.Parallel()
	front := "---\ntitle: Best\nbest_of:\n  - program: acme\n  - program: acmee\n---\n{{< best-of >}}\n"
	for _, file := range []string{"content/best.md", "content/posts/_index.md"} {
		site := "-- site.toml --\nbaseURL = \"https://example.org/\"\n" + acmeProgram + "-- " + file + " --\n" + front
		_, err := tryBuild(t, site)
		want := file + `:5:5: shortcode "best-of": unknown program "acmee" in front matter best_of (item 2) (did you mean "acme"?)`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %s", file, err, want)
		}
	}
}
