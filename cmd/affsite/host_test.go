package main

import (
	"os"
	"strings"
	"testing"
)

func TestHostFromEnv(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, ""},
		{map[string]string{"NETLIFY": "true", "URL": "https://x.netlify.app"}, "netlify"},
		{map[string]string{"CF_PAGES": "1", "CF_PAGES_URL": "https://x.pages.dev"}, "cloudflare"},
		{map[string]string{"NETLIFY": "false", "CF_PAGES": "0"}, ""},
		{map[string]string{"GITHUB_ACTIONS": "true"}, ""},
	} {
		if got := hostFromEnv(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("hostFromEnv(%v) = %q, want %q", tc.env, got, tc.want)
		}
	}
}

// TestBuildHostFlag: a wrong --host is a command-line error, with a
// suggestion, before anything is built.
func TestBuildHostFlag(t *testing.T) {
	t.Parallel()
	var stdout, stderr strings.Builder
	dir := t.TempDir()
	code := run([]string{"build", "-s", dir, "--host", "cloudflre"}, &stdout, &stderr)
	want := `affsite build: --host must be "netlify", "cloudflare" or "any", not "cloudflre"; did you mean "cloudflare"?` + "\n"
	if code != exitUsage || stderr.String() != want {
		t.Errorf("code %d, stderr %q; want %d, %q", code, stderr.String(), exitUsage, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the build wrote %d entries into the site folder", len(entries))
	}
}
