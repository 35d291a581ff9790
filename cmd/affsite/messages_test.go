package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// An edit saved the way sed -i and many editors save (a temporary file,
// renamed over the real one) is reported by the real file's name, and the
// counts read as English.
func TestServeRebuildMessage(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, testSite)
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
