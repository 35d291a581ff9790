package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
	"github.com/affsite/affsite/internal/version"
)

// writeCLISite writes a small site with a program and a review.
func writeCLISite(t *testing.T) string {
	t.Helper()
	return sitetest.Write(t, `
-- site.toml --
title = "CLI"
baseURL = "https://example.com/"
[affiliate]
ref_id = "cli-demo-7"
-- data/programs/acme.yaml --
name: Acme
url: "https://acme.example/"
commission: 0.40
tier2: 0.10
domains: [acme.example]
plans:
  - name: Starter
    monthly: 99
    annual: 948
-- content/posts/acme.md --
---
title: Acme review
program: acme
---
{{< disclosure >}}

Intro    with    extra     spaces.

{{< commission-table >}}

{{< afflink >}}
`)
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestBuildCommand(t *testing.T) {
	t.Parallel()
	site := writeCLISite(t)
	plain, minified := filepath.Join(t.TempDir(), "out"), filepath.Join(t.TempDir(), "min")
	code, stdout, stderr := runCmd("build", "-s", site, "-d", plain)
	if code != exitOK || stderr != "" {
		t.Fatalf("build: exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, "Built 1 page, ") || !strings.Contains(stdout, " 1 affiliate link in ") {
		t.Errorf("summary = %q", stdout)
	}
	page := filepath.Join("posts", "acme", "index.html")
	for _, f := range []string{page, "index.html", "sitemap.xml", "affiliate-links.json", "css/style.css"} {
		if _, err := os.Stat(filepath.Join(plain, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	code, stdout, stderr = runCmd("build", "--minify", "--quiet", "-s", site, "-d", minified)
	if code != exitOK || stdout != "" || stderr != "" {
		t.Fatalf("build --minify --quiet: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	big, err := os.ReadFile(filepath.Join(plain, page))
	if err != nil {
		t.Fatal(err)
	}
	small, err := os.ReadFile(filepath.Join(minified, page))
	if err != nil {
		t.Fatal(err)
	}
	if len(small) >= len(big) {
		t.Errorf("minified page is %d bytes, not smaller than %d", len(small), len(big))
	}
	for _, fig := range []string{"$99.00", "$39.60", "$379.20", "$9.90", "$94.80"} {
		if !bytes.Contains(small, []byte(fig)) {
			t.Errorf("minified page lacks %s", fig)
		}
	}
}

func TestCommandsAndExitCodes(t *testing.T) {
	t.Parallel()
	site := writeCLISite(t)
	broken := writeCLISite(t)
	if err := os.WriteFile(filepath.Join(broken, "content", "posts", "acme.md"), []byte("---\ntitle: X\n---\n{{< nosuch >}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		args         []string
		code         int
		stdout, errs string // substrings; "" checks nothing
	}{
		{"version", []string{"version"}, exitOK, "affsite " + version.Release, ""},
		{"help", []string{"help"}, exitOK, "Usage:", ""},
		{"help build", []string{"help", "build"}, exitOK, "-minify", ""},
		{"no command", nil, exitUsage, "", "Usage:"},
		{"unknown command", []string{"bild"}, exitUsage, "", `unknown command "bild"`},
		{"unknown flag", []string{"build", "--nosuch", "-s", site}, exitUsage, "", "affsite build: unknown flag --nosuch\n"},
		{"extra argument", []string{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "o"), "extra"}, exitUsage, "", `unexpected argument "extra"`},
		{"content error", []string{"build", "-s", broken, "-d", filepath.Join(t.TempDir(), "o")}, exitContent, "", `content/posts/acme.md:4:1: unknown shortcode "nosuch"`},
		{"missing site", []string{"build", "-s", filepath.Join(t.TempDir(), "none")}, exitContent, "", "site folder not found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runCmd(tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, stderr)
			}
			if !strings.Contains(stdout, tc.stdout) {
				t.Errorf("stdout %q lacks %q", stdout, tc.stdout)
			}
			if !strings.Contains(stderr, tc.errs) {
				t.Errorf("stderr %q lacks %q", stderr, tc.errs)
			}
		})
	}
}
