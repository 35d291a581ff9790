package builtins

import (
	"strings"
	"testing"
)

func TestFact(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := modelPrograms(t)
	tests := []struct{ src, want string }{
		{`Kartra pays {{< fact kartra "commission" >}} recurring.`, "Kartra pays 40% recurring."},
		{`{{< fact kartra "plans.silver.commission.annual" >}}`, "$715.20"},
		{`{{< fact kartra "plans.Platinum.commission.monthly" >}}`, "$199.60"},
		{`{{< fact kartra "plans.gold.tier2.annual" >}}`, "$274.80"},
		{`{{< fact kartra "plans.starter.tier2" >}}`, "$9.90"},
		{`{{< fact kartra "plans.silver.monthly" >}}`, "$199.00"},
		{`{{< fact kartra "plans.silver.annual" >}}`, "$1,788.00"},
		{`{{< fact kartra "tier2" >}}`, "10%"},
		{`{{< fact kartra "recurring" >}}`, "for as long as the customer pays"},
		{`{{< fact kartra "minimum" >}}`, "$100.00"},
		{`{{< fact kartra "hold" >}}`, "30 days"},
		{`{{< fact kartra "min_sales" >}}`, "2"},
		{`{{< fact kartra "methods" >}}`, "PayPal, check or bank wire"},
		{`{{< fact kartra "schedule" >}}`, "monthly"},
		{`{{< fact kartra "trial_days" >}}`, "14"},
		{`{{< fact kartra "trial_price" >}}`, "$1.00"},
		// Kartra's Starter: $948.00/year ($79.00 a month) is below its
		// $99.00/month.
		{`{{< fact kartra "lowest" >}}`, "$948.00/year"},
		{`{{< fact kartra "lowest_price.per_month" >}}`, "$79.00/month"},
		// Systeme.io: not the free plan; Startup's $228.00/year ($19.00).
		{`{{< fact systemeio "lowest" >}}`, "$228.00/year"},
		// NordVPN: $83.76 for 2 years ($3.49 a month) beats $59.88/year.
		{`{{< fact nordvpn "lowest" >}}`, "$83.76/2 years"},
		{`{{< fact nordvpn "lowest_price.per_month" >}}`, "$3.49/month"},
		{`{{< fact kit "lowest" >}}`, "$100.00/month"},
		{`{{< fact kartra "checked" >}}`, "November 1, 2026"},
		{`{{< fact kartra "scenarios.one-referral-a-week.total" >}}`, "$4,659.20"},
		{`{{< fact kartra "scenarios.paid-advertising.total" >}}`, "$17,880.00"},
		{`{{< fact kartra "scenarios.one-referral-a-month.total" >}}`, "$715.20"},
		{`{{< fact program="kartra" name="cookie" >}}`, ""},
		{`{{< fact funnelforge "cookie" >}}`, "60 days"},
		{`{{< fact systemeio "cookie" >}}`, "lifetime"},
		// Before a noun: "a 60-day cookie", never "a 60 days cookie".
		{`A {{< fact funnelforge "cookie.adjective" >}} cookie`, "A 60-day cookie"},
		{`A {{< fact systemeio "cookie.adjective" >}} cookie`, "A lifetime cookie"},
		{`A {{< fact amazon "cookie.adjective" >}} cookie`, "A 24-hour cookie"},
		{`A {{< fact kartra "hold.adjective" >}} hold`, "A 30-day hold"},
		{`A {{< fact kartra "payout.hold.adjective" >}} hold`, "A 30-day hold"},
		{`{{< fact kit "recurring" >}}`, "for the first 12 months"},
		{`{{< fact wpengine "plans.scale.commission" >}}`, "$290.00"},
		{`{{< fact wpengine "tier2" >}}`, "$50 a sale"},
		// A commission on an Amazon price is not a price, and is shown
		// (its prices are not: TestAmazonPrices).
		{`{{< fact amazon "plans.chefs-knife.commission" >}}`, "$0.90"},
		{`{{< fact siteground "commission" >}}`, "per sale: $50 for sales 1–5 a month, $75 for 6–10, $100 for 11–20, custom terms from the 21st (every sale of the month at the tier reached)"},
	}
	for _, tt := range tests {
		st := testState(set)
		out, err := expandPage(t, ts, st, tt.src)
		if tt.want == "" { // kartra has no cookie_days
			if err == nil || !strings.Contains(err.Error(), `program "kartra" has no cookie_days`) {
				t.Errorf("%s: err = %v", tt.src, err)
			}
			continue
		}
		// A shortcode alone on its line ends its block; inline it does not.
		if out = strings.TrimSuffix(out, "\n"); err != nil || out != tt.want {
			t.Errorf("%s = %q, %v; want %q", tt.src, out, err, tt.want)
		}
	}
}

func TestFactErrors(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	const at = testFile + ":6:"
	tests := []struct{ src, want string }{
		{`x {{< fact kartr "commission" >}}`, at + `3: shortcode "fact": unknown program "kartr" (did you mean "kartra"?)`},
		{`{{< fact kartra "comission" >}}`, at + `1: shortcode "fact": unknown fact "comission" of program "kartra" (did you mean "commission"?)`},
		{`{{< fact kartra "plans.silvr.monthly" >}}`, at + `1: shortcode "fact": unknown plan "silvr" of program "kartra" (did you mean "silver"?)`},
		{`{{< fact kartra "plans.silver.anual" >}}`, at + `1: shortcode "fact": unknown fact "plans.silver.anual" of program "kartra" (did you mean "plans.silver.annual"?)`},
		{`{{< fact shieldwave "plans.family.annual" >}}`, at + `1: shortcode "fact": "plans.family.annual": plan "family" of program "shieldwave" has no annual price`},
		{`{{< fact kartra "scenarios.one-a-day.total" >}}`, at + `1: shortcode "fact": unknown scenario "one-a-day" of program "kartra" (scenarios: one-referral-a-month, one-referral-a-week, paid-advertising)`},
		{`{{< fact kartra "commission" "x" >}}`, at + `30: shortcode "fact" takes 2 positional arguments (program, fact)`},
	}
	for _, tt := range tests {
		_, err := expandPage(t, ts, testState(set), tt.src)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: err = %v\nwant %s", tt.src, err, tt.want)
		}
	}
}
