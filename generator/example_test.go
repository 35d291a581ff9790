package generator_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestExampleSite builds the repository's example site and checks the
// Kartra review's figures, all computed from data/programs/kartra.yaml.
func TestExampleSite(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("../content/posts/kartra-affiliate-program-review.md"); err != nil {
		t.Skipf("example site has no Kartra review yet: %v", err)
	}
	b, err := buildDir("..")
	if err != nil {
		t.Fatal(err)
	}
	const page = "posts/kartra-affiliate-program-review/index.html"
	got := b.file(t, page)
	for _, fig := range []string{
		// 40% of each plan's monthly and annual price.
		"39.60", "79.60", "119.60", "199.60",
		"379.20", "715.20", "1,099.20", "1,819.20",
		// 10% second tier, monthly and annual.
		"9.90", "19.90", "29.90", "49.90", "94.80", "178.80", "274.80", "454.80",
		// The earnings scenarios.
		"715.20", "4,659.20", "17,880.00",
	} {
		if !strings.Contains(got, "$"+fig) {
			t.Errorf("%s lacks $%s", page, fig)
		}
	}
	disc := strings.Index(got, `class="aff-disclosure"`)
	anchors := regexp.MustCompile(`<a [^>]*href="https://kartra\.com/[^"]*"[^>]*>`).FindAllStringIndex(got, -1)
	if len(anchors) == 0 {
		t.Fatal("no affiliate links to kartra.com")
	}
	if disc < 0 || disc > anchors[0][0] {
		t.Errorf("disclosure at %d, first affiliate link at %d", disc, anchors[0][0])
	}
	for _, a := range anchors {
		tag := got[a[0]:a[1]]
		if !regexp.MustCompile(`rel="[^"]*\bsponsored\b`).MatchString(tag) {
			t.Errorf("affiliate anchor without rel sponsored: %s", tag)
		}
	}
	golden := filepath.Join("testdata", "golden-example", "kartra.html")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		n := firstDiffLine(want, []byte(got))
		t.Errorf("%s differs from %s at line %d (-update to accept):\n golden: %q\n    got: %q", page, golden, n, lineAt(want, n), lineAt([]byte(got), n))
	}
}
