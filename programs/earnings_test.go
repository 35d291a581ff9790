package programs

import (
	"strings"
	"testing"
)

// kartraPlans are Kartra's plans, for scenarioCases.
const kartraPlans = `plans:
  - {name: Starter, monthly: 99, annual: 948}
  - {name: Silver, monthly: 199, annual: 1788}
  - {name: Gold, monthly: 299, annual: 2748}
  - {name: Platinum, monthly: 499, annual: 4548}
`

// scenarioCases are scenarios whose figures are computed by hand in the
// comment beside each; they also seed FuzzCommission.
var scenarioCases = []struct {
	name, src                          string
	annual, monthly, finalMonth, total string
}{
	// 10 × 40% × $199 = $796.00 a month; 12 of them = $9,552.00.
	{"lifetime, monthly billing", "commission: 40%\nrecurring: true\n" + kartraPlans +
		"scenarios:\n  - {name: S, mix: {silver: 10}}\n", "9,552.00", "796.00", "0.00", "0.00"},
	// 10 × 40% × $1,788 = $7,152.00 a year; / 12 = $596.00.
	{"lifetime, annual billing", "commission: 40%\nrecurring: true\n" + kartraPlans +
		"scenarios:\n  - {name: S, billing: annual, mix: {silver: 10}}\n", "7,152.00", "596.00", "0.00", "0.00"},
	// 20 × $379.20 + 20 × $715.20 + 10 × $1,099.20 = 7,584 + 14,304 + 10,992 = $32,880.00; / 12 = $2,740.00.
	{"annual plan mix", "commission: 40%\nrecurring: true\n" + kartraPlans +
		"scenarios:\n  - {name: S, billing: annual, mix: {starter: 20, silver: 20, gold: 10}}\n", "32,880.00", "2,740.00", "0.00", "0.00"},
	// 40 × 4.5% × $24.99 = 40 × 1.12455 = $44.982 → $44.98; / 12 = 3.7485 → $3.75.
	{"one-time buyers", "commission: {recurring: first_payment, categories: {Kitchen: 4.5%, other: 4%}}\n" +
		"plans:\n  - {name: Scale, price: 24.99, category: Kitchen}\nscenarios:\n  - {name: S, mix: {scale: 40}}\n",
		"44.98", "3.75", "0.00", "0.00"},
	// 50% of $39 = $19.50, 12 payments in the first 12 months: 8 × 12 × 19.50 = $1,872.00; / 12 = $156.00.
	{"first 12 months", "commission: {rate: 50%, months: 12}\nplans:\n  - {name: Growth, monthly: 39, annual: 390}\n" +
		"scenarios:\n  - {name: S, mix: {growth: 8}}\n", "1,872.00", "156.00", "0.00", "0.00"},
	// 50% for 2 months: 2 payments of $19.50 = $39.00 each customer, × 8 = $312.00; / 12 = $26.00.
	{"first 2 months", "commission: {rate: 50%, months: 2}\nplans:\n  - {name: Growth, monthly: 39}\n" +
		"scenarios:\n  - {name: S, mix: {growth: 8}}\n", "312.00", "26.00", "0.00", "0.00"},
	// 30% of the first $32 only: 4 × 9.60 = $38.40; / 12 = $3.20.
	{"first payment only", "commission: 30%\nrecurring: false\nplans:\n  - {name: Shop, monthly: 32}\n" +
		"scenarios:\n  - {name: S, mix: {shop: 4}}\n", "38.40", "3.20", "0.00", "0.00"},
	// $65 a sale on an annual plan: 3 × 65 = $195.00; / 12 = $16.25.
	{"flat per sale", "commission: \"$65\"\nrecurring: false\nplans:\n  - {name: Starter, annual: 47.88}\n" +
		"scenarios:\n  - {name: S, mix: {starter: 3}}\n", "195.00", "16.25", "0.00", "0.00"},
	// Sales 1–10 at 30% of $32 (9.60), 11–12 at 40% (12.80): 96.00 + 25.60 = $121.60; / 12 = 10.1333 → $10.13.
	{"volume tiers", "commission: {rate: 30%, recurring: first_payment, tier_period: month, tiers: [{from: 11, rate: 40%}]}\n" +
		"plans:\n  - {name: Shop, monthly: 32}\nscenarios:\n  - {name: S, mix: {shop: 12}}\n", "121.60", "10.13", "0.00", "0.00"},
	// 2 a month for 12 months at 40% of $199 (79.60): month 12 has 24 paying, 24 × 79.60 = $1,910.40;
	// the total is 2 × 79.60 × (1 + … + 12) = 159.20 × 78 = $12,417.60.
	{"ramp", "commission: 40%\nrecurring: true\n" + kartraPlans +
		"scenarios:\n  - {name: S, ramp: {months: 12}, mix: {silver: 2}}\n", "0.00", "0.00", "1,910.40", "12,417.60"},
	// 1 a month, 50% of $100, 10% monthly churn: month 1: 50; month 2: 45 + 50 = 95;
	// month 3: 40.50 + 45 + 50 = 135.50; total 50 + 95 + 135.50 = $280.50.
	{"ramp with churn", "commission: 50%\nrecurring: true\nplans:\n  - {name: P, monthly: 100}\n" +
		"scenarios:\n  - {name: S, ramp: {months: 3, churn: 10%}, mix: {p: 1}}\n", "0.00", "0.00", "135.50", "280.50"},
	// 1 a month, 50% of $100 for 2 months: 50, 100, 100, 100 → final $100.00, total $350.00.
	{"ramp, first N months", "commission: {rate: 50%, months: 2}\nplans:\n  - {name: P, monthly: 100}\n" +
		"scenarios:\n  - {name: S, ramp: {months: 4}, mix: {p: 1}}\n", "0.00", "0.00", "100.00", "350.00"},
	// 1 a month on 40% of a $1,200 annual plan (480): months 1–12 earn 480; in months 13 and 14 the
	// first customers renew: 960 each. Total 12 × 480 + 2 × 960 = $7,680.00.
	{"ramp, annual billing", "commission: 40%\nrecurring: true\nplans:\n  - {name: P, annual: 1200}\n" +
		"scenarios:\n  - {name: S, billing: annual, ramp: {months: 14}, mix: {p: 1}}\n", "0.00", "0.00", "960.00", "7,680.00"},
	// Tiers count each month again: 12 a month earn $121.60 every month; 2 months = $243.20.
	{"ramp with tiers", "commission: {rate: 30%, recurring: first_payment, tier_period: month, tiers: [{from: 11, rate: 40%}]}\n" +
		"plans:\n  - {name: Shop, monthly: 32}\nscenarios:\n  - {name: S, ramp: {months: 2}, mix: {shop: 12}}\n", "0.00", "0.00", "121.60", "243.20"},
}

