package wpimport_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// The fixture's menus, captions, srcsets and category archives, built:
// the primary menu is the site's main menu (a page without a title of
// its own takes the page's, a child under its parent, a category to its
// list page), the footer menu keeps its name, an item whose post is not
// in the export is left out and reported; [caption] is a figure; srcset
// candidates point at the copied files; category archives answer 301.
func TestImportMenusCaptionsRedirects(t *testing.T) {
	t.Parallel()
	dir, _ := importFixture(t)
	cfg := read(t, filepath.Join(dir, "site.toml"))
	for _, want := range []string{
		"[[menus.main]]\nname = \"Home\"\nurl = \"/\"\nweight = 1\nidentifier = \"wp-301\"\n",
		"[[menus.main]]\nname = \"Services\"\nurl = \"/services/\"\nweight = 2\nidentifier = \"wp-302\"\n",
		"[[menus.main]]\nname = \"Audits\"\nurl = \"/services/audits/\"\nweight = 3\nidentifier = \"wp-303\"\nparent = \"wp-302\"\n",
		"[[menus.main]]\nname = \"Reviews\"\nurl = \"/categories/reviews/\"\nweight = 4\n",
		"[[menus.main]]\nname = \"Kartra\"\nurl = \"/2024/05/kartra-review/\"\n",
		"[[menus.footer]]\nname = \"ClickFunnels\"\nurl = \"/reviews/clickfunnels-review/\"\n", // a ?p= link, rewritten
	} {
		if !strings.Contains(cfg, want) {
			t.Errorf("site.toml lacks %q:\n%s", want, cfg)
		}
	}
	if strings.Contains(cfg, "Old post") {
		t.Errorf("a menu item to a post the export lacks was imported:\n%s", cfg)
	}
	report := read(t, filepath.Join(dir, "import-report.md"))
	for _, want := range []string{
		"menu item 306 links to post 999, which was not imported: left out",
		"- menu items: 1 of 7 (see site.toml below)",
		"3 permanent (301) redirects in static/_redirects",
		"- 2 srcset attributes rewritten to the copied files",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	md := read(t, filepath.Join(dir, "content/posts/kartra-review.md"))
	// The 300x200 candidate is not in the uploads copy: left out, not
	// pointed at the original with a width it does not have.
	if want := `<figure><img src="/wp-content/uploads/2024/05/kartra-shot.png" alt="Kartra dashboard" width="600" srcset="/wp-content/uploads/2024/05/kartra-shot.png 600w" sizes="(max-width: 600px) 100vw, 600px"/><figcaption>The Kartra dashboard</figcaption></figure>`; !strings.Contains(md, want) {
		t.Errorf("kartra-review.md lacks the caption's figure %s:\n%s", want, md)
	}
	cf := read(t, filepath.Join(dir, "content/posts/clickfunnels-review.md"))
	if want := `srcset="/wp-content/uploads/2024/05/kartra-shot.png 600w, /wp-content/uploads/2024/05/feature.jpg 1200w"`; !strings.Contains(cf, want) {
		t.Errorf("clickfunnels-review.md lacks %s:\n%s", want, cf)
	}

	public := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Source: dir, Dest: public, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatalf("build: %v", err)
	}
	home := read(t, filepath.Join(public, "index.html"))
	for _, want := range []string{`<a href="/services/">Services</a>`, `<a href="/services/audits/">Audits</a>`, `<a href="/categories/reviews/">Reviews</a>`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page navigation lacks %s", want)
		}
	}
	redirects := read(t, filepath.Join(public, "_redirects"))
	for from, to := range map[string]string{
		"/category/reviews/":              "/categories/reviews/",
		"/category/reviews/kaffee-tools/": "/categories/kaffee-tools/", // a child category under its parent's slug
		"/tag/email/":                     "/tags/email/",
	} {
		if !strings.Contains(redirects, from+" "+to+" 301\n") {
			t.Errorf("_redirects lacks %s → %s:\n%s", from, to, redirects)
		}
		if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(to), "index.html")); err != nil {
			t.Errorf("redirect target %s does not answer: %v", to, err)
		}
	}
	kartra := read(t, filepath.Join(public, "2024/05/kartra-review/index.html"))
	if !strings.Contains(kartra, "<figcaption>The Kartra dashboard</figcaption></figure>") {
		t.Errorf("the built page lacks the caption's figure")
	}
}
