package check

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestCheckPermalinks: with Hugo's permalinks, check finds the pages
// where the build put them, and the links written for those URLs are
// not broken (links to the folder URLs are).
func TestCheckPermalinks(t *testing.T) {
	t.Parallel()
	dir := sitetest.WriteFiles(t, map[string]string{
		"hugo.toml": "baseURL = \"https://x.example/\"\n[permalinks]\nposts = \"/:year/:month/:slug/\"\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2024-03-05\ndescription: A post about A, long enough for the description check of this site.\n---\n" +
			"See [B](/2024/04/b/) and [old B](/posts/b/).\n",
		"content/posts/b.md": "---\ntitle: B\ndate: 2024-04-01\ndescription: A post about B, long enough for the description check of this site.\n---\nB.\n",
	})
	r, err := Run(Options{Source: dir, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var broken []string
	for _, f := range r.Findings {
		if strings.Contains(f.Message, "does not exist") {
			broken = append(broken, f.String())
		}
	}
	if len(broken) != 1 || !strings.Contains(broken[0], "/posts/b/") {
		t.Errorf("want one broken link, to /posts/b/; findings:\n%s", strings.Join(broken, "\n"))
	}
}
