package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

// An edit saved the way sed -i and many editors save (a temporary file,
// renamed over the real one) is reported by the real file's name, and the
// counts read as English.
func TestServeRebuildMessage(t *testing.T) {
	t.Parallel()
	dir := sitetest.WriteFiles(t, testSite)
	base, out := startServe(t, dir)
	events := subscribe(t, base)
	if !regexp.MustCompile(`(?m)^Built \d+ pages, \d+ files in `).MatchString(out.String()) {
		t.Errorf("first build line:\n%s", out)
	}

	tmp := filepath.Join(dir, "content", "posts", "sed1gBJx3")
	writeFile(t, tmp, strings.Replace(testSite["content/posts/b.md"], "bravo", "edited", 1))
	if err := os.Rename(tmp, filepath.Join(dir, "content", "posts", "b.md")); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, events, "reload", `"/posts/b/"`)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "Rebuilt after") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	line := regexp.MustCompile(`Rebuilt after .*`).FindString(out.String())
	if !strings.HasPrefix(line, "Rebuilt after content/posts/b.md: ") || strings.Contains(out.String(), "sed1gBJx3") {
		t.Errorf("rebuild line %q; want it to name content/posts/b.md, not the temporary file:\n%s", line, out)
	}
	if !regexp.MustCompile(`: (1 file|[02-9]\d* files) changed, \d+ removed in `).MatchString(line) {
		t.Errorf("rebuild line %q does not count in English", line)
	}
}

// new site into a folder that is not empty says why and what to do, in
// one line, without a trailing "already exists".
func TestNewSiteNotEmptyMessage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "notes.txt"), "x")
	code, out, errs := runCmd("new", "site", dir)
	want := "affsite new site: " + dir + " is not empty (it holds notes.txt); choose a new folder, or use --force to add the site's files to it\n"
	if code != exitContent || out != "" || errs != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errs, want)
	}
}

// A new site left as written is full of placeholders: check names each
// at its line, as warnings, and as errors with --strict; a site that
// replaced them passes. The referral id is the exception: links with a
// placeholder id earn nothing, so it is an error without --strict too
// (the rule of issue 13, affiliate.PlaceholderRefID), reported once.
func TestCheckFindsPlaceholders(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runCmd("new", "site", dir); code != exitOK {
		t.Fatalf("new site: exit %d, %s", code, errs)
	}
	review := "content/posts/example-app-affiliate-program-review.md"
	refErr := `data/programs/example.yaml:52: error: program example: referral id "YOUR-AFFILIATE-ID" (its ref_id) is a placeholder: put your own affiliate id there, or its links earn nothing (column 1)`
	want := []string{
		`site.toml:14: warning: baseURL is still the placeholder https://your-site.example/: set it to the address the site is published at (the deploy recipes pass --baseURL; check does not) (column 12)`,
		`site.toml:22: warning: "Your Name" is a placeholder: set your name (column 11)`,
		`site.toml:25: warning: "Your Name" is a placeholder: set your name (column 16)`,
		review + ":12: warning: the introduction is still the placeholder text: write your own (column 1)",
		review + ":37: warning: the verdict is still the placeholder text: write your own (column 45)",
		"data/programs/example.yaml:18: warning: the program's description is still the placeholder `affsite new program` wrote: describe the product, and check every figure of the file against the program's terms (column 28)",
		refErr,
	}
	code, out, errs := runCmd("check", "-s", dir)
	if code != exitContent || strings.Count(out, "YOUR-AFFILIATE-ID") != 1 || !strings.Contains(out, "1 error,") {
		// The error at the program only, not the build's warning at the review's link too.
		t.Errorf("check: exit %d, want 1 (the referral id only); stderr %q\n%s", code, errs, out)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("check lacks %s:\n%s", w, out)
		}
	}
	code, out, _ = runCmd("check", "--strict", "-s", dir)
	if code != exitContent || !strings.Contains(out, strings.Replace(want[0], "warning:", "error:", 1)) ||
		!strings.Contains(out, strings.Replace(want[4], "warning:", "error:", 1)) {
		t.Errorf("check --strict: exit %d, want 1 and the placeholders as errors:\n%s", code, out)
	}
	// --baseURL (as the recipes pass) replaces the baseURL placeholder.
	if _, out, _ = runCmd("check", "--baseURL", "https://reviews.example/", "-s", dir); strings.Contains(out, "baseURL is still") {
		t.Errorf("check --baseURL still reports the baseURL placeholder:\n%s", out)
	}

	replace := func(name string, pairs ...string) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		b, err := os.ReadFile(full)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, full, strings.NewReplacer(pairs...).Replace(string(b)))
	}
	replace("site.toml", "https://your-site.example/", "https://reviews.example/", "Your Name", "Ann Author", "YOUR-AFFILIATE-ID", "ann42")
	replace("data/programs/example.yaml", "YOUR-AFFILIATE-ID", "ann42", "does and who it is for.", "builds mobile apps without code.")
	replace(review, "Replace this with your verdict", "Good for beginners", "Write your introduction here", "I used it for a year")
	if _, out, _ = runCmd("check", "--strict", "-s", dir); strings.Contains(out, "placeholder") {
		t.Errorf("check still reports placeholders after they were replaced:\n%s", out)
	}
}
