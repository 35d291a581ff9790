package wpimport_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportSlugNames: a post_name with capitals, spaces or symbols is
// written under the name the generator builds it at (Hugo's urlize), so
// that a ?p= link to it, rewritten to its planned path, reaches the
// page; one of only dots is no path segment.
func TestImportSlugNames(t *testing.T) {
	t.Parallel()
	post := func(id, name, body string) string {
		return "<title>T" + id + "</title><link>https://edge.example/?p=" + id + "</link><wp:post_id>" + id +
			"</wp:post_id><wp:post_name>" + name + "</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>" +
			"<wp:post_date>2024-01-0" + id + " 10:00:00</wp:post_date><content:encoded><![CDATA[" + body + "]]></content:encoded>"
	}
	dir, public, _ := importString(t, wxr(
		post("1", "Black%20Friday+Deals%21", "Deals body."),
		post("2", "linker", `See <a href="https://edge.example/?p=1">the deals</a>.`),
		post("3", "..", "Dots body."),
	))
	for file, want := range map[string]string{
		"content/posts/black-fridaydeals.md": "Deals body.",
		"content/posts/untitled.md":          "Dots body.",
	} {
		if got := read(t, filepath.Join(dir, filepath.FromSlash(file))); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", file, want, got)
		}
	}
	linker := read(t, filepath.Join(public, "posts", "linker", "index.html"))
	if !strings.Contains(linker, `href="/posts/black-fridaydeals/"`) {
		t.Fatalf("the ?p=1 link is not /posts/black-fridaydeals/:\n%s", linker)
	}
	if _, err := os.Stat(filepath.Join(public, "posts", "black-fridaydeals", "index.html")); err != nil {
		t.Errorf("the page the link names is not built: %v", err)
	}
}
