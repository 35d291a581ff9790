package check

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestBuildOptions checks that --drafts and --baseURL reach the build:
// a draft is checked only when asked, and a root-relative link is
// outside a base path given on the command line.
func TestBuildOptions(t *testing.T) {
	t.Parallel()
	files := baseSite("auto")
	files["content/posts/draft.md"] = "---\ntitle: Draft\ndescription: d\ndraft: true\n---\nSee [nothing](/nowhere/).\n"
	dir := sitetest.WriteFiles(t, files)
	if res := runCheck(t, dir, Options{}); len(res.Findings) > 0 {
		t.Errorf("without drafts: want no findings, got\n%s", strings.Join(lines(res), "\n"))
	}
	got := strings.Join(lines(runCheck(t, dir, Options{Drafts: true})), "\n")
	if want := "content/posts/draft.md:6: error: link /nowhere/"; !strings.Contains(got, want) {
		t.Errorf("with drafts: findings lack %q:\n%s", want, got)
	}
	got = strings.Join(lines(runCheck(t, dir, Options{BaseURL: "https://example.org/blog"})), "\n")
	if want := "points outside the site's base path /blog/"; !strings.Contains(got, want) {
		t.Errorf("with a base path: findings lack %q:\n%s", want, got)
	}
}

// TestHostOption checks that the host reaches the build: Cloudflare's
// limit of 1,000 characters a _redirects line is reported for a site
// that may be served from _redirects, not for one built for Netlify.
func TestHostOption(t *testing.T) {
	t.Parallel()
	files := baseSite("auto")
	files["site.toml"] = strings.Replace(files["site.toml"], "[affiliate]\n", "[affiliate]\nlink_mode = \"cloaked\"\n", 1)
	files["data/programs/acme.yaml"] = program("https://acme.test/"+strings.Repeat("p", 1000), "2027-05-01")
	dir := sitetest.WriteFiles(t, files)
	const long = "characters long; Cloudflare Pages allows 1000 a line"
	for host, want := range map[string]bool{"": true, "any": true, "cloudflare": false, "netlify": false} {
		got := strings.Join(lines(runCheck(t, dir, Options{HostDefault: host})), "\n")
		if strings.Contains(got, long) != want {
			t.Errorf("host %q: reported the long rule: %v, want %v:\n%s", host, !want, want, got)
		}
	}
}
