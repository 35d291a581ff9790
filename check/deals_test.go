package check

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

func TestDeals(t *testing.T) {
	t.Parallel()
	// now is June 1, 2027.
	files := baseSite("auto")
	files["site.toml"] += "deal_warn_days = 10\n"
	files["content/posts/deals.md"] = "---\ntitle: Deals\ndescription: d\n---\n{{< disclosure >}}\n\n" +
		"{{< deal program=\"acme\" code=\"SOON\" gives=\"10% off\" expires=\"2027-06-05\" >}}\n\n" +
		"{{< deal program=\"acme\" code=\"LATER\" gives=\"10% off\" expires=\"2027-07-30\" >}}\n\n" +
		"{{< deal program=\"acme\" code=\"GONE\" gives=\"10% off\" expires=\"2027-05-31\" >}}\n\n" +
		"{{< deal program=\"acme\" code=\"COVERED\" gives=\"10% off\" expires=\"2027-05-31\" fallback=\"Ended; see the plans.\" >}}\n"
	res := runCheck(t, sitetest.WriteFiles(t, files), Options{})
	var got []string
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "deal") {
			got = append(got, f.String())
		}
	}
	want := []string{
		`content/posts/deals.md:7: warning: deal SOON ends in 5 days (expires="2027-06-05", deal_warn_days = 10): renew it or give it a fallback= (column 31)`,
		`content/posts/deals.md:11: error: deal GONE expired (expires="2027-05-31") and has no fallback=: readers see an ended deal with nothing instead; add fallback= (and fallback_url=) or remove the box (column 31)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("deal findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
