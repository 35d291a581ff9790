package programs

import (
	"reflect"
	"testing"
	"time"

	"github.com/affsite/affsite/money"
)

// fullYAML uses every field a program file can have.
const fullYAML = `name: "Full"
url: "https://full.example/"
signup_url: "https://full.example/join"
description: "Everything."
commission: "40 %"
tier2: 0.10
recurring: true
cookie_days: 60
trial: {days: 14, price: 1}
payout:
  schedule: monthly
  methods: [PayPal, check]
  minimum: "$100"
  hold_days: 30
  min_sales: 2
ref_param: aff
ref_id: me
currency: {code: eur, symbol: "€"}
domains: [Full.Example.NET]
prices_checked: 2026-11-01
source: "https://full.example/affiliates"
promo_materials: [Banners]
pros: [Good]
cons: [Bad]
features: [Sites, Support]
plans:
  - name: "Pro Plan"
    monthly: 24.99
    annual: "1,099.20"
    featured: true
    signup_url: "https://full.example/join/pro"
    features:
      Sites: "3 sites"
      Support: true
      Ads: false
  - id: max
    name: Maximum
    monthly: 49.90
    features: [Sites, Support]
scenarios:
  - name: "Many sales!"
    mix: {max: 2, "Pro Plan": 1}
  - name: Few
    id: small
    mix: {pro-plan: 0}
`

// fullTOML is fullYAML in TOML.
const fullTOML = `name = "Full"
url = "https://full.example/"
signup_url = "https://full.example/join"
description = "Everything."
commission = "40 %"
tier2 = 0.10
recurring = true
cookie_days = 60
ref_param = "aff"
ref_id = "me"
domains = ["Full.Example.NET"]
prices_checked = 2026-11-01
source = "https://full.example/affiliates"
promo_materials = ["Banners"]
pros = ["Good"]
cons = ["Bad"]
features = ["Sites", "Support"]
trial = { days = 14, price = 1 }
currency = { code = "eur", symbol = "€" }

[payout]
schedule = "monthly"
methods = ["PayPal", "check"]
minimum = "$100"
hold_days = 30
min_sales = 2

[[plans]]
name = "Pro Plan"
monthly = 24.99
annual = "1,099.20"
featured = true
signup_url = "https://full.example/join/pro"
[plans.features]
Sites = "3 sites"
Support = true
Ads = false

[[plans]]
id = "max"
name = "Maximum"
monthly = 49.90
features = ["Sites", "Support"]

[[scenarios]]
name = "Many sales!"
mix = { max = 2, "Pro Plan" = 1 }

[[scenarios]]
name = "Few"
id = "small"
mix = { pro-plan = 0 }
`

// fullJSON is fullYAML in JSON.
const fullJSON = `{
  "name": "Full", "url": "https://full.example/", "signup_url": "https://full.example/join",
  "description": "Everything.", "commission": "40 %", "tier2": 0.10, "recurring": true,
  "cookie_days": 60, "trial": {"days": 14, "price": 1},
  "payout": {"schedule": "monthly", "methods": ["PayPal", "check"], "minimum": "$100", "hold_days": 30, "min_sales": 2},
  "ref_param": "aff", "ref_id": "me", "currency": {"code": "eur", "symbol": "€"},
  "domains": ["Full.Example.NET"], "prices_checked": "2026-11-01",
  "source": "https://full.example/affiliates", "promo_materials": ["Banners"],
  "pros": ["Good"], "cons": ["Bad"], "features": ["Sites", "Support"],
  "plans": [
    {"name": "Pro Plan", "monthly": 24.99, "annual": "1,099.20", "featured": true,
     "signup_url": "https://full.example/join/pro",
     "features": {"Sites": "3 sites", "Support": true, "Ads": false}},
    {"id": "max", "name": "Maximum", "monthly": 49.90, "features": ["Sites", "Support"]}
  ],
  "scenarios": [
    {"name": "Many sales!", "mix": {"max": 2, "Pro Plan": 1}},
    {"name": "Few", "id": "small", "mix": {"pro-plan": 0}}
  ]
}
`

