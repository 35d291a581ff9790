package builtins

import (
	"sort"
	"strconv"
	"strings"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// EarningsData is the data of the earnings template: what a mix of
// referred customers earns each month.
type EarningsData struct {
	Program string // the program's name
	// Caption is like "One referral a week: monthly commission at 40%
	// recurring, once all referrals are active."
	Caption  string
	Scenario string // the scenario's name, empty for counts given inline
	Rate     string // "40%"
	Rows     []EarningsRow
	Total    string // commission per month, all rows
	// Tier2 is set by tier2="true": the Tier2* fields are then filled.
	Tier2      bool
	Tier2Rate  string // "10%"
	Tier2Total string // second-tier commission per month, all rows
	Checked    string // "Prices checked on November 1, 2026", or empty
}

// EarningsRow is one plan of an earnings example.
type EarningsRow struct {
	Plan        string // the plan's name
	Count       string // customers, as a number
	Price       string // the monthly price
	PerReferral string // commission per customer per month
	Monthly     string // Count × PerReferral
	// Tier2PerReferral and Tier2Monthly are the second-tier figures, empty
	// unless EarningsData.Tier2.
	Tier2PerReferral, Tier2Monthly string
}

// isEarningsOption reports whether an earnings argument is an option
// rather than a plan count.
func isEarningsOption(name string) bool {
	return name == "program" || name == "scenario" || name == "tier2"
}

// Earnings is the earnings shortcode: the monthly recurring commission of
// a mix of customers, given as plan=count arguments (plan ids or names,
// ignoring case) or as one of the program's scenarios.
//
//	{{< earnings program="kartra" Starter=6 Silver=6 >}}
//	{{< earnings program="kartra" scenario="one-a-week" tier2="true" >}}
//
// Its template's .Data is an EarningsData.
func (st *PageState) Earnings(inv *shortcodes.Invocation) error {
	if inv.Params != nil && !inv.IsNamedParams() {
		return inv.Errorf("shortcode %q takes named arguments, such as program=\"id\" Starter=6", inv.Name)
	}
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	mix, scenario, err := earningsMix(inv, p)
	if err != nil {
		return err
	}
	tier2 := false
	if s, ok := inv.Arg("tier2"); ok {
		if tier2, err = strconv.ParseBool(s); err != nil {
			return inv.Errorf("shortcode %q: tier2=%q is not true or false", inv.Name, s)
		}
		if tier2 && !p.HasTier2 {
			return inv.Errorf("shortcode %q: tier2=%q, but program %q has no second tier", inv.Name, s, p.ID)
		}
	}

	cur := st.currency(p)
	d := &EarningsData{Program: p.Name, Rate: p.Commission.Percent(), Tier2: tier2, Checked: checkedNote(p)}
	if scenario != nil {
		d.Scenario = scenario.Name
	}
	var total, total2 money.Cents
	for _, m := range mix {
		per, sum, err := earn(p.Commission, m, &total)
		if err != nil {
			return inv.Errorf("shortcode %q: the commission on %d × %s %s is too large to compute exactly (%w)", inv.Name, m.count, m.plan.Name, cur.Format(m.plan.Monthly), err)
		}
		r := EarningsRow{
			Plan: m.plan.Name, Count: strconv.FormatInt(m.count, 10), Price: cur.Format(m.plan.Monthly),
			PerReferral: cur.Format(per), Monthly: cur.Format(sum),
		}
		if tier2 {
			per2, sum2, err := earn(p.Tier2, m, &total2)
			if err != nil {
				return inv.Errorf("shortcode %q: the second-tier commission on %d × %s %s is too large to compute exactly (%w)", inv.Name, m.count, m.plan.Name, cur.Format(m.plan.Monthly), err)
			}
			r.Tier2PerReferral, r.Tier2Monthly = cur.Format(per2), cur.Format(sum2)
		}
		d.Rows = append(d.Rows, r)
	}
	d.Total = cur.Format(total)
	if tier2 {
		d.Tier2Rate = p.Tier2.Percent()
		d.Tier2Total = cur.Format(total2)
	}
	d.Caption = earningsCaption(p, d.Scenario)
	inv.Data = d
	return nil
}

// earn returns the commission at rate on one customer of m's plan and on
// all of them, and adds the latter to *total; any figure that does not fit
// is an error rather than a wrong amount.
func earn(rate money.Rate, m planCount, total *money.Cents) (per, sum money.Cents, err error) {
	if per, err = rate.Apply(m.plan.Monthly); err != nil {
		return 0, 0, err
	}
	if sum, err = per.Mul(m.count); err != nil {
		return 0, 0, err
	}
	if *total, err = total.Add(sum); err != nil {
		return 0, 0, err
	}
	return per, sum, nil
}

type planCount struct {
	plan  *programs.Plan
	count int64
}

// earningsMix returns the plans and counts of an earnings shortcode, in the
// scenario's order or, for counts given as arguments, the program's plan
// order.
func earningsMix(inv *shortcodes.Invocation, p *programs.Program) ([]planCount, *programs.Scenario, error) {
	m, _ := inv.Params.(map[string]string)
	names := make([]string, 0, len(m))
	for k := range m {
		if !isEarningsOption(k) {
			names = append(names, k)
		}
	}
	sort.Strings(names) // deterministic errors
	sid, hasScenario := inv.Arg("scenario")
	switch {
	case hasScenario && len(names) > 0:
		return nil, nil, inv.Errorf("shortcode %q: give either scenario= or plan counts (%s), not both", inv.Name, strings.Join(names, ", "))
	case hasScenario:
		s, ok := p.Scenario(sid)
		if !ok {
			ids := make([]string, len(p.Scenarios))
			for i, s := range p.Scenarios {
				ids[i] = s.ID
			}
			return nil, nil, inv.Errorf("shortcode %q: unknown scenario %q of program %q (scenarios: %s)", inv.Name, sid, p.ID, idList(ids))
		}
		var mix []planCount
		for _, pc := range s.Mix {
			pl, ok := p.Plan(pc.PlanID)
			if !ok {
				return nil, nil, inv.Errorf("shortcode %q: scenario %q names unknown plan %q of program %q (plans: %s)", inv.Name, s.ID, pc.PlanID, p.ID, idList(p.PlanIDs()))
			}
			mix = append(mix, planCount{pl, pc.Count})
		}
		return mix, s, nil
	case len(names) == 0:
		return nil, nil, inv.Errorf("shortcode %q: missing plan counts, such as %s=6, or scenario= (plans: %s)", inv.Name, firstOr(p.PlanIDs(), "starter"), idList(p.PlanIDs()))
	}
	counts := make(map[*programs.Plan]int64)
	for _, name := range names {
		pl, err := findPlan(inv, p, name, "plan")
		if err != nil {
			return nil, nil, err
		}
		if _, dup := counts[pl]; dup {
			return nil, nil, inv.Errorf("shortcode %q: plan %q is counted twice", inv.Name, pl.ID)
		}
		n, err := strconv.ParseInt(strings.TrimSpace(m[name]), 10, 64)
		if err != nil || n < 0 {
			return nil, nil, inv.Errorf("shortcode %q: %s=%q is not a count (a whole number, 0 or more)", inv.Name, name, m[name])
		}
		counts[pl] = n
	}
	var mix []planCount
	for _, pl := range p.Plans {
		if n, ok := counts[pl]; ok {
			mix = append(mix, planCount{pl, n})
		}
	}
	return mix, nil, nil
}

func earningsCaption(p *programs.Program, scenario string) string {
	s := "Monthly commission at " + p.Commission.Percent()
	if p.Recurring {
		s += " recurring, once all referrals are active"
	}
	s += "."
	if scenario != "" {
		s = scenario + ": " + strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

func firstOr(list []string, def string) string {
	if len(list) > 0 {
		return list[0]
	}
	return def
}
