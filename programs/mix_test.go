package programs

import (
	"fmt"
	"testing"
)

// TestMix prices mixes as an earnings table shows them, by hand in the
// comment beside each row.
func TestMix(t *testing.T) {
	t.Parallel()
	const tiered = "commission: {rate: 30%, recurring: first_payment, tier_period: month, tiers: [{from: 11, rate: 40%}]}\n" +
		"plans:\n  - {name: Shop, monthly: 32}\n  - {name: Big, monthly: 100}\n"
	tests := []struct {
		name, src, want string
	}{
		// Sales 1–10 at 30% of $32 (9.60), 11–12 at 40% (12.80): 96.00 + 25.60.
		{"below the first tier", tiered + "scenarios:\n  - {name: S, mix: {shop: 12}}\n",
			"[Shop 12 × 9.60 = 121.60] total 121.60"},
		// Shop: sales 1–8 at 9.60 = 76.80; Big: sales 9–10 at 30.00, 11–12 at 40.00 = 140.00.
		{"rows numbered in order", tiered + "scenarios:\n  - {name: S, mix: {shop: 8, big: 4}}\n",
			"[Shop 8 × 9.60 = 76.80] [Big 4 × 30.00 = 140.00] total 216.80"},
		// 12 sales reach the 40% tier, which pays every one: 12 × 12.80.
		{"retroactive", "commission: {rate: 30%, recurring: first_payment, retroactive: true, tier_period: month, tiers: [{from: 11, rate: 40%}]}\n" +
			"plans:\n  - {name: Shop, monthly: 32}\nscenarios:\n  - {name: S, mix: {shop: 12}}\n",
			"[Shop 12 × 12.80 = 153.60] total 153.60"},
		// Each sale earns 2.5% of $10.10, $0.2525: B's sale rounds once to
		// 0.25 (the difference of two rounded period totals, 0.51 − 0.25,
		// would make it 0.26).
		{"a row rounded once", "commission: {rate: 2.5%, recurring: first_payment, tier_period: month, tiers: [{from: 11, rate: 40%}]}\n" +
			"plans:\n  - {name: A, monthly: 10.10}\n  - {name: B, monthly: 10.10}\nscenarios:\n  - {name: S, mix: {a: 1, b: 1}}\n",
			"[A 1 × 0.25 = 0.25] [B 1 × 0.25 = 0.25] total 0.50"},
		// Two sales of $0.2525 in one row under tiers: each rounds to 0.25,
		// times two, as a row without tiers shows it (the row's exact sum,
		// 0.505, would round to 0.51 beside a "0.25 each").
		{"a tiered row is each sale rounded, times the count", "commission: {rate: 2.5%, recurring: first_payment, tier_period: month, tiers: [{from: 11, rate: 40%}]}\n" +
			"plans:\n  - {name: A, monthly: 10.10}\nscenarios:\n  - {name: S, mix: {a: 2}}\n",
			"[A 2 × 0.25 = 0.50] total 0.50"},
		// Sales 1–10 at 30% of $10.05 (3.015 → 3.02 each), 11–12 at 40%
		// (4.02): 30.20 + 8.04, not the exact 38.19 rounded.
		{"each tier's sale rounded once", "commission: {rate: 30%, recurring: first_payment, tier_period: month, tiers: [{from: 11, rate: 40%}]}\n" +
			"plans:\n  - {name: A, monthly: 10.05}\nscenarios:\n  - {name: S, mix: {a: 12}}\n",
			"[A 12 × 3.02 = 38.24] total 38.24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse("x.yaml", []byte("name: X\nurl: https://x.example/\n"+tt.src))
			if err != nil {
				t.Fatal(err)
			}
			e, err := p.Mix(p.Scenarios[0], false)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, r := range e.Rows {
				got += fmt.Sprintf("[%s %d × %s = %s] ", r.Plan.Name, r.Count, r.Per, r.Sum)
			}
			if got += "total " + e.Total.String(); got != tt.want {
				t.Errorf("Mix = %s, want %s", got, tt.want)
			}
		})
	}
}