// fullProgram is what the full sources decode to, without lines and file.
func fullProgram() *Program {
	return &Program{
		ID: "full", Name: "Full", URL: "https://full.example/",
		SignupURL: "https://full.example/join", Description: "Everything.",
		Source:     "https://full.example/affiliates",
		Commission: Commission{Figure: Figure{Kind: Share, Rate: money.MustParseRate("0.4")}, Recurs: Lifetime},
		Tier2:      &Tier2{Figure: Figure{Kind: Share, Rate: money.MustParseRate("0.1")}},
		CookieDays: 60,
		Trial:      &Trial{Days: 14, Price: 100},
		Payout:     &Payout{Schedule: "monthly", Methods: []string{"PayPal", "check"}, Minimum: 10000, HasMinimum: true, HoldDays: 30, MinSales: 2},
		RefParam:   "aff", RefID: "me",
		Currency: money.Currency{Code: "EUR", Symbol: "€"},
		Plans: []*Plan{
			{ID: "pro-plan", Name: "Pro Plan", SignupURL: "https://full.example/join/pro", Monthly: 2499, HasMonthly: true, Annual: 109920, HasAnnual: true, Featured: true,
				Features: []Feature{{Name: "Sites", Value: "3 sites", Included: true}, {Name: "Support", Included: true}, {Name: "Ads"}}},
			{ID: "max", Name: "Maximum", Monthly: 4990, HasMonthly: true,
				Features: []Feature{{Name: "Sites", Included: true}, {Name: "Support", Included: true}}},
		},
		Features: []string{"Sites", "Support"},
		Scenarios: []*Scenario{
			{ID: "many-sales", Name: "Many sales!", Mix: []PlanCount{{"max", 2}, {"pro-plan", 1}}},
			{ID: "small", Name: "Few", Mix: []PlanCount{{"pro-plan", 0}}},
		},
		PricesChecked:  time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		PromoMaterials: []string{"Banners"}, Pros: []string{"Good"}, Cons: []string{"Bad"},
		Domains: []string{"full.example.net"},
	}
}

// withoutPositions clears the file and line fields so that programs from
// different formats compare equal.
func withoutPositions(p *Program) *Program {
	q := *p
	q.File, q.Line = "", 0
	q.Commission.Line = 0
	if q.Tier2 != nil {
		t := *q.Tier2
		t.Line = 0
		q.Tier2 = &t
	}
	for i, pl := range q.Plans {
		c := *pl
		c.Line = 0
		q.Plans[i] = &c
	}
	for i, s := range q.Scenarios {
		c := *s
		c.Line = 0
		q.Scenarios[i] = &c
	}
	return &q
}

func TestParseFull(t *testing.T) {
	t.Parallel()
	for _, file := range []struct{ name, src string }{
		{"full.yaml", fullYAML},
		{"dir/full.toml", fullTOML},
		{"full.json", fullJSON},
	} {
		t.Run(file.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse(file.name, []byte(file.src))
			if err != nil {
				t.Fatal(err)
			}
			if p.File != file.name || p.Line != 1 {
				t.Errorf("File, Line = %q, %d", p.File, p.Line)
			}
			if got, want := withoutPositions(p), fullProgram(); !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
				for i := range min(len(got.Plans), len(want.Plans)) {
					t.Logf("plan %d: got %+v want %+v", i, got.Plans[i], want.Plans[i])
				}
			}
		})
	}
}

func TestParseLines(t *testing.T) {
	t.Parallel()
	for _, file := range []struct {
		name, src string
		plans     []int
		scenarios []int
	}{
		{"full.yaml", fullYAML, []int{27, 36}, []int{41, 43}},
		{"full.toml", fullTOML, []int{28, 39}, []int{45, 49}},
	} {
		p, err := Parse(file.name, []byte(file.src))
		if err != nil {
			t.Fatal(err)
		}
		for i, pl := range p.Plans {
			if pl.Line != file.plans[i] {
				t.Errorf("%s: plan %s at line %d, want %d", file.name, pl.ID, pl.Line, file.plans[i])
			}
		}
		for i, s := range p.Scenarios {
			if s.Line != file.scenarios[i] {
				t.Errorf("%s: scenario %s at line %d, want %d", file.name, s.ID, s.Line, file.scenarios[i])
			}
		}
	}
}

func TestParseDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		file  string
		src   string
		check func(*Program) bool
	}{
		{"minimal", "shieldwave.yaml", "name: ShieldWave\nurl: https://shieldwave.example/\ncommission: 0.40\ntier2: 0.10\nplans:\n  - name: Basic\n    monthly: 12.50\n    annual: 125.00\n",
			func(p *Program) bool {
				pl := p.Plans[0]
				return p.ID == "shieldwave" && p.RefParam == "ref" && p.Commission.Rate.Percent() == "40%" && p.Tier2 != nil &&
					pl.ID == "basic" && pl.Monthly == 1250 && pl.Annual == 12500 && pl.HasAnnual &&
					p.CurrencyOrDefault() == money.USD() && p.PricesChecked.IsZero() && p.Trial == nil && p.Payout == nil
			}},
		{"no tier2, no annual", "a.yml", base,
			func(p *Program) bool { return p.Tier2 == nil && !p.Plans[0].HasAnnual && p.Commission.Rate.IsZero() }},
		{"percent commission", "a.yaml", base + "commission: 12.5%\n",
			func(p *Program) bool { return p.Commission.Rate.String() == "0.125" }},
		{"features union in first-seen order", "a.yaml", "name: X\nurl: https://x.example/\nplans:\n  - {name: A, monthly: 1, features: [B, A]}\n  - {name: B, monthly: 2, features: {C: true, A: x}}\n",
			func(p *Program) bool { return reflect.DeepEqual(p.Features, []string{"B", "A", "C"}) }},
		{"null values count as not given", "a.yaml", base + "description:\nref_param: ~\ntrial:\n",
			func(p *Program) bool { return p.Description == "" && p.RefParam == "ref" && p.Trial == nil }},
		{"currency code only", "a.yaml", base + "currency: {code: CHF}\n",
			func(p *Program) bool { return p.CurrencyOrDefault().Format(1200) == "CHF 12.00" }},
		{"yaml anchors", "a.yaml", "name: X\nurl: https://x.example/\nplans:\n  - {name: A, monthly: 1, features: &f [S]}\n  - {name: B, monthly: 2, features: *f}\n",
			func(p *Program) bool { return len(p.Plans[1].Features) == 1 && p.Plans[1].Features[0].Name == "S" }},
		{"toml amounts are read from their text", "a.toml", "name = \"X\"\nurl = \"https://x.example/\"\n[[plans]]\nname = \"A\"\nmonthly = 1234567890123456.78\n",
			func(p *Program) bool { return p.Plans[0].Monthly == 123456789012345678 }},
		{"toml floats keep their decimals", "a.toml", "name = \"X\"\nurl = \"https://x.example/\"\ncommission = 0.45\n[[plans]]\nname = \"A\"\nmonthly = 79.50\n",
			func(p *Program) bool {
				got, err := p.Commission.Rate.Apply(p.Plans[0].Monthly)
				return err == nil && got.String() == "35.78"
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse(tt.file, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(p) {
				t.Errorf("unexpected program %+v", p)
			}
		})
	}
}

func TestProgramLookups(t *testing.T) {
	t.Parallel()
	p, err := Parse("full.yaml", []byte(fullYAML))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query, plan string
	}{
		{"pro-plan", "pro-plan"},
		{"PRO-PLAN", "pro-plan"},
		{"pro plan", "pro-plan"},
		{"Maximum", "max"},
		{"max", "max"},
		{"nope", ""},
	}
	for _, tt := range tests {
		pl, ok := p.Plan(tt.query)
		if got := ""; ok {
			got = pl.ID
			if got != tt.plan {
				t.Errorf("Plan(%q) = %q, want %q", tt.query, got, tt.plan)
			}
		} else if tt.plan != "" {
			t.Errorf("Plan(%q) not found", tt.query)
		}
	}
	if got := p.PlanIDs(); !reflect.DeepEqual(got, []string{"pro-plan", "max"}) {
		t.Errorf("PlanIDs() = %v", got)
	}
	for _, q := range []string{"small", "SMALL", "few", "many-sales"} {
		if _, ok := p.Scenario(q); !ok {
			t.Errorf("Scenario(%q) not found", q)
		}
	}
	if _, ok := p.Scenario("none"); ok {
		t.Error("Scenario(none) found")
	}
}
