package programs

import (
	"os"
	"testing"

	"github.com/affsite/affsite/money"
)

// Test that n customers of a plan earn, by Earnings, n × YearExact
// rounded once (and that / 12 for the month), for every plan and billing
// of the real programs whose commission is per customer.
func TestYearExactIsEarningsPerCustomer(t *testing.T) {
	t.Parallel()
	set, err := Load(os.DirFS("testdata/real"), ".")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, p := range set.All() {
		for _, pl := range p.Plans {
			if !p.PerCustomer(pl) {
				continue
			}
			for _, b := range pl.Billings() {
				for _, n := range []int64{0, 1, 7, 333} {
					s := &Scenario{Name: "S", Mix: []PlanCount{{pl.ID, n}}, Billing: b, HasBilling: true}
					e, err := p.Earnings(s)
					if err != nil {
						t.Errorf("%s %s %s: %v", p.ID, pl.ID, b, err)
						continue
					}
					y, err := p.YearExact(pl, b)
					if err != nil {
						t.Fatal(err)
					}
					annual, _ := y.Mul(n).Round()
					monthly, _ := y.Mul(n).Div(12).Round()
					if annual != e.Annual || monthly != e.Monthly {
						t.Errorf("%s %s %s ×%d: YearExact gives %s / %s, Earnings %s / %s", p.ID, pl.ID, b, n, annual, monthly, e.Annual, e.Monthly)
					}
					checked++
				}
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d cases checked", checked)
	}
}

// Test YearExact by hand where the first year is more than 12 monthly
// payments: Kinsta's upfront amount is earned once, on top.
func TestYearExactUpfront(t *testing.T) {
	t.Parallel()
	set, err := Load(os.DirFS("testdata/real"), ".")
	if err != nil {
		t.Fatal(err)
	}
	p, _ := set.Get("kinsta")
	pl, _ := p.Plan("starter")
	// 12 × 10% × $35 + $50 = 42 + 50 = $92.00.
	y, err := p.YearExact(pl, Monthly)
	if got, _ := y.Round(); err != nil || got != 9200 {
		t.Errorf("kinsta starter: %s, %v; want 92.00", got, err)
	}
	// Two customers for 3 months of a ramp: the upfront amount with each
	// first payment: month 1: 2 × (3.50 + 50); month 2: 2 × 3.50 + 2 × 53.50.
	s := &Scenario{Name: "R", Mix: []PlanCount{{"starter", 2}}, Ramp: &Ramp{Months: 2}}
	e, err := p.Earnings(s)
	if err != nil || e.FinalMonth != 11400 || e.Total != 22100 {
		t.Errorf("kinsta ramp: %+v, %v; want final 114.00, total 221.00", e, err)
	}
}

// Test that retroactive volume tiers pay every sale of the period at the
// tier the period's sales reach, whichever row of the mix it is in.
func TestRetroactiveTiers(t *testing.T) {
	t.Parallel()
	set, err := Load(os.DirFS("testdata/real"), ".")
	if err != nil {
		t.Fatal(err)
	}
	p, _ := set.Get("siteground")
	tests := []struct {
		mix  []PlanCount
		want money.Cents
	}{
		{[]PlanCount{{"startup", 4}}, 20000},                  // 4 × $50
		{[]PlanCount{{"startup", 4}, {"growbig", 3}}, 52500},  // 7 sales, all at $75
		{[]PlanCount{{"growbig", 3}, {"startup", 4}}, 52500},  // in any order
		{[]PlanCount{{"startup", 4}, {"growbig", 6}}, 75000},  // 10 sales, all at $75
		{[]PlanCount{{"startup", 5}, {"growbig", 6}}, 110000}, // 11 sales, all at $100
	}
	for _, tt := range tests {
		e, err := p.Earnings(&Scenario{Name: "S", Mix: tt.mix})
		if err != nil || e.Annual != tt.want {
			t.Errorf("%v: %s, %v; want %s", tt.mix, e.Annual, err, tt.want)
		}
	}
}

// TestTier2YearExact computes second tiers by hand.
func TestTier2YearExact(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, plan string
		b               Billing
		want            money.Cents
	}{
		// 10% of $99 on each of 12 monthly payments: 12 × 9.90.
		{"share, lifetime, monthly", "commission: 40%\ntier2: 10%\nrecurring: true\n" + kartraPlans, "starter", Monthly, 11880},
		// 10% of the $948 annual payment, once in 12 months.
		{"share, lifetime, annual", "commission: 40%\ntier2: 10%\nrecurring: true\n" + kartraPlans, "starter", Annual, 9480},
		// First payment only: 10% of $99 once.
		{"share, first payment", "commission: 40%\ntier2: 10%\nrecurring: false\n" + kartraPlans, "starter", Monthly, 990},
		// First 2 months: 2 × 5% × $39 = 3.90.
		{"share, first 2 months", "commission: {rate: 50%, months: 2}\ntier2: 5%\nplans:\n  - {name: Growth, monthly: 39}\n", "growth", Monthly, 390},
		// 10% of the first tier's 12 × 40% × $99 = 10% × 475.20 = 47.52.
		{"of commission", "commission: 40%\ntier2: {rate: 10%, of: commission}\nrecurring: true\n" + kartraPlans, "starter", Monthly, 4752},
		// $50 a sale, once.
		{"flat", "commission: 40%\ntier2: \"$50\"\nrecurring: true\n" + kartraPlans, "gold", Monthly, 5000},
		{"none", "commission: 40%\nrecurring: true\n" + kartraPlans, "gold", Monthly, 0},
	}
	for _, tt := range tests {
		p, err := Parse("p.yaml", []byte("name: P\nurl: https://p.example/\n"+tt.src))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		pl, _ := p.Plan(tt.plan)
		e, err := p.Tier2YearExact(pl, tt.b)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got, _ := e.Round(); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
