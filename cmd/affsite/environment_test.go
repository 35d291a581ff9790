package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/sitetest"
)

// environmentSite has a config folder whose environments differ in the
// title, and one environment whose configuration is wrong.
func environmentSite(t *testing.T) string {
	t.Helper()
	return sitetest.Write(t, `
-- hugo.toml --
title = "Default"
-- config/production/hugo.toml --
title = "Production"
-- config/development/hugo.toml --
title = "Development"
-- config/staging/hugo.yaml --
title: Staging
-- config/broken/hugo.toml --
paginate = 0
-- content/posts/a.md --
---
title: A
---
Text.
-- config/_default/params.toml --
x = 1
-- config/development/params.toml --
x = 2
`)
}

// TestEnvironmentFlag: build and check read config/production/ unless
// --environment (or -e) names another; serve reads config/development/.
func TestEnvironmentFlag(t *testing.T) {
	t.Parallel()
	site := environmentSite(t)
	for _, tc := range []struct {
		args  []string
		title string
	}{
		{nil, "Production"},
		{[]string{"--environment", "staging"}, "Staging"},
		{[]string{"-e", "development"}, "Development"},
		{[]string{"-e", "nothing-here"}, "Default"},
	} {
		out := filepath.Join(t.TempDir(), "out")
		args := append([]string{"build", "--quiet", "-s", site, "-d", out}, tc.args...)
		if code, _, stderr := runCmd(args...); code != exitOK {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
		page, err := os.ReadFile(filepath.Join(out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), "<title>"+tc.title+"</title>") {
			t.Errorf("%v: title is not %q", tc.args, tc.title)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCmd("build", "-s", site, "-d", out, "-e", "broken"); code == exitOK || !strings.Contains(stderr, "config/broken/hugo.toml:1:1: paginate must be 1 or more") {
		t.Errorf("build -e broken: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI("check", "-s", site); code != exitOK {
		t.Errorf("check: exit %d, %s", code, stderr)
	}
	if code, stdout, stderr := runCLI("check", "-s", site, "--environment", "broken"); code == exitOK || !strings.Contains(stdout+stderr, "config/broken/hugo.toml:1:") {
		t.Errorf("check --environment broken: exit %d, %s%s", code, stdout, stderr)
	}
	var a serveArgs
	if code, ok := parseFlags(serveFlags(&a), nil, os.Stdout, os.Stderr); !ok {
		t.Fatalf("serve flags: exit %d", code)
	}
	if got := a.site.options().Environment; got != generator.EnvDevelopment {
		t.Errorf("serve's environment is %q, want development", got)
	}
	a = serveArgs{}
	if _, ok := parseFlags(serveFlags(&a), []string{"-e", "production"}, os.Stdout, os.Stderr); !ok || a.site.options().Environment != generator.EnvProduction {
		t.Errorf("serve -e production: environment %q", a.site.options().Environment)
	}
}
