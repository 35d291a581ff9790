package programs

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/affsite/affsite/internal/sitetest"
	"github.com/affsite/affsite/money"
)

func TestLoadKartra(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../data/programs/kartra.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := sitetest.WriteFiles(t, map[string]string{"data/programs/kartra.yaml": string(src)})
	set, err := Load(os.DirFS(dir), "data/programs")
	if err != nil {
		t.Fatal(err)
	}
	p, ok := set.Get("kartra")
	if !ok {
		t.Fatalf("kartra not loaded; ids %v", set.IDs())
	}
	if p.File != "data/programs/kartra.yaml" {
		t.Errorf("File = %q", p.File)
	}
	checks := []struct{ what, got, want string }{
		{"commission", p.Commission.Rate.Percent(), "40%"},
		{"tier2", p.Tier2.Rate.Percent(), "10%"},
		{"trial", p.CurrencyOrDefault().Format(p.Trial.Price), "$1.00"},
		{"payout minimum", p.Payout.Minimum.String(), "100.00"},
		{"payout methods", strings.Join(p.Payout.Methods, ", "), "PayPal, check, bank wire"},
		{"prices checked", p.PricesChecked.Format("2006-01-02"), "2026-11-01"},
		{"plans", strings.Join(p.PlanIDs(), " "), "starter silver gold platinum"},
		{"scenarios", strings.Join(p.ScenarioIDs(), " "),
			"one-referral-a-month one-referral-a-week paid-advertising fifty-customers-on-annual-plans two-referrals-a-month-for-a-year"},
		{"ref param", p.RefParam, "ref"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if p.Commission.Recurs != Lifetime || p.Tier2 == nil || p.Trial.Days != 14 || p.Payout.HoldDays != 30 || p.Payout.MinSales != 2 {
		t.Errorf("recurring/tier2/trial/payout wrong: %+v %+v %+v", p, p.Trial, p.Payout)
	}
	// The figures of kartra-facts.md, computed from the data.
	commissions := map[string][4]string{ // 40 % monthly, annual; 10 % monthly, annual
		"starter":  {"39.60", "379.20", "9.90", "94.80"},
		"silver":   {"79.60", "715.20", "19.90", "178.80"},
		"gold":     {"119.60", "1,099.20", "29.90", "274.80"},
		"platinum": {"199.60", "1,819.20", "49.90", "454.80"},
	}
	for id, want := range commissions {
		pl, _ := p.Plan(id)
		got := [4]string{
			mustApply(t, p.Commission.Rate, pl.Monthly).String(), mustApply(t, p.Commission.Rate, pl.Annual).String(),
			mustApply(t, p.Tier2.Rate, pl.Monthly).String(), mustApply(t, p.Tier2.Rate, pl.Annual).String(),
		}
		if got != want {
			t.Errorf("%s commissions = %v, want %v", id, got, want)
		}
	}
	scenarios := map[string]string{
		"one-referral-a-month": "715.20",
		"one-referral-a-week":  "4,659.20",
		"paid-advertising":     "17,880.00",
	}
	for id, want := range scenarios {
		s, ok := p.Scenario(id)
		if !ok {
			t.Errorf("scenario %s missing", id)
			continue
		}
		var total money.Cents
		for _, pc := range s.Mix {
			pl, _ := p.Plan(pc.PlanID)
			sum, err := mustApply(t, p.Commission.Rate, pl.Monthly).Mul(pc.Count)
			if err == nil {
				total, err = total.Add(sum)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if total.String() != want {
			t.Errorf("scenario %s = %s, want %s", id, total, want)
		}
	}
}

func TestLoadExampleData(t *testing.T) {
	t.Parallel()
	set, err := Load(os.DirFS(".."), "data/programs")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(set.IDs(), " "); got != "amazon-scale funnelforge hostharbor inboxloop kartra pagepilot shieldwave" {
		t.Errorf("IDs() = %q", got)
	}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	good := "name: X\nurl: https://x.example/\nplans: [{name: A, monthly: 1}]\n"
	tests := []struct {
		name string
		fsys fstest.MapFS
		ids  string
		err  string
	}{
		{"missing dir", fstest.MapFS{}, "", ""},
		{"other files ignored", fstest.MapFS{
			"d/a.yaml":     {Data: []byte(good)},
			"d/b.json":     {Data: []byte(`{"name": "B", "url": "https://b.example/", "plans": [{"name": "A", "monthly": 1}]}`)},
			"d/c.toml":     {Data: []byte(tomlBase)},
			"d/d.yml":      {Data: []byte(good)},
			"d/README":     {Data: []byte("x")},
			"d/sub/e.yaml": {Data: []byte("bad")},
		}, "a b c d", ""},
		{"same id twice", fstest.MapFS{
			"d/x.toml": {Data: []byte(tomlBase)},
			"d/x.yaml": {Data: []byte(good)},
		}, "", `d/x.yaml:1: program id "x" is already defined by d/x.toml`},
		{"errors of all files, sorted", fstest.MapFS{
			"d/b.yaml": {Data: []byte(good + "comission: 1\n")},
			"d/a.yaml": {Data: []byte("name: A\nurl: https://a.example/\nplans: [{name: A, monthly: -1}]\ncookie_days: x\n")},
		}, "", strings.Join([]string{
			`d/a.yaml:3: monthly: negative price "-1"`,
			`d/a.yaml:4: cookie_days: "x" is not a whole number`,
			`d/b.yaml:4: unknown key "comission" (did you mean "commission"?)`,
		}, "\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			set, err := Load(tt.fsys, "d")
			if tt.err != "" {
				var list ErrorList
				if !errors.As(err, &list) || err.Error() != tt.err {
					t.Fatalf("error:\n%v\nwant:\n%s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(set.IDs(), " "); got != tt.ids {
				t.Errorf("IDs() = %q, want %q", got, tt.ids)
			}
		})
	}
}

func mustApply(t testing.TB, r money.Rate, c money.Cents) money.Cents {
	t.Helper()
	got, err := r.Apply(c)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
