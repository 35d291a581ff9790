package wpimport_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/wpimport"
)

// wxr is a minimal WXR 1.2 export of the given <item> bodies.
func wxr(items ...string) string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Edge cases</title>
<link>https://edge.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
`)
	for _, it := range items {
		sb.WriteString("<item>" + it + "</item>\n")
	}
	sb.WriteString("</channel>\n</rss>\n")
	return sb.String()
}

// importString imports src into a new folder and builds the result.
func importString(t *testing.T, src string) (dir, public string, rep *wpimport.Report) {
	t.Helper()
	tmp := t.TempDir()
	export := filepath.Join(tmp, "export.xml")
	if err := os.WriteFile(export, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	dir, public = filepath.Join(tmp, "site"), filepath.Join(tmp, "public")
	rep, err := wpimport.Import(wpimport.Options{Export: export, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := generator.Build(generator.Options{Source: dir, Dest: public, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatalf("build: %v", err)
	}
	return dir, public, rep
}

// Two posts with the same slug (WordPress keeps them apart by date in
// the permalink, or an export was edited by hand) both arrive: the
// second file and path get -2, and the report says so.
func TestImportDuplicateSlugs(t *testing.T) {
	t.Parallel()
	post := func(id, title, link string) string {
		return "<title>" + title + "</title><link>" + link + "</link><wp:post_id>" + id +
			"</wp:post_id><wp:post_name>same</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>" +
			"<wp:post_date>2024-01-0" + id + " 10:00:00</wp:post_date><content:encoded><![CDATA[Body of " + title + ".]]></content:encoded>"
	}
	dir, public, rep := importString(t, wxr(
		post("1", "First", "https://edge.example/?p=1"),
		post("2", "Second", "https://edge.example/?p=2"),
		post("3", "Third", "https://edge.example/2024/same/"),
		post("4", "Fourth", "https://edge.example/2023/same/"),
	))
	if rep.Posts != 4 {
		t.Errorf("%d posts imported, want 4", rep.Posts)
	}
	for file, want := range map[string]string{
		"content/posts/same.md":   "title: First",
		"content/posts/same-2.md": "title: Second",
		"content/posts/same-3.md": "url: /2024/same/",
		"content/posts/same-4.md": "url: /2023/same/",
	} {
		if got := read(t, filepath.Join(dir, filepath.FromSlash(file))); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", file, want, got)
		}
	}
	for page, want := range map[string]string{
		"posts/same/":   "Body of First.",
		"posts/same-2/": "Body of Second.",
		"2024/same/":    "Body of Third.",
		"2023/same/":    "Body of Fourth.",
	} {
		if got := read(t, filepath.Join(public, filepath.FromSlash(page), "index.html")); !strings.Contains(got, want) {
			t.Errorf("/%s does not show %q", page, want)
		}
	}
	report := read(t, filepath.Join(dir, "import-report.md"))
	for _, want := range []string{
		"- content/posts/same-2.md\n", `slug "same" is used twice; this one is written as -2`,
		"- content/posts/same-3.md\n", "this one is written as -3",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

// A parent page whose old path is not its folder's keeps it as an
// alias, and a forced 301 in _redirects (the build writes an alias page
// at a regular page's alias, which Netlify would serve instead of the
// rule).
func TestImportSectionAlias(t *testing.T) {
	t.Parallel()
	page := func(id, name, parent, link string) string {
		return "<title>" + name + "</title><link>" + link + "</link><wp:post_id>" + id + "</wp:post_id><wp:post_name>" + name +
			"</wp:post_name><wp:post_parent>" + parent + "</wp:post_parent><wp:post_type>page</wp:post_type><wp:status>publish</wp:status>" +
			"<content:encoded><![CDATA[Page " + name + ".]]></content:encoded>"
	}
	dir, public, rep := importString(t, wxr(
		page("1", "guides", "0", "https://edge.example/resources/guides/"),
		page("2", "email", "1", "https://edge.example/guides/email/"),
	))
	if idx := read(t, filepath.Join(dir, "content/guides/_index.md")); !strings.Contains(idx, "aliases:\n    - /resources/guides/\n") {
		t.Errorf("_index.md:\n%s", idx)
	}
	if rep.Redirects != 1 {
		t.Errorf("%d redirects, want 1", rep.Redirects)
	}
	if got := read(t, filepath.Join(public, "_redirects")); !strings.Contains(got, "/resources/guides/ /guides/ 301!\n") {
		t.Errorf("_redirects:\n%s", got)
	}
	// The build writes no alias page for a section (_index.md): on a host
	// without _redirects the old path does not answer yet.
	for _, p := range []string{"guides/", "guides/email/"} {
		if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(p), "index.html")); err != nil {
			t.Errorf("/%s does not answer: %v", p, err)
		}
	}
}

// An item without a title (nor a slug) is imported under a title that
// says so, at a path made from its id, and listed in the report.
func TestImportUntitled(t *testing.T) {
	t.Parallel()
	dir, public, _ := importString(t, wxr(
		"<title></title><wp:post_id>12</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"+
			"<wp:post_date>2024-02-01 10:00:00</wp:post_date><content:encoded><![CDATA[No title here.]]></content:encoded>",
		"<wp:post_id>13</wp:post_id><wp:post_name>no-title-element</wp:post_name><wp:post_type>page</wp:post_type><wp:status>publish</wp:status>",
	))
	post := read(t, filepath.Join(dir, "content/posts/post-12.md"))
	if !strings.Contains(post, "title: Untitled post 12\n") || !strings.Contains(post, "No title here.") {
		t.Errorf("post-12.md:\n%s", post)
	}
	if page := read(t, filepath.Join(dir, "content/no-title-element.md")); !strings.Contains(page, "title: Untitled page 13\n") {
		t.Errorf("no-title-element.md:\n%s", page)
	}
	if got := read(t, filepath.Join(public, "posts/post-12/index.html")); !strings.Contains(got, "Untitled post 12") {
		t.Errorf("/posts/post-12/ lacks its title")
	}
	report := read(t, filepath.Join(dir, "import-report.md"))
	for _, want := range []string{
		"- content/posts/post-12.md\n  - no title in the export; titled \"Untitled post 12\"",
		"- content/no-title-element.md\n  - no title in the export; titled \"Untitled page 13\"",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}
