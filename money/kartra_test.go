package money

import "testing"

// kartraPlans are the Kartra plan prices from shared/reference/kartra-facts.md.
var kartraPlans = []struct {
	name            string
	monthly, annual string
	// Expected commissions: 40 % and 10 % of the monthly and annual price.
	direct, directAnnual, tier2, tier2Annual string
}{
	{"Starter", "99", "948", "39.60", "379.20", "9.90", "94.80"},
	{"Silver", "199", "1,788", "79.60", "715.20", "19.90", "178.80"},
	{"Gold", "299", "2,748", "119.60", "1,099.20", "29.90", "274.80"},
	{"Platinum", "499", "4,548", "199.60", "1,819.20", "49.90", "454.80"},
}

func TestKartraCommissions(t *testing.T) {
	t.Parallel()
	direct, tier2 := MustParseRate("0.40"), MustParseRate("10%")
	for _, p := range kartraPlans {
		m, a := mustCents(t, p.monthly), mustCents(t, p.annual)
		checks := []struct{ what, got, want string }{
			{"40% monthly", mustApply(t, direct, m).String(), p.direct},
			{"40% annual", mustApply(t, direct, a).String(), p.directAnnual},
			{"10% monthly", mustApply(t, tier2, m).String(), p.tier2},
			{"10% annual", mustApply(t, tier2, a).String(), p.tier2Annual},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s %s = %s, want %s", p.name, c.what, c.got, c.want)
			}
		}
	}
}

func TestKartraScenarios(t *testing.T) {
	t.Parallel()
	rate := MustParseRate("0.40")
	tests := []struct {
		name  string
		count [4]int64 // Starter, Silver, Gold, Platinum
		want  string
	}{
		{"one referral a month", [4]int64{6, 6, 0, 0}, "715.20"},
		{"one referral a week", [4]int64{14, 21, 12, 5}, "4,659.20"},
		{"paid advertising", [4]int64{55, 85, 38, 22}, "17,880.00"},
	}
	for _, tt := range tests {
		var total Cents
		for i, p := range kartraPlans {
			sum, err := mustApply(t, rate, mustCents(t, p.monthly)).Mul(tt.count[i])
			if err == nil {
				total, err = total.Add(sum)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if got := total.String(); got != tt.want {
			t.Errorf("%s: %s a month, want %s", tt.name, got, tt.want)
		}
	}
}
