package wpimport_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/check"
	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/sitetest"
	"github.com/affsite/affsite/wpimport"
)

// importFixture imports testdata/export.xml with both CSV exports and
// the uploads copy into a new folder.
func importFixture(t *testing.T) (string, *wpimport.Report) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	rep, err := wpimport.Import(wpimport.Options{
		Export: "testdata/export.xml", Dir: dir,
		Links:   []string{"testdata/thirstyaffiliates.csv", "testdata/prettylinks.csv"},
		Uploads: "testdata/uploads",
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir, rep
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestImportBuildCheck imports the fixture, builds it, checks it, and
// asserts that every old permalink and cloaked path answers.
func TestImportBuildCheck(t *testing.T) {
	t.Parallel()
	dir, rep := importFixture(t)
	if rep.Posts != 5 || rep.Pages != 2 || rep.Drafts != 2 || rep.Comments != 2 || rep.MenuItems != 7 || rep.MenuEntries != 6 {
		t.Errorf("report counts: %+v", rep)
	}
	public := filepath.Join(t.TempDir(), "public")
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	if _, err := generator.Build(generator.Options{Source: dir, Dest: public, Now: now}); err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, p := range []string{
		"2024/05/kartra-review/", "reviews/clickfunnels-review/", "2024/03/café-software/",
		"services/", "services/audits/",
		"recommends/kartra/", "recommends/kartra-pricing/", "go/clickfunnels/", "cloakme/",
	} {
		if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(p), "index.html")); err != nil {
			t.Errorf("old path /%s does not answer: %v", p, err)
		}
	}
	for _, p := range []string{"posts/members-only/index.html", "posts/unfinished-thoughts/index.html"} {
		if _, err := os.Stat(filepath.Join(public, p)); err == nil {
			t.Errorf("draft %s was published", p)
		}
	}
	redirects := read(t, filepath.Join(public, "_redirects"))
	for _, want := range []string{
		"/recommends/kartra/ https://kartra.com/?aff=ana 302\n",
		"/recommends/kartra-pricing/ https://kartra.com/pricing?aff=ana 301\n",
		"/go/clickfunnels/ https://www.clickfunnels.com/?aff_id=ana 307\n",
	} {
		if !strings.Contains(redirects, want) {
			t.Errorf("_redirects lacks %q:\n%s", want, redirects)
		}
	}
	kartra := read(t, filepath.Join(public, "2024/05/kartra-review/index.html"))
	for _, want := range []string{
		`<a href="https://kartra.com/?aff=ana" rel="sponsored nofollow noopener" data-aff-program="link:kartra" data-aff-subid="kartra-review-1">Kartra trial</a>`,
		`href="/reviews/clickfunnels-review/"`, // a ?p= link, rewritten
		`youtube-nocookie.com/embed/dQw4w9WgXcQ`,
		`src="/wp-content/uploads/2024/05/kartra-shot.png"`, // the missing -300x200 variant fell back to the original
		`[contact-form-7 id=`,                               // unknown shortcode kept visible
		`class="aff-disclosure"`,
	} {
		if !strings.Contains(kartra, want) {
			t.Errorf("kartra review lacks %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join(public, "wp-content/uploads/2024/05/feature.jpg")); err != nil {
		t.Errorf("media not copied: %v", err)
	}

	res, err := check.Run(check.Options{Source: dir, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	report := read(t, filepath.Join(dir, "import-report.md"))
	for _, f := range res.Findings {
		if f.Severity != check.Error {
			continue
		}
		// The only error is the video the uploads copy lacks, which the
		// report lists.
		if !strings.Contains(f.Message, "demo.mp4") || !strings.Contains(report, "missing from --uploads: 2024/05/demo.mp4") {
			t.Errorf("check: %s:%d: %s", f.File, f.Line, f.Message)
		}
	}
}

func TestImportReport(t *testing.T) {
	t.Parallel()
	dir, _ := importFixture(t)
	report := read(t, filepath.Join(dir, "import-report.md"))
	for _, want := range []string{
		"| latest-posts | not converted (dynamic block, left as a visible note) | 1 |",
		"| acme/pricing-box | kept (its HTML converted as it is) | 1 |",
		"| contact-form-7 | kept as text | 1 |",
		"thirstyaffiliates.csv:4: destination \"not-a-url\" is not an http(s) URL",
		"prettylinks.csv:3: redirect type \"cloak\" has no static equivalent",
		"comments: 2",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	cf := read(t, filepath.Join(dir, "content/posts/clickfunnels-review.md"))
	for _, want := range []string{
		"url: /reviews/clickfunnels-review/", "description: ClickFunnels, reviewed.",
		`{{< link id="clickfunnels" >}}Start free trial{{< /link >}}`,
		"| Basic | $97   |", "> Funnels win.", "```\ncurl https://api.example/\n```", "<!--more-->",
		"player.vimeo.com/video/76979871", "twitter.com/someone/status/1234567890",
		"[WordPress block latest-posts not imported", "Back to [the Kartra review](/2024/05/kartra-review/).",
	} {
		if !strings.Contains(cf, want) {
			t.Errorf("clickfunnels-review.md lacks %q:\n%s", want, cf)
		}
	}
	draft := read(t, filepath.Join(dir, "content/posts/members-only.md"))
	if !strings.Contains(draft, "draft: true") {
		t.Errorf("private post not a draft:\n%s", draft)
	}
	links := read(t, filepath.Join(dir, "data/links/imported.yaml"))
	if !strings.Contains(links, "cloaked: /recommends/kartra/") || !strings.Contains(links, "status: 307") {
		t.Errorf("links registry:\n%s", links)
	}
}

func TestImportBadInput(t *testing.T) {
	t.Parallel()
	good, err := os.ReadFile("testdata/export.xml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, src, want string }{
		{"not XML", "this is not xml at all", "export.xml:1: not a WordPress export: the file holds no XML element"},
		{"not WXR", "<?xml version=\"1.0\"?>\n<html><body/></html>", "export.xml:2: not a WordPress export: the document is <html>, not <rss>"},
		{"RSS without wxr_version", "<rss><channel><title>x</title>\n<item><title>a</title></item></channel></rss>",
			"export.xml:2: not a WordPress export: no <wp:wxr_version> before the first item"},
		{"unknown version", strings.Replace(string(good), "<wp:wxr_version>1.2<", "<wp:wxr_version>9.9<", 1), `export.xml:13: unknown WXR version "9.9"`},
		{"truncated", string(good[:len(good)/2]), "the file ends in the middle of the XML (a truncated export?)"},
		{"invalid UTF-8", strings.Replace(string(good), "Grüße", "Gr\xff\xfee", 1), "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tmp := t.TempDir()
			export := filepath.Join(tmp, "export.xml")
			if err := os.WriteFile(export, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(tmp, "site")
			_, err := wpimport.Import(wpimport.Options{Export: export, Dir: out})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a failed import wrote %s", out)
			}
		})
	}
	t.Run("non-empty folder", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := wpimport.Import(wpimport.Options{Export: "testdata/export.xml", Dir: dir})
		if err == nil || !strings.Contains(err.Error(), "is not empty") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("not a links CSV", func(t *testing.T) {
		t.Parallel()
		csv := filepath.Join(t.TempDir(), "x.csv")
		if err := os.WriteFile(csv, []byte("a,b\n1,2\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := wpimport.Import(wpimport.Options{Export: "testdata/export.xml", Dir: filepath.Join(t.TempDir(), "s"), Links: []string{csv}})
		if err == nil || !strings.Contains(err.Error(), "neither a ThirstyAffiliates nor a Pretty Links export") {
			t.Fatalf("error %v", err)
		}
	})
}

// TestImportExportWithoutItems: an export whose channel holds no item (a
// new blog) imports as a site of its title and address, with nothing
// else; the site's settings come from the channel read to its end.
func TestImportExportWithoutItems(t *testing.T) {
	t.Parallel()
	dir := sitetest.Write(t, `-- export.xml --
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Empty blog</title>
<link>https://empty.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
</channel>
</rss>
`)
	out := filepath.Join(dir, "site")
	rep, err := wpimport.Import(wpimport.Options{Export: filepath.Join(dir, "export.xml"), Dir: out})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Posts+rep.Pages != 0 || len(rep.LinksImported) != 0 {
		t.Errorf("report %+v, want nothing imported", rep)
	}
	cfg, err := os.ReadFile(filepath.Join(out, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`baseURL = "https://empty.example/"`, `title = "Empty blog"`} {
		if !strings.Contains(string(cfg), want) {
			t.Errorf("site.toml lacks %s:\n%s", want, cfg)
		}
	}
}
