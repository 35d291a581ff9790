package generator_test

import (
	"strings"
	"testing"
)

// TestSectionTitleSiteTOML: on a site.toml site a section without an
// _index.md title is titled after its folder humanised, not pluralised
// unless site.toml says pluralizeListTitles = true; an _index.md title
// wins either way (hugocompat/list-titles-*.txtar have Hugo's).
func TestSectionTitleSiteTOML(t *testing.T) {
	t.Parallel()
	const pages = "-- layouts/_default/list.html --\nLIST {{ .Title }}\n" +
		"-- content/buying-guide/a.md --\n# A\n-- content/box/a.md --\n# A\n" +
		"-- content/post/_index.md --\n---\ntitle: Latest\n---\n-- content/post/a.md --\n# A\n"
	for _, tc := range []struct {
		config string
		want   map[string]string
	}{
		{"", map[string]string{"buying-guide": "Buying guide", "box": "Box", "post": "Latest"}},
		{"pluralizeListTitles = false\n", map[string]string{"buying-guide": "Buying guide", "box": "Box", "post": "Latest"}},
		{"pluralizeListTitles = true\n", map[string]string{"buying-guide": "Buying guides", "box": "Boxes", "post": "Latest"}},
	} {
		b := buildSite(t, "-- site.toml --\ntitle = 'T'\n"+tc.config+pages)
		for dir, title := range tc.want {
			if got := strings.TrimSpace(b.file(t, dir+"/index.html")); got != "LIST "+title {
				t.Errorf("%q: %s/ is %q, want %q", tc.config, dir, got, "LIST "+title)
			}
		}
	}
}

// TestPluralizeListTitlesType: pluralizeListTitles must be true or
// false, an error at its line otherwise.
func TestPluralizeListTitlesType(t *testing.T) {
	t.Parallel()
	_, err := tryBuild(t, "-- hugo.toml --\ntitle = 'T'\npluralizeListTitles = 'yes'\n-- content/post/a.md --\n# A\n")
	if err == nil || !strings.Contains(err.Error(), "hugo.toml:2") || !strings.Contains(err.Error(), "pluralizeListTitles") {
		t.Fatalf("got %v, want an error at hugo.toml:2 about pluralizeListTitles", err)
	}
}
