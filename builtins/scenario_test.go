package builtins

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/programs"
)

// A scenario's billing and ramp reach the facts and the earnings
// shortcode; the figures are those of programs' TestScenarioEarnings.
func TestScenarioFactsAndSummary(t *testing.T) {
	t.Parallel()
	p, err := programs.Parse("acme.yaml", []byte(`name: Acme
url: https://acme.example/
commission: 40%
recurring: true
plans:
  - {name: Starter, monthly: 99, annual: 948}
  - {name: Silver, monthly: 199, annual: 1788}
  - {name: Gold, monthly: 299, annual: 2748}
scenarios:
  - {name: Annual, billing: annual, mix: {starter: 20, silver: 20, gold: 10}}
  - {name: Ramp, ramp: {months: 12}, mix: {silver: 2}}
  - {name: One, ramp: {months: 1}, mix: {silver: 2}}
`))
	if err != nil {
		t.Fatal(err)
	}
	ts := loadThemeTemplates(t)
	st := testState(programs.NewSet(p))
	for _, tt := range []struct{ src, want string }{
		{`{{< fact acme "scenarios.annual.annual" >}}`, "$32,880.00"},
		{`{{< fact acme "scenarios.annual.monthly" >}}`, "$2,740.00"},
		{`{{< fact acme "scenarios.annual.total" >}}`, "$32,880.00"},
		{`{{< fact acme "scenarios.ramp.final_month" >}}`, "$1,910.40"},
		{`{{< fact acme "scenarios.ramp.period_total" >}}`, "$12,417.60"},
		{`{{< fact acme "scenarios.ramp.months" >}}`, "12"},
	} {
		got, err := expandPage(t, ts, st, tt.src)
		if err != nil || strings.TrimSpace(got) != tt.want {
			t.Errorf("%s = %q, %v; want %q", tt.src, got, err, tt.want)
		}
	}
	for _, tt := range []struct{ src, want string }{
		{`{{< fact acme "scenarios.annual.final_month" >}}`, `scenario "annual" has no ramp`},
		{`{{< fact acme "scenarios.ramp.annual" >}}`, `scenario "ramp" is a ramp; use .final_month or .period_total`},
	} {
		if _, err := expandPage(t, ts, st, tt.src); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.src, err, tt.want)
		}
	}
	out, err := expandPage(t, ts, st, `{{< earnings program="acme" scenario="annual" >}}`+"\n\n"+`{{< earnings program="acme" scenario="ramp" >}}`+"\n\n"+`{{< earnings program="acme" scenario="one" >}}`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Annual: yearly commission at 40% recurring", ">Per year<", ">Total per year<", "$32,880.00",
		"Over these customers&#39; first 12 months: $32,880.00, $2,740.00 a month on average.",
		"Ramp: new customers each month, for 12 months; the first payment of each.",
		"Month 12: $1,910.40; $12,417.60 over the 12 months.",
		// 2 × $199.00 × 40%, in its one month.
		"One: new customers each month, for 1 month; the first payment of each.",
		"Month 1: $159.20; $159.20 over the month.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("earnings output lacks %q:\n%s", want, out)
		}
	}
}
