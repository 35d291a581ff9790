package builtins

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/shortcodes"
)

func TestCalculatorGolden(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := modelPrograms(t)
	tests := []struct{ name, src string }{
		// The first scenario's customers, tier 2 shown by default.
		{"calculator", `{{< calculator program="kartra" >}}` + "\n"},
		// Chosen plans and counts, annual where the plan has it, no tier 2.
		{"calculator_counts", `{{< calculator program="kartra" plans="starter,gold" Starter=3 gold=1 billing="annual" tier2="false" >}}` + "\n"},
		// A floor, a flat per-plan commission and a flat second tier; one
		// customer of each plan without a scenario.
		{"calculator_models", `{{< calculator program="wpengine" >}}` + "\n" +
			`{{< calculator program="amazon" >}}` + "\n" + `{{< calculator program="kit" >}}` + "\n"},
		// Volume tiers: fixed figures for the whole mix, said why.
		{"calculator_tiers", `{{< calculator program="siteground" startup=4 growbig=3 >}}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := testState(set)
			st.Config.BasePath = "/"
			out, err := expandPage(t, ts, st, tt.src)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, out, st)
		})
	}
}

// lastCalculator expands src and returns the data of its last calculator.
func lastCalculator(t *testing.T, src string) *CalculatorData {
	t.Helper()
	st := testState(modelPrograms(t))
	var d *CalculatorData
	r := Registry(st)
	doc, err := shortcodes.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r.Add("calculator", func(inv *shortcodes.Invocation) error {
		err := st.Calculator(inv)
		d, _ = inv.Data.(*CalculatorData)
		return err
	}, shortcodes.WithArgs(shortcodes.Args{Named: calculatorOptions(), OtherNamed: st.earningsPlanArg}))
	env := &shortcodes.Env{File: testFile, LineOffset: 5, Registry: r, Templates: loadThemeTemplates(t)}
	if _, err := shortcodes.Expand([]byte(src), doc, env); err != nil {
		t.Fatal(err)
	}
	if d == nil {
		t.Fatal("no calculator data")
	}
	return d
}

// Test the figures by hand: Kartra's 40% recurring and 10% second tier.
func TestCalculatorFigures(t *testing.T) {
	t.Parallel()
	d := lastCalculator(t, `{{< calculator program="kartra" plans="starter,silver" starter=6 silver=6 >}}`)
	// Starter: 6 × 40% × $99 = $237.60 a month, 12 months $2,851.20;
	// Silver: 6 × 40% × $199 = $477.60, $5,731.20. Tier 2: 6 × 9.90 =
	// $59.40 and 6 × 19.90 = $119.40 a month.
	want := [][4]string{{"$237.60", "$2,851.20", "$59.40", "$712.80"}, {"$477.60", "$5,731.20", "$119.40", "$1,432.80"}}
	for i, r := range d.Rows {
		if got := [4]string{r.Month, r.Year, r.Tier2Month, r.Tier2Year}; got != want[i] {
			t.Errorf("row %s = %v, want %v", r.Plan, got, want[i])
		}
	}
	if d.Month != "$715.20" || d.Year != "$8,582.40" || d.Tier2Month != "$178.80" || d.Tier2Year != "$2,145.60" {
		t.Errorf("totals %s %s %s %s", d.Month, d.Year, d.Tier2Month, d.Tier2Year)
	}
	if !d.Live || d.Prefix != "$" || d.Decimals != 2 {
		t.Errorf("live %v prefix %q decimals %d", d.Live, d.Prefix, d.Decimals)
	}
	// The annual option of Starter: 40% of $948 once = 37,920 cents.
	if o := d.Rows[0].Options[1]; o.Billing != "annual" || o.Year != "37920/1" || o.Tier2Year != "9480/1" || o.Selected {
		t.Errorf("starter annual option = %+v", o)
	}
	// Amazon's first product at 4.5% of $19.99: 89.955 cents, an exact
	// fraction; its label names the billing, not the price, which a page
	// may not show (TestAmazonPrices).
	a := lastCalculator(t, `{{< calculator program="amazon" >}}`)
	if o := a.Rows[0].Options[0]; o.Year != "17991/200" || o.Label != "Once" {
		t.Errorf("amazon option = %+v", o)
	}
	s := lastCalculator(t, `{{< calculator program="siteground" startup=4 growbig=3 >}}`)
	// 7 sales reach the $75 tier, which pays every sale of the month
	// (retroactive): 7 × $75 = $525.00; / 12 = $43.75.
	if s.Live || s.Year != "$525.00" || s.Month != "$43.75" || s.Rows[0].Year != "" || !strings.Contains(s.Why, "volume tiers") {
		t.Errorf("siteground: live %v, %s / %s, row %q, why %q", s.Live, s.Year, s.Month, s.Rows[0].Year, s.Why)
	}
}

func TestCalculatorErrors(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := modelPrograms(t)
	const at = testFile + ":6:1: "
	tests := []struct{ src, want string }{
		{`{{< calculator program="kartra" billing="anual" >}}`, `shortcode "calculator": billing="anual" is not a billing (did you mean "annual"?)`},
		{`{{< calculator program="kartra" billing="weekly" >}}`, `shortcode "calculator": billing="weekly" is not a billing (monthly, annual or once)`},
		{`{{< calculator program="kartra" starter="x" >}}`, `shortcode "calculator": starter="x" is not a count (a whole number from 0 to 1000000)`},
		{`{{< calculator program="kartra" starter="1000001" >}}`, `shortcode "calculator": starter="1000001" is not a count (a whole number from 0 to 1000000)`},
		{`{{< calculator program="kartra" plans="starter" gold=1 >}}`, `shortcode "calculator": gold="1" counts plan "gold", which plans= leaves out`},
		{`{{< calculator program="kartra" plans="starter,diamond" >}}`, `shortcode "calculator": unknown plan "diamond" of program "kartra" (plans: starter, silver, gold, platinum)`},
		{`{{< calculator program="kartra" diamond=1 >}}`, `shortcode "calculator": unknown plan "diamond" of program "kartra" (plans: starter, silver, gold, platinum)`},
		{`{{< calculator program="kartra" scenario="lottery" >}}`, `shortcode "calculator": unknown scenario "lottery" of program "kartra" (scenarios: one-referral-a-month, one-referral-a-week, paid-advertising)`},
		{`{{< calculator program="kartra" scenario="paid-advertising" gold=1 >}}`, `shortcode "calculator": give either scenario= or plan counts, not both`},
		{`{{< calculator program="kartra" plans="starter" scenario="paid-advertising" >}}`, `shortcode "calculator": scenario "paid-advertising" counts plan "silver", which the calculator does not show (plans: starter)`},
		{`{{< calculator program="kartra" tier2="maybe" >}}`, `shortcode "calculator": tier2="maybe" is not true or false`},
		{`{{< calculator program="kit" tier2="true" >}}`, `shortcode "calculator": tier2="true", but program "kit" has no second tier`},
		{`{{< calculator program="kartra" scenaro="x" >}}`, `6:33: unknown argument "scenaro" of calculator; did you mean "scenario"?`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			_, err := expandPage(t, ts, testState(set), tt.src)
			if err == nil {
				t.Fatal("no error")
			}
			want := at + tt.want
			if strings.HasPrefix(tt.want, "6:") {
				want = testFile + ":" + tt.want
			}
			if got := err.Error(); got != want {
				t.Errorf("error\n got %s\nwant %s", got, want)
			}
		})
	}
}
