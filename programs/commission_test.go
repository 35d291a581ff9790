package programs

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/affsite/affsite/money"
)

// loadReal parses testdata/real/<id>.yaml.
func loadReal(t *testing.T, id string) *Program {
	t.Helper()
	file := filepath.Join("testdata", "real", id+".yaml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(file, src)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRealPrograms computes, from one data file per program of
// shared/reference/real-programs.md, the figures its sources state or
// that follow from their rules (worked by hand in the comments).
func TestRealPrograms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		program, plan string
		billing       Billing
		nth           int    // sale number in the tier period
		want          string // first payment's commission
		renewal       string // a later payment's, "" to skip
	}{
		// SiteGround: $50 for sales 1–5, $75 for 6–10, $100 for 11–20.
		{"siteground", "startup", Annual, 1, "50.00", "0.00"},
		{"siteground", "startup", Annual, 5, "50.00", ""},
		{"siteground", "growbig", Annual, 6, "75.00", ""},
		{"siteground", "growbig", Annual, 20, "100.00", ""},
		// WP Engine: Lite $100; max($200, first month); Scale's annual
		// $3,480 / 12 = $290 > $200.
		{"wpengine", "lite", Monthly, 1, "100.00", "0.00"},
		{"wpengine", "startup", Monthly, 1, "200.00", "0.00"},
		{"wpengine", "scale", Monthly, 1, "290.00", ""},
		{"wpengine", "scale", Annual, 1, "290.00", ""},
		// HubSpot: flat by product tier.
		{"hubspot", "marketing-starter", Monthly, 1, "250.00", "0.00"},
		{"hubspot", "sales-professional", Monthly, 1, "500.00", ""},
		{"hubspot", "enterprise", Monthly, 1, "1,000.00", ""},
		// NordVPN: 100 % of $12.99, renewals 30 % = 3.897 → 3.90;
		// 40 % of $59.88 = 23.952 → 23.95, renewal 17.964 → 17.96;
		// 40 % of $83.76 = 33.504 → 33.50.
		{"nordvpn", "1-month", Monthly, 1, "12.99", "3.90"},
		{"nordvpn", "1-year", Annual, 1, "23.95", "17.96"},
		{"nordvpn", "2-year", Once, 1, "33.50", "25.13"},
		// Kit: $100 → $50 a month; after an upgrade to $300 → $150.
		{"kit", "creator", Monthly, 1, "50.00", "50.00"},
		{"kit", "creator-pro", Monthly, 1, "150.00", "150.00"},
		// GetResponse: 33 % of $50 = 16.50; the 26th sale 40 % = 20;
		// the 51st 50 % = 25.
		{"getresponse", "starter", Monthly, 1, "16.50", "16.50"},
		{"getresponse", "starter", Monthly, 26, "20.00", ""},
		{"getresponse", "starter", Monthly, 51, "25.00", ""},
		// Systeme.io: 40 % of $97 = 38.80; of $828 = 331.20; free: 0.
		{"systemeio", "unlimited", Monthly, 1, "38.80", "38.80"},
		{"systemeio", "unlimited", Annual, 1, "331.20", ""},
		{"systemeio", "free", Monthly, 1, "0.00", "0.00"},
		// Kinsta: 10 % of $200 = $20.00 every month (KS4's first example).
		{"kinsta", "business-2", Monthly, 1, "20.00", "20.00"},
		// Amazon: Kitchen 4.5 % of $19.99 = 0.89955 → 0.90; gift cards 0 %;
		// an unlisted category 4 % of $25 = 1.00.
		{"amazon", "chefs-knife", Once, 1, "0.90", "0.00"},
		{"amazon", "gift-card", Once, 1, "0.00", ""},
		{"amazon", "desk-lamp", Once, 1, "1.00", ""},
		// ClickBank: (29.95 − 7.5 % − $1) × 55 % = 14.6870625 → 14.69;
		// (100 − 7.50 − 1) × 50 % = 45.75; (27 − 2.025 − 1) × 50 % =
		// 11.9875 → 11.99, rebilled at the same.
		{"clickbank", "guide", Once, 1, "14.69", ""},
		{"clickbank", "course", Once, 1, "45.75", ""},
		{"clickbank", "membership", Monthly, 1, "11.99", "11.99"},
	}
	for _, tt := range tests {
		p := loadReal(t, tt.program)
		pl, ok := p.Plan(tt.plan)
		if !ok {
			t.Errorf("%s: no plan %q (plans %v)", tt.program, tt.plan, p.PlanIDs())
			continue
		}
		c := p.CommissionFor(pl)
		got, err := c.On(pl, tt.billing, tt.nth)
		if err != nil || got.String() != tt.want {
			t.Errorf("%s %s %s sale %d = %s, %v; want %s", tt.program, tt.plan, tt.billing, tt.nth, got, err, tt.want)
		}
		if tt.renewal == "" {
			continue
		}
		if got, err := c.OnRenewal(pl, tt.billing); err != nil || got.String() != tt.renewal {
			t.Errorf("%s %s %s renewal = %s, %v; want %s", tt.program, tt.plan, tt.billing, got, err, tt.renewal)
		}
	}
}

