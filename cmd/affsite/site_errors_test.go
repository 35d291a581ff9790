package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSiteErrorsHaveTheirLine builds sites with a mistake each (issue 11:
// duplicate keys, bad values, no site at all, a partial that calls
// itself) and checks the exit code and that the message names the file
// and line, and never a temporary folder.
func TestSiteErrorsHaveTheirLine(t *testing.T) {
	t.Parallel()
	const head = "---\ntitle: B\n"
	tests := []struct {
		name string
		site map[string]string
		want string
	}{
		{"duplicate YAML front matter key", map[string]string{"content/posts/b.md": head + "description: x\ntitle: C\n---\n"},
			`content/posts/b.md:4:1: front matter: duplicate key "title"`},
		{"duplicate nested YAML key", map[string]string{"content/posts/b.md": head + "params:\n  x: 1\n  x: 2\n---\n"},
			`content/posts/b.md:5:3: front matter: duplicate key "x"`},
		{"duplicate JSON front matter key", map[string]string{"content/posts/b.md": "{\n\"title\": \"B\",\n\"title\": \"C\"\n}\n"},
			`content/posts/b.md:3:1: front matter: duplicate key "title"`},
		{"duplicate TOML front matter key", map[string]string{"content/posts/b.md": "+++\ntitle = \"B\"\ntitle = \"C\"\n+++\n"},
			`content/posts/b.md:3:1: front matter: Key 'title' has already been defined.`},
		{"bad date", map[string]string{"content/posts/b.md": head + "description: x\ndate: 2026-13-45\n---\n"},
			`content/posts/b.md:4:7: front matter: date: "2026-13-45" is not a date`},
		{"slug ..", map[string]string{"content/posts/b.md": head + "slug: ..\n---\n"},
			`content/posts/b.md:3:7: slug "..": ".." is not a name a folder can have`},
		{"category ..", map[string]string{"content/posts/b.md": head + "categories: [\"..\"]\n---\n"},
			`content/posts/b.md:3:14: front matter: categories: "..": ".." is not a name a folder can have`},
		{"url of robots.txt", map[string]string{"content/posts/b.md": head + "url: /robots.txt\n---\n"},
			`content/posts/b.md:3:6: url "/robots.txt" is the path of a file affsite writes`},
		{"NUL in url", map[string]string{"content/posts/b.md": head + "url: \"/a\\0b\"\n---\n"},
			`content/posts/b.md:3:6: url "/a\x00b" has a control character`},
		{"300-character slug", map[string]string{"content/posts/b.md": head + "slug: " + strings.Repeat("a", 300) + "\n---\n"},
			`: it is 300 bytes long, more than the 255 a file name may be`},
		{"paginate = 0", map[string]string{"site.toml": "title = \"T\"\npaginate = 0\n"},
			`site.toml:2:1: paginate must be 1 or more, not 0`},
		{"paginate = -1", map[string]string{"site.toml": "title = \"T\"\n\npaginate = -1\n"},
			`site.toml:3:1: paginate must be 1 or more, not -1`},
		{"site.toml type error", map[string]string{"site.toml": "title = \"T\"\npaginate = \"ten\"\n"},
			`site.toml:2:1: paginate must be a whole number, not a string`},
		{"site.toml type error in a table", map[string]string{"site.toml": "title = \"T\"\n[affiliate]\nstale_after_days = true\n"},
			`site.toml:3:1: affiliate.stale_after_days must be a whole number, not true or false`},
		{"partial calls itself", map[string]string{
			"layouts/partials/a.html":      `{{ partial "b" . }}`,
			"layouts/partials/b.html":      `{{ partial "a" . }}`,
			"layouts/_default/single.html": `{{ define "main" }}{{ partial "a" . }}{{ end }}`,
		}, `layouts/partials/a.html: partial "a" calls itself: a → b → a`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := newTestSite(t, tt.site)
			code, _, errs := runCLI("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "out"))
			if code != exitContent || !strings.Contains(errs, tt.want) {
				t.Errorf("code %d, stderr %q; want %d and %q", code, errs, exitContent, tt.want)
			}
			if strings.Contains(errs, ".affsite-") || strings.Contains(errs, os.TempDir()+"/") && !strings.Contains(tt.want, "/") {
				t.Errorf("the message names a temporary folder: %s", errs)
			}
		})
	}
}

// TestNoSiteHere: building an empty folder, or a site's content/ folder,
// is an error, and writes nothing there.
func TestNoSiteHere(t *testing.T) {
	t.Parallel()
	site := newTestSite(t, nil)
	for name, dir := range map[string]string{"empty folder": t.TempDir(), "content/": filepath.Join(site, "content")} {
		code, _, errs := runCLI("build", "-s", dir)
		if code != exitContent || !strings.Contains(errs, "no site here (no site.toml, hugo.toml or config.toml, and no content/)") {
			t.Errorf("%s: code %d, stderr %q", name, code, errs)
		}
		if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
			t.Errorf("%s: public/ was written: %v", name, err)
		}
	}
	// A site with only site.toml, or only content/, builds.
	for name, drop := range map[string]string{"only site.toml": "content", "only content/": "site.toml"} {
		dir := newTestSite(t, nil)
		if err := os.RemoveAll(filepath.Join(dir, drop)); err != nil {
			t.Fatal(err)
		}
		if code, _, errs := runCLI("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "out"), "--quiet"); code != exitOK {
			t.Errorf("%s: code %d, stderr %q", name, code, errs)
		}
	}
}
