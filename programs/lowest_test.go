package programs

import (
	"math"
	"testing"

	"github.com/affsite/affsite/money"
)

// Test LowestPrice on cases computed by hand: per month, exactly, over
// every billing of every paid plan.
func TestLowestPrice(t *testing.T) {
	t.Parallel()
	monthly := func(id string, c money.Cents) *Plan { return &Plan{ID: id, Monthly: c, HasMonthly: true} }
	annual := func(id string, c money.Cents) *Plan { return &Plan{ID: id, Annual: c, HasAnnual: true} }
	both := func(id string, m, a money.Cents) *Plan {
		return &Plan{ID: id, Monthly: m, HasMonthly: true, Annual: a, HasAnnual: true}
	}
	once := func(id string, c money.Cents, months int) *Plan {
		return &Plan{ID: id, Price: c, HasPrice: true, PeriodMonths: months}
	}
	free := &Plan{ID: "free", Free: true}
	const maxCents = money.Cents(math.MaxInt64)
	tests := []struct {
		name    string
		plans   []*Plan
		plan    string // "" for none
		billing Billing
		amount  money.Cents
	}{
		// HostHarbor: $47.88/year is $3.99 a month, below Cloud's $29.00
		// a month (and its $299.00/year, $24.91⅔).
		{"annual below monthly", []*Plan{annual("starter", 4788), annual("business", 9588), both("cloud", 2900, 29900)}, "starter", Annual, 4788},
		// $299.00/year ($24.91⅔ a month) beats the same plan's $29.00/month.
		{"same plan's annual", []*Plan{both("cloud", 2900, 29900)}, "cloud", Annual, 29900},
		// $348.00/year is exactly $29.00 a month: the shorter commitment.
		{"tie goes to monthly", []*Plan{both("a", 2900, 34800)}, "a", Monthly, 2900},
		{"tie across plans", []*Plan{annual("y", 12000), monthly("m", 1000)}, "m", Monthly, 1000},
		// $100.01/year is $8.334… a month, above $8.33; $99.99/year
		// ($8.3325) is below $8.34: 9999 < 834 × 12 = 10008.
		{"annual just above", []*Plan{annual("y", 10001), monthly("m", 833)}, "m", Monthly, 833},
		{"annual just below", []*Plan{monthly("m", 834), annual("y", 9999)}, "y", Annual, 9999},
		// NordVPN: $12.99/month, $59.88/year ($4.99), $83.76 for 24
		// months ($3.49).
		{"a period of months", []*Plan{monthly("1-month", 1299), annual("1-year", 5988), once("2-year", 8376, 24)}, "2-year", Once, 8376},
		// Amounts a float64 cannot tell apart: MaxInt64 / 12 is
		// 768614336404564650.58…, above 768614336404564650 and below
		// 768614336404564651.
		{"huge, monthly lower", []*Plan{annual("y", maxCents), monthly("m", 768614336404564650)}, "m", Monthly, 768614336404564650},
		{"huge, annual lower", []*Plan{monthly("m", 768614336404564651), annual("y", maxCents)}, "y", Annual, maxCents},
		// Systeme.io: the free plan is left out; Startup's $228.00/year
		// ($19.00 a month) is below its $27.00/month.
		{"free plan left out", []*Plan{free, both("startup", 2700, 22800), both("webinar", 4700, 39600)}, "startup", Annual, 22800},
		{"a price of 0 left out", []*Plan{monthly("zero", 0), monthly("paid", 500)}, "paid", Monthly, 500},
		{"only free", []*Plan{free}, "", 0, 0},
		{"no plans", nil, "", 0, 0},
		// Amazon: one-off prices only, the lowest of them.
		{"one-off only", []*Plan{once("knife", 1999, 0), once("card", 5000, 0), once("lamp", 2500, 0)}, "knife", Once, 1999},
		// A one-off price is not compared with recurring ones, before or
		// after them.
		{"recurring before one-off", []*Plan{monthly("m", 1000), once("ebook", 500, 0)}, "m", Monthly, 1000},
		{"one-off before recurring", []*Plan{once("ebook", 500, 0), annual("y", 24000)}, "y", Annual, 24000},
		{"first of equal one-offs", []*Plan{once("a", 500, 0), once("b", 500, 0)}, "a", Once, 500},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, ok := (&Program{Plans: tc.plans}).LowestPrice()
			if tc.plan == "" {
				if ok {
					t.Fatalf("LowestPrice = %s %s %d, want none", got.Plan.ID, got.Billing, got.Amount)
				}
				return
			}
			if !ok || got.Plan.ID != tc.plan || got.Billing != tc.billing || got.Amount != tc.amount {
				t.Fatalf("LowestPrice = %+v (ok %v), want %s %s %d", got, ok, tc.plan, tc.billing, tc.amount)
			}
		})
	}
}

// Test PerMonth: exact fractions, none for a one-off price.
func TestPricePerMonth(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pr       Price
		num, den string // "" for no cost per month
	}{
		{Price{Amount: 4788, Months: 12}, "399", "1"},
		{Price{Amount: 29900, Months: 12}, "7475", "3"},
		{Price{Amount: 8376, Months: 24}, "349", "1"},
		{Price{Amount: 2900, Months: 1}, "2900", "1"},
		{Price{Amount: 1999, Months: 0}, "", ""},
	}
	for _, tc := range tests {
		v, ok := tc.pr.PerMonth()
		if tc.num == "" {
			if ok {
				t.Errorf("%+v: PerMonth = %v, want none", tc.pr, v)
			}
			continue
		}
		if num, den := v.Fraction(); !ok || num != tc.num || den != tc.den {
			t.Errorf("%+v: PerMonth = %s/%s (ok %v), want %s/%s", tc.pr, num, den, ok, tc.num, tc.den)
		}
	}
}
