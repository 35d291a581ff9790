package check

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

// amazonPriceSite shows Amazon prices as of several times before now
// (June 1, 2027, 00:00 UTC): from programs' prices_checked and from
// checked=, and one price that is not Amazon's.
func amazonPriceSite(t *testing.T) map[string]string {
	t.Helper()
	var pic bytes.Buffer
	if err := png.Encode(&pic, image.NewGray(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	amazon := func(id, checked string) string {
		return "name: \"" + id + "\"\nurl: \"https://www.amazon.com/dp/" + strings.ToUpper(id) + "\"\nref_param: \"tag\"\nref_id: \"me-20\"\n" +
			"prices_checked: " + checked + "\nplans:\n  - {id: item, name: \"Item " + id + "\", price: 24.99}\n"
	}
	page := func(products ...string) string {
		return "---\ntitle: P\ndescription: d\n---\n{{< disclosure >}}\n\nAs an Amazon Associate I earn from qualifying purchases.\n\n" + strings.Join(products, "\n\n") + "\n"
	}
	files := baseSite("auto")
	files["static/images/p.png"] = pic.String()
	files["data/programs/stale.yaml"] = amazon("stale", "2027-05-20")
	files["data/programs/fresh.yaml"] = amazon("fresh", "2027-05-31") // 24 hours: still allowed
	files["data/links/l.yaml"] = "links:\n  - id: lamp\n    destination: https://www.amazon.com/dp/LAMP\n    program: fresh\n  - id: mug\n    destination: https://shop.example/mug\n"
	files["content/posts/a.md"] = page(
		`{{< product program="stale" image="/images/p.png" >}}`,
		`{{< product program="fresh" image="/images/p.png" >}}`,
		`{{< product link="lamp" name="Lamp" price="$20.00" checked="2027-05-31T12:00:00Z" image="/images/p.png" >}}`,
		`{{< product link="lamp" name="Lamp" price="$20.00" checked="2027-05-30T23:00:00Z" image="/images/p.png" >}}`,
		`{{< product link="mug" name="Mug" price="$9.00" checked="2027-01-01" image="/images/p.png" >}}`)
	files["content/posts/b.md"] = page(`{{< product program="stale" image="/images/p.png" >}}`)
	return files
}

// TestAmazonPricesOlderThan24Hours: an Amazon price shown as of more
// than 24 hours before the check is reported once, where its date is
// written, a warning and an error with --strict; the clock is the
// check's Now.
func TestAmazonPricesOlderThan24Hours(t *testing.T) {
	t.Parallel()
	dir := sitetest.WriteFiles(t, amazonPriceSite(t))
	amazonFindings := func(opts Options) []string {
		var got []string
		for _, f := range runCheck(t, dir, opts).Findings {
			if strings.Contains(f.Message, "Amazon price") {
				got = append(got, f.String())
			}
		}
		return got
	}
	want := []string{
		`content/posts/a.md:15: warning: Amazon price as of 2027-05-30T23:00:00Z, 25 hours ago; Amazon's terms allow at most 24 hours: check the price and checked= again and rebuild (daily), or show no price (column 61)`,
		`data/programs/stale.yaml:5: warning: program stale: its Amazon price is shown as of 2027-05-20, 12 days ago; Amazon's terms allow at most 24 hours: check the price and prices_checked again and rebuild (daily), or show no price (price="") (column 1)`,
	}
	if got := amazonFindings(Options{}); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := amazonFindings(Options{Strict: true}); len(got) != 2 || !strings.Contains(got[0], ": error: ") || !strings.Contains(got[1], ": error: ") {
		t.Errorf("with --strict, want the two as errors:\n%s", strings.Join(got, "\n"))
	}
	// At the start of May 21 the oldest price (May 20) is 24 hours old,
	// still allowed, and the others are not checked yet.
	if got := amazonFindings(Options{Now: time.Date(2027, 5, 21, 0, 0, 0, 0, time.UTC)}); len(got) != 0 {
		t.Errorf("on May 21: %s", strings.Join(got, "\n"))
	}
}

// TestAmazonPricesNotFromBuiltins: a page of an Amazon program whose
// prices_checked is old, with every built-in that prints prices other
// than the product box, shows no Amazon price (builtins' pricesShown),
// so the rule never reports it.
func TestAmazonPricesNotFromBuiltins(t *testing.T) {
	t.Parallel()
	files := amazonPriceSite(t)
	files["content/posts/a.md"] = "---\ntitle: P\ndescription: d\nprogram: stale\n---\n{{< disclosure >}}\n\nAs an Amazon Associate I earn from qualifying purchases.\n\n" +
		"{{< plans >}}\n\n{{< commission-table >}}\n\n{{< earnings item=2 >}}\n\n{{< calculator >}}\n\n{{< compare programs=\"stale,fresh\" >}}\n\n" +
		"It earns {{< fact \"plans.item.commission\" >}} a sale.\n"
	delete(files, "content/posts/b.md")
	for _, id := range []string{"stale", "fresh"} {
		files["data/programs/"+id+".yaml"] += "commission: {rate: 4%}\n"
	}
	res := runCheck(t, sitetest.WriteFiles(t, files), Options{})
	for _, f := range res.Findings {
		if f.File == "content/posts/a.md" || strings.Contains(f.Message, "Amazon price") {
			t.Errorf("finding: %s", f.String())
		}
	}
}