// TestScenarioEarnings computes scenarioCases.
func TestScenarioEarnings(t *testing.T) {
	t.Parallel()
	tests := scenarioCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse("x.yaml", []byte("name: X\nurl: https://x.example/\n"+tt.src))
			if err != nil {
				t.Fatal(err)
			}
			e, err := p.Earnings(p.Scenarios[0])
			if err != nil {
				t.Fatal(err)
			}
			got := []string{e.Annual.String(), e.Monthly.String(), e.FinalMonth.String(), e.Total.String()}
			want := []string{tt.annual, tt.monthly, tt.finalMonth, tt.total}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("annual, monthly, final month, total = %v, want %v", got, want)
			}
		})
	}
}

func TestScenarioErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ src, want string }{
		{"scenarios:\n  - {name: S, billing: weekly, mix: {a: 1}}\n", `x.yaml:8: scenario 1: billing "weekly" is not monthly, annual or once`},
		{"scenarios:\n  - {name: S, billing: annual, mix: {a: 1}}\n", `x.yaml:8: scenario "S": billing annual, but plan "a" has no annual price`},
		{"scenarios:\n  - {name: S, ramp: {months: 0}, mix: {a: 1}}\n", `x.yaml:8: scenario 1: ramp months must be 1–120 (a whole number of months), not 0`},
		{"scenarios:\n  - {name: S, ramp: {months: 3, churn: 150%}, mix: {a: 1}}\n", `x.yaml:8: churn: rate 150% is outside 0–1 (0%–100%)`},
		{"scenarios:\n  - {name: S, ramp: {month: 3}, mix: {a: 1}}\n", `x.yaml:8: unknown key "month" (did you mean "months"?)`},
	} {
		_, err := Parse("x.yaml", []byte(base+"commission: 40%\n"+tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.src, err, tt.want)
		}
	}
}