func TestRealProgramTerms(t *testing.T) {
	t.Parallel()
	sg := loadReal(t, "siteground")
	if _, err := sg.Commission.On(sg.Plans[0], Annual, 21); !errors.Is(err, ErrNoFigure) {
		t.Errorf("siteground 21st sale: err = %v, want ErrNoFigure", err)
	}
	if !sg.Payout.MinimumChosen || sg.Payout.HasMinimum || sg.CookieDays != 60 {
		t.Errorf("siteground payout/cookie: %+v, %d", sg.Payout, sg.CookieDays)
	}
	wp := loadReal(t, "wpengine")
	if wp.Tier2 == nil || wp.Tier2.Kind != Flat || wp.Tier2.Amount != 5000 {
		t.Errorf("wpengine tier2 = %+v, want $50 flat", wp.Tier2)
	}
	if got, err := wp.Tier2.On(&wp.Commission, wp.Plans[2], Monthly); err != nil || got != 5000 {
		t.Errorf("wpengine tier2 on Scale = %s, %v", got, err)
	}
	if s := loadReal(t, "systemeio"); !s.CookieLifetime || s.RefParam != "sa" || !s.Plans[0].Free {
		t.Errorf("systeme.io: lifetime %v, ref_param %q, free %v", s.CookieLifetime, s.RefParam, s.Plans[0].Free)
	}
	if a := loadReal(t, "amazon"); a.CookieHours != 24 || a.Plans[0].HasMonthly || !a.Plans[0].HasPrice {
		t.Errorf("amazon: cookie %d h, plan %+v", a.CookieHours, a.Plans[0])
	}
	kit := loadReal(t, "kit")
	if kit.Commission.Recurs != ForMonths || kit.Commission.Months != 12 || len(kit.Commission.Then) != 3 {
		t.Errorf("kit commission = %+v", kit.Commission)
	}
	if kin := loadReal(t, "kinsta"); !kin.Plans[2].Commission.HasUpfront || kin.Plans[2].Commission.Upfront != 15000 {
		t.Errorf("kinsta business 2 upfront = %+v", kin.Plans[2].Commission)
	}
	if n := loadReal(t, "nordvpn"); n.Plans[2].PeriodMonths != 24 || n.Plans[0].Commission.Recurs != Unstated {
		t.Errorf("nordvpn plans = %+v, %+v", n.Plans[2], n.Plans[0].Commission)
	}
}

// modelHead starts each program of commissionModelCases.
const modelHead = "name: X\nurl: https://x.example/\n"

// commissionModelCases are the commission models of the README with a
// small file and figures worked by hand; they also seed FuzzCommission.
var commissionModelCases = []struct {
	name, src, plan string
	billing         Billing
	nth             int
	want, tier2     string // tier2 "" to skip
}{
	{"percentage for life", modelHead + "commission: 40%\nrecurring: true\ntier2: 10%\nplans: [{name: Silver, monthly: 199, annual: 1788}]\n",
		"silver", Annual, 1, "715.20", "178.80"},
	{"flat per sale (CPA)", modelHead + "commission: \"$65\"\nplans: [{name: Host, monthly: 3.99}]\n",
		"host", Monthly, 1, "65.00", ""},
	{"flat per signup on a free plan", modelHead + "commission: {amount: 2.50, per: signup}\nplans: [{name: Free, free: true}]\n",
		"free", Monthly, 1, "2.50", ""},
	{"flat per plan", modelHead + "commission: \"$20\"\nplans: [{name: A, monthly: 5}, {name: B, monthly: 50, commission: \"$90\"}]\n",
		"b", Monthly, 1, "90.00", ""},
	{"per-plan rate", modelHead + "commission: 30%\nplans: [{name: A, monthly: 10}, {name: B, monthly: 10, commission: 50%}]\n",
		"b", Monthly, 1, "5.00", ""},
	{"tiers 30% to 10 sales, 40% above: sale 10", modelHead + "commission: {tiers: [{from: 1, rate: 30%}, {from: 11, rate: 40%}]}\nplans: [{name: A, monthly: 100}]\n",
		"a", Monthly, 10, "30.00", ""},
	{"tiers 30% to 10 sales, 40% above: sale 11", modelHead + "commission: {rate: 30%, tiers: [{from: 11, rate: 40%}]}\nplans: [{name: A, monthly: 100}]\n",
		"a", Monthly, 11, "40.00", ""},
	{"tier 2 of the first-tier commission", modelHead + "commission: 40%\ntier2: {rate: 10%, of: commission}\nplans: [{name: S, monthly: 99}]\n",
		"s", Monthly, 1, "39.60", "3.96"},
	{"tier 2 of the sale", modelHead + "commission: 40%\ntier2: {rate: 10%, of: sale}\nplans: [{name: S, monthly: 99}]\n",
		"s", Monthly, 1, "39.60", "9.90"},
	{"one-off product", modelHead + "commission: 30%\nplans: [{name: Licence, price: 49.99}]\n",
		"licence", Once, 1, "15.00", ""},
	{"annual-only plan", modelHead + "commission: 25%\nplans: [{name: Yearly, annual: 99.99}]\n",
		"yearly", Annual, 1, "25.00", ""},
	{"first N months", modelHead + "commission: {rate: 20%, months: 12}\nplans: [{name: A, monthly: 24.99}]\n",
		"a", Monthly, 1, "5.00", ""},
	{"euro amount", modelHead + "currency: {code: EUR, symbol: €}\ncommission: \"€30\"\nplans: [{name: A, monthly: 9}]\n",
		"a", Monthly, 1, "30.00", ""},
}

