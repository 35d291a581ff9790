package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

func TestNewSiteBuilds(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "mysite")
	files, err := NewSite(dir, SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"site.toml", ".gitignore", "netlify.toml", ".github/workflows/deploy.yml",
		"content/_index.md", "data/programs/example.yaml",
		"content/posts/example-app-affiliate-program-review.md",
	} {
		if !contains(files, want) {
			t.Errorf("NewSite did not write %s (wrote %v)", want, files)
		}
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Error(err)
		}
	}
	// As written, the only warnings are the referral-id placeholder's, at
	// the review's links; with an id set, there are none.
	rep, err := generator.Build(generator.Options{Source: dir, Output: generator.NewMemOutput()})
	if err != nil {
		t.Fatalf("the new site does not build: %v", err)
	}
	for _, w := range rep.Warnings {
		if !strings.Contains(w.Message, `referral id "YOUR-AFFILIATE-ID" (its ref_id) is a placeholder`) {
			t.Errorf("the new site builds with a warning other than the referral id's: %v", w)
		}
	}
	if len(rep.Warnings) == 0 {
		t.Error("the new site's placeholder referral id gives no warning")
	}
	for _, f := range []string{"site.toml", "data/programs/example.yaml"} {
		full := filepath.Join(dir, f)
		b, err := os.ReadFile(full)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(strings.ReplaceAll(string(b), "YOUR-AFFILIATE-ID", "ann-reviews-42")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := generator.NewMemOutput()
	rep, err = generator.Build(generator.Options{Source: dir, Output: out})
	if err != nil {
		t.Fatalf("the new site does not build: %v", err)
	}
	if len(rep.Warnings) > 0 {
		t.Errorf("the new site builds with warnings:\n%s", rep.Warnings.Error())
	}
	page, ok := out.File("posts/example-app-affiliate-program-review/index.html")
	if !ok {
		t.Fatalf("no review page; files: %v", out.Names())
	}
	for _, want := range []string{`class="aff-table"`, `rel="sponsored`, `application/ld+json`, "Example App"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("review page lacks %q", want)
		}
	}
	gi, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if !strings.Contains(string(gi), "public/") {
		t.Errorf(".gitignore does not ignore public/:\n%s", gi)
	}
}

func TestNewSiteRefusesNonEmpty(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewSite(dir, SiteOptions{})
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "not empty") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("error = %v, want a not-empty error mentioning --force", err)
	}
	if _, err := NewSite(dir, SiteOptions{Force: true}); err != nil {
		t.Fatalf("with Force: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "mine" {
		t.Error("Force changed an unrelated file")
	}
	// A second run finds the site's own files and replaces none of them.
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte("# edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = NewSite(dir, SiteOptions{Force: true})
	if !errors.Is(err, ErrExists) {
		t.Fatalf("error = %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "site.toml")); string(b) != "# edited\n" {
		t.Error("Force replaced site.toml")
	}
}

func TestSitePath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"dot_gitignore":                ".gitignore",
		"dot_github/workflows/x.yml":   ".github/workflows/x.yml",
		"content/posts/dot_md":         "content/posts/.md",
		"content/dotted_name/plain.md": "content/dotted_name/plain.md",
	} {
		if got := sitePath(in); got != want {
			t.Errorf("sitePath(%q) = %q, want %q", in, got, want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
