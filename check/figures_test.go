package check

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

const figureProgram = `name: "Acme"
url: "https://acme.test/"
ref_id: "acme-demo-7"
commission: 35%
tier2: 10%
trial: {days: 14, price: 1}
payout: {minimum: 100, hold_days: 30, min_sales: 2}
cookie_days: 60
prices_checked: 2027-05-01
plans:
  - {name: Basic, monthly: 10, annual: 96}
`

// figureProse are lines 13 to 24 of TestFigures' review; they also seed
// FuzzTypedFigures.
var figureProse = []string{
	"Acme pays 40 % recurring.\n",                                        // line 13: contradicts the commission
	"The second tier pays 10% of their sales.\n",                         // 14: matches tier2
	"The payout minimum is $50.\n",                                       // 15: contradicts
	"Basic costs $10.00 a month.\n",                                      // 16: matches a plan price
	"A 45-day money-back hold applies.\n",                                // 17: contradicts hold_days
	"It pays {{< fact \"rate\" >}} and a 20% discount code and `50%`.\n", // 18: nothing
	"```\n40% in code\n```\n",
	"Acme's lowest price is $7 a month.\n", // 22: contradicts lowest_price ($96.00/year)
	"Plans start at $96 a year,\n",         // 23: matches lowest_price
	"that is $8.00 a month.\n",             // 24: matches lowest_price.per_month
}

func TestFigures(t *testing.T) {
	t.Parallel()
	site := baseSite("auto")
	site["data/programs/acme.yaml"] = figureProgram
	site["content/posts/review.md"] = "---\ntitle: Review\ndescription: d\nlastmod: 2027-05-02\nprogram: acme\n---\n{{< disclosure >}}\n\n## Plans\n\nTry {{< afflink >}}.\n\n" +
		strings.Join(figureProse, "") +
		"[Plans](#plans) and [other](/posts/other/).\n"
	res := runCheck(t, sitetest.WriteFiles(t, site), Options{})
	got := strings.Join(lines(res), "\n")
	for _, want := range []string{
		`content/posts/review.md:13: error: says 40 % but acme's commission is 35%; write {{< fact "commission" >}} (column 11)`,
		`content/posts/review.md:14: warning: 10% typed by hand is acme's tier2: write {{< fact "tier2" >}} so that it follows the data (column 22)`,
		`content/posts/review.md:15: error: says $50 but acme's payout.minimum is $100.00; write {{< fact "payout.minimum" >}} (column 23)`,
		`content/posts/review.md:16: warning: $10.00 typed by hand is acme's plans.basic.monthly: write {{< fact "plans.basic.monthly" >}} so that it follows the data (column 13)`,
		`content/posts/review.md:17: error: says 45-day but acme's payout.hold_days is 30; write {{< fact "payout.hold_days" >}} (column 3)`,
		`content/posts/review.md:22: error: says $7 but acme's lowest_price is $96.00/year; write {{< fact "lowest_price" >}} (column 24)`,
		`content/posts/review.md:23: warning: $96 typed by hand is acme's lowest_price: write {{< fact "lowest_price" >}} so that it follows the data (column 16)`,
		`content/posts/review.md:24: warning: $8.00 typed by hand is acme's lowest_price.per_month: write {{< fact "lowest_price.per_month" >}} so that it follows the data (column 9)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s", want)
		}
	}
	for _, l := range lines(res) {
		if strings.Contains(l, "review.md:18:") || strings.Contains(l, "review.md:20:") {
			t.Errorf("figure outside prose reported: %s", l)
		}
	}
	if t.Failed() {
		t.Log(got)
	}
}

func TestPlaceholderRefIDIsAnError(t *testing.T) {
	t.Parallel()
	site := baseSite("auto")
	site["data/programs/acme.yaml"] = strings.Replace(program("https://acme.test/", "2027-05-01"), `ref_param: "ref"`, "ref_param: \"ref\"\nref_id: \"YOUR-AFFILIATE-ID\"", 1)
	res := runCheck(t, sitetest.WriteFiles(t, site), Options{})
	got := strings.Join(lines(res), "\n")
	if !strings.Contains(got, `data/programs/acme.yaml:4: error: program acme: referral id "YOUR-AFFILIATE-ID" (its ref_id) is a placeholder`) {
		t.Errorf("no placeholder error:\n%s", got)
	}
	// Once, at the program: not again at each page's link (the build's warning).
	if n := strings.Count(got, "YOUR-AFFILIATE-ID"); n != 1 {
		t.Errorf("the placeholder is reported %d times, want once:\n%s", n, got)
	}
}
