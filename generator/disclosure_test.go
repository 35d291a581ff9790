package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/sitetest"
)

// reviewBlog is the Amazon-affiliate Hugo blog of
// testdata/disclosure/amazon-review-blog.txtar, as files; edit adds to
// or replaces them.
func reviewBlog(t *testing.T, edit map[string]string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "disclosure", "amazon-review-blog.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	files := sitetest.Files(string(raw))
	for name, text := range edit {
		files[name] = text
	}
	return sitetest.WriteFiles(t, files)
}

// disclosureWarnings are the build's warnings about disclosures.
func disclosureWarnings(b *built) []string {
	var out []string
	for _, w := range b.report.Warnings {
		if w.Code == diag.Disclosure {
			out = append(out, w.Error())
		}
	}
	return out
}

// TestAuthorsDisclosure: the author's own disclosure line, before the
// first affiliate link, stands in for the box; one that only comes after
// it does not, and the build says so.
func TestAuthorsDisclosure(t *testing.T) {
	t.Parallel()
	b, err := buildDir(reviewBlog(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	const box = `class="aff-disclosure"`
	for page, boxes := range map[string]int{
		"posts/best-burr-coffee-grinders/index.html": 0, // the italic line at the top
		"posts/fellow-ode-gen-2-review/index.html":   1, // the line at the bottom is too late
		"posts/hand-grinder-buying-guide/index.html": 0, // own_disclosure: true
		"posts/moka-pot-vs-aeropress/index.html":     1, // none at all
		"about/index.html":                           0, // no affiliate link
	} {
		if n := strings.Count(b.file(t, page), box); n != boxes {
			t.Errorf("%s: %d disclosure boxes, want %d", page, n, boxes)
		}
	}
	assertOrder(t, b, "posts/best-burr-coffee-grinders/index.html",
		"<em>This post contains affiliate links. As an Amazon Associate I earn from qualifying purchases.</em>",
		`href="https://www.amazon.com/dp/B0BTWYGQ9X?tag=grindlab-20" rel="sponsored nofollow noopener"`)
	assertOrder(t, b, "posts/fellow-ode-gen-2-review/index.html", box, "Buy the Fellow Ode Gen 2", "this review contains affiliate links")
	want := []string{`content/posts/fellow-ode-gen-2-review.md:19: the author's disclosure "contains affiliate links" comes after the first affiliate link (line 11), too late to count: the disclosure box was added at the top (move it above the link)`}
	if got := disclosureWarnings(b); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("disclosure warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAuthorsDisclosureRequire: in require mode an author's line before
// the link passes, and one after it fails the build with its line.
func TestAuthorsDisclosureRequire(t *testing.T) {
	t.Parallel()
	const toml = "baseURL = \"https://grindlab.example/\"\n[affiliate]\ndisclosure = \"require\"\n"
	_, err := buildDir(reviewBlog(t, map[string]string{"hugo.toml": toml}))
	if err == nil {
		t.Fatal("require mode built a page whose disclosure comes too late")
	}
	got := err.Error()
	for _, w := range []string{
		`content/posts/fellow-ode-gen-2-review.md:11: affiliate link before any disclosure (add {{< disclosure >}} above it, or set [affiliate] disclosure = "auto"); the author's disclosure "contains affiliate links" (line 19) comes after it, too late to count`,
		`content/posts/moka-pot-vs-aeropress.md:7: affiliate link before any disclosure (add {{< disclosure >}} above it, or set [affiliate] disclosure = "auto")`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("error lacks %q:\n%s", w, got)
		}
	}
	for _, page := range []string{"best-burr-coffee-grinders", "hand-grinder-buying-guide"} {
		if strings.Contains(got, page) {
			t.Errorf("a disclosed page failed: %s", got)
		}
	}
}

// TestDisclosurePhrases: [affiliate] disclosure_phrases replaces the
// default wordings, in site.toml and in a Hugo configuration file of any
// format; an empty list recognises none.
func TestDisclosurePhrases(t *testing.T) {
	t.Parallel()
	const guide = "posts/hand-grinder-buying-guide/index.html"
	const top = "posts/best-burr-coffee-grinders/index.html"
	noFlag := strings.Replace(readFixtureFile(t, "content/posts/hand-grinder-buying-guide.md"), "own_disclosure: true\n", "", 1)
	tests := []struct {
		name        string
		edit        map[string]string
		guide, best int // disclosure boxes added
	}{
		{"defaults, without the flag", map[string]string{"content/posts/hand-grinder-buying-guide.md": noFlag}, 1, 0},
		{"the author's wording in hugo.toml", map[string]string{"content/posts/hand-grinder-buying-guide.md": noFlag,
			"hugo.toml": "title = \"GrindLab\"\n[affiliate]\ndisclosure_phrases = [\"I get paid a little when you buy\"]\n"}, 0, 1},
		{"in hugo.yaml", map[string]string{"content/posts/hand-grinder-buying-guide.md": noFlag, "hugo.toml": "",
			"hugo.yaml": "title: GrindLab\naffiliate:\n  disclosure_phrases:\n    - \"I GET PAID  a little\"\n    - As an Amazon Associate\n"}, 0, 0},
		{"an empty list", map[string]string{"hugo.toml": "title = \"GrindLab\"\n[affiliate]\ndisclosure_phrases = []\n"}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := reviewBlog(t, tt.edit)
			if tt.edit["hugo.toml"] == "" && tt.edit["hugo.yaml"] != "" {
				if err := os.Remove(filepath.Join(dir, "hugo.toml")); err != nil {
					t.Fatal(err)
				}
			}
			b, err := buildDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for page, want := range map[string]int{guide: tt.guide, top: tt.best} {
				if n := strings.Count(b.file(t, page), `class="aff-disclosure"`); n != want {
					t.Errorf("%s: %d boxes, want %d", page, n, want)
				}
			}
		})
	}
	_, err := buildDir(reviewBlog(t, map[string]string{"hugo.toml": "[affiliate]\ndisclosure_phrases = [\"ok\", \" -- \"]\n"}))
	if want := `[affiliate] disclosure_phrases: disclosure phrase " -- " has no letter or digit`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

// readFixtureFile is one file of the review blog's archive.
func readFixtureFile(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "disclosure", "amazon-review-blog.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	text, ok := sitetest.Files(string(raw))[name]
	if !ok {
		t.Fatalf("the archive has no %s", name)
	}
	return text
}

// TestOwnDisclosureFrontMatter: own_disclosure is true or false, also
// through a section's cascade; any other value is an error at its line.
func TestOwnDisclosureFrontMatter(t *testing.T) {
	t.Parallel()
	const page = "---\ntitle: X\n%s---\nWords no phrase knows. [Buy](https://www.amazon.com/dp/B0?tag=me-20)\n"
	for _, tt := range []struct {
		name, fm, index string
		boxes           int
		err             string
	}{
		{"true", "own_disclosure: true\n", "", 0, ""},
		{"false", "own_disclosure: false\n", "", 1, ""},
		{"a section's cascade", "", "---\ntitle: Posts\ncascade:\n  own_disclosure: true\n---\n", 0, ""},
		{"a page overrides the cascade", "own_disclosure: false\n", "---\ntitle: Posts\ncascade:\n  own_disclosure: true\n---\n", 1, ""},
		{"not a boolean", "draft: false\nOwn_Disclosure: \"sure\"\n", "", 0, "content/posts/x.md:4:17: front matter: own_disclosure must be true or false"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			archive := "-- content/posts/x.md --\n" + strings.Replace(page, "%s", tt.fm, 1)
			if tt.index != "" {
				archive += "-- content/posts/_index.md --\n" + tt.index
			}
			b, err := tryBuild(t, archive)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(b.file(t, "posts/x/index.html"), `class="aff-disclosure"`); n != tt.boxes {
				t.Errorf("%d boxes, want %d", n, tt.boxes)
			}
			own := false
			for _, r := range b.report.Sources {
				own = own || r.File == "content/posts/x.md" && r.OwnDisclosure
			}
			if own != (tt.boxes == 0) {
				t.Errorf("the report's OwnDisclosure is %v", own)
			}
		})
	}
}