// TestCommissionModels covers each model of the README with a small file
// and figures worked by hand.
func TestCommissionModels(t *testing.T) {
	t.Parallel()
	tests := commissionModelCases
	for _, tt := range tests {
		p, err := Parse("x.yaml", []byte(tt.src))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		pl, _ := p.Plan(tt.plan)
		c := p.CommissionFor(pl)
		got, err := c.On(pl, tt.billing, tt.nth)
		if err != nil || got.String() != tt.want {
			t.Errorf("%s: %s, %v; want %s", tt.name, got, err, tt.want)
		}
		if tt.tier2 == "" {
			continue
		}
		got, err = p.Tier2For(pl).On(c, pl, tt.billing)
		if err != nil || got.String() != tt.tier2 {
			t.Errorf("%s: tier 2 %s, %v; want %s", tt.name, got, err, tt.tier2)
		}
	}
}

func TestCommissionErrors(t *testing.T) {
	t.Parallel()
	const head = "name: X\nurl: https://x.example/\n"
	tests := []struct{ name, src, want string }{
		{"rate and amount", head + "commission: {rate: 10%, amount: 5}\nplans: [{name: A, monthly: 1}]\n",
			`x.yaml:3: commission: give one of rate, amount or custom, not rate and amount`},
		{"tiers out of order", head + "commission: {rate: 10%, tiers: [{from: 5, rate: 20%}, {from: 3, rate: 30%}]}\nplans: [{name: A, monthly: 1}]\n",
			`x.yaml:3: tier 2: from: 3 must be above the previous tier's 5`},
		{"floor on a flat amount", head + "commission: {amount: 5, floor: 10}\nplans: [{name: A, monthly: 1}]\n",
			`x.yaml:3: commission: floor, fee and basis apply to a rate, not a flat amount`},
		{"tier2 of commission with an amount", head + "tier2: {amount: 5, of: commission}\nplans: [{name: A, monthly: 1}]\n",
			`x.yaml:3: tier2: of: commission needs a rate`},
		{"unknown commission key", head + "commission: {rate: 10%, recuring: true}\nplans: [{name: A, monthly: 1}]\n",
			`x.yaml:3: unknown key "recuring" (did you mean "recurring"?)`},
		{"category without categories", head + "commission: 10%\nplans: [{name: A, price: 1, category: Toys}]\n",
			`x.yaml:4: plan "A": category "Toys", but the program's commission has no categories`},
		{"period without price", head + "plans: [{name: A, monthly: 1, period_months: 24}]\n",
			`x.yaml:3: plan "A": period_months is the period of price, which is missing`},
		{"amount with too many decimals", head + "commission: \"$1.999\"\nplans: [{name: A, monthly: 1}]\n",
			`x.yaml:3: commission: "1.999" has 3 decimals, but USD has 2; amounts are not rounded`},
	}
	for _, tt := range tests {
		_, err := Parse("x.yaml", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: err = %v\nwant %s", tt.name, err, tt.want)
		}
	}
}

// TestRescaledCommission checks that a program without a currency, shown
// in yen, has its flat amounts rescaled exactly.
func TestRescaledCommission(t *testing.T) {
	t.Parallel()
	p, err := Parse("x.yaml", []byte("name: X\nurl: https://x.example/\ncommission: \"$65\"\ntier2: \"$5\"\nplans: [{name: A, price: 10}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	jpy, _ := money.LookupCurrency("JPY")
	q, err := p.InCurrency(jpy)
	if err != nil {
		t.Fatal(err)
	}
	if q.Commission.Amount != 65 || q.Tier2.Amount != 5 || q.Plans[0].Price != 10 || p.Commission.Amount != 6500 {
		t.Errorf("rescaled: %d %d %d (original %d)", q.Commission.Amount, q.Tier2.Amount, q.Plans[0].Price, p.Commission.Amount)
	}
}
