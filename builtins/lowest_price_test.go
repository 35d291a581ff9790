package builtins

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/programs"
)

// Test lowest_price and lowest_price.per_month on programs the data
// files cannot show: prices a month that need rounding, one-off prices,
// free plans only, no plans.
func TestLowestPriceFacts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		plans            []*programs.Plan
		lowest, perMonth string // "error: …" for a missing fact
	}{
		// $299.00/year is $24.91⅔ a month: $24.92, rounded half-up once.
		{"annual", []*programs.Plan{{ID: "cloud", Monthly: 2900, HasMonthly: true, Annual: 29900, HasAnnual: true}},
			"$299.00/year", "$24.92/month"},
		// $10.00 for 3 months is $3.33⅓ a month: $3.33.
		{"a period", []*programs.Plan{{ID: "q", Price: 1000, HasPrice: true, PeriodMonths: 3}, {ID: "m", Monthly: 400, HasMonthly: true}},
			"$10.00/3 months", "$3.33/month"},
		{"a period of a year", []*programs.Plan{{ID: "y", Price: 6000, HasPrice: true, PeriodMonths: 12}},
			"$60.00/year", "$5.00/month"},
		{"monthly", []*programs.Plan{{ID: "m", Monthly: 1999, HasMonthly: true}}, "$19.99/month", "$19.99/month"},
		{"one-off", []*programs.Plan{{ID: "book", Price: 1999, HasPrice: true}, {ID: "course", Price: 9900, HasPrice: true}},
			"$19.99", `error: program "x" has no recurring price (its lowest is a one-off price)`},
		{"free only", []*programs.Plan{{ID: "free", Free: true}},
			`error: program "x" has no paid plan`, `error: program "x" has no paid plan`},
		{"no plans", nil, `error: program "x" has no paid plan`, `error: program "x" has no paid plan`},
	}
	for _, tc := range tests {
		p := &programs.Program{ID: "x", Name: "X", URL: "https://x.example/", Plans: tc.plans}
		st := testState(programs.NewSet(p))
		for path, want := range map[string]string{"lowest_price": tc.lowest, "lowest": tc.lowest, "lowest_price.per_month": tc.perMonth} {
			got, err := st.FactText(p, path)
			if err != nil {
				got = "error: " + strings.TrimPrefix(err.Error(), `shortcode "fact": `)
			}
			if got != want {
				t.Errorf("%s: %s = %q, want %q", tc.name, path, got, want)
			}
		}
	}
}
