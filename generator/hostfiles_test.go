package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// hostFilesSite has its own robots.txt, _headers and _redirects, and
// cloaked links, so the build has redirects of its own to add.
const hostFilesSite = `
-- hugo.toml --
baseURL = "https://x.example/"
[affiliate]
link_mode = "cloaked"
-- static/robots.txt --
User-agent: *
Disallow: /private/
-- static/_headers --
/fonts/*
  Cache-Control: public, max-age=31536000
-- static/_redirects --
/old/  /new/  301
-- content/a.md --
---
title: A
---
` + acmeProgram

// TestStaticHostFiles: a static robots.txt replaces the generated one;
// static _headers and _redirects come first in the published files,
// the build's rules after them.
func TestStaticHostFiles(t *testing.T) {
	t.Parallel()
	b := buildSite(t, hostFilesSite)
	if got := b.file(t, "robots.txt"); got != "User-agent: *\nDisallow: /private/\n" {
		t.Errorf("robots.txt = %q, want the static one", got)
	}
	assertOrder(t, b, "_redirects", "/old/  /new/  301\n", "# Rules written by affsite, after the site's own (from static/_redirects):", "/go/acme/")
	assertOrder(t, b, "_headers", "/fonts/*\n  Cache-Control: public, max-age=31536000\n", "# Rules written by affsite", "X-Content-Type-Options: nosniff")

	// Without generated redirects, the site's _redirects is published
	// as it is.
	b = buildSite(t, "-- static/_redirects --\n/a /b\n-- content/a.md --\n")
	if got := b.file(t, "_redirects"); got != "/a /b\n" {
		t.Errorf("_redirects = %q", got)
	}
	// Without static files, the generated robots.txt stays.
	b = buildSite(t, "-- content/a.md --\n")
	assertFile(t, b, "robots.txt", "Disallow: /go/", "Sitemap: ")
	assertNoFile(t, b, "_redirects")
}

// TestStaticHostFilesRebuild: editing a static _headers while serving
// gives what a clean build gives.
func TestStaticHostFilesRebuild(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, hostFilesSite)
	sess := generator.NewSession(generator.Options{Source: dir, Now: testNow})
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"static/_headers", "static/robots.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("# edited "+f+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := sess.Rebuild([]string{f}); err != nil {
			t.Fatal(err)
		}
	}
	clean, err := buildDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := sess.Files().File("_headers")
	if !strings.HasPrefix(string(got), "# edited static/_headers\n") {
		t.Errorf("_headers after the edit = %q", got)
	}
	if d := diffTrees(memTree(sess.Files()), memTree(clean.out)); d != "" {
		t.Errorf("rebuild differs from a clean build:\n%s", d)
	}
}
