package check

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestReviewMarkup: a Review without an author is an error; pros in the
// markup that the page does not show are a warning; a review with its
// author and its pros-cons block shown is clean of both.
func TestReviewMarkup(t *testing.T) {
	t.Parallel()
	withPros := program("https://acme.test/", "2027-05-01") + "pros:\n  - Fast payouts\ncons:\n  - Manual approval\n"
	tests := []struct {
		name, author, body string
		want, notWant      []string
	}{
		{"no author", "", "{{< verdict rating=\"4\" >}}\n\n{{< pros-cons >}}\n",
			[]string{"error: review markup has no author"}, []string{"which the page does not show"}},
		{"notes not shown", "Ann Example", "{{< verdict rating=\"4\" >}}\n",
			[]string{`warning: review markup lists "Fast payouts", which the page does not show`, `"Manual approval"`},
			[]string{"has no author"}},
		{"author and notes shown", "Ann Example", "{{< verdict rating=\"4\" >}}\n\n{{< pros-cons >}}\n",
			nil, []string{"has no author", "which the page does not show"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := baseSite("auto")
			files["data/programs/acme.yaml"] = withPros
			front := "---\ntitle: Review\ndescription: d\nprogram: acme\n"
			if tt.author != "" {
				front += "author: " + tt.author + "\n"
			}
			files["content/posts/review.md"] = front + "lastmod: 2027-05-02\n---\n{{< disclosure >}}\n\n## Plans\n\n" + tt.body + "\n[Plans](#plans) and [other](/posts/other/).\n"
			got := strings.Join(lines(runCheck(t, sitetest.WriteFiles(t, files), Options{})), "\n")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("findings lack %q:\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("findings have %q:\n%s", w, got)
				}
			}
		})
	}
}
