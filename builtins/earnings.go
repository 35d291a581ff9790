package builtins

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/plural"
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
	Tier2Rate  string // "10%", "$50 a sale"
	Tier2Total string // second-tier commission per month, all rows
	Checked    string // "Prices checked on November 1, 2026", or empty
	// Recurring is false for commissions paid once (flat amounts, first
	// payments), whose totals are one-time; the labels say which:
	// "Total per month" or "Total, once", "Price a month" or "Price",
	// "Per month" or "Total".
	Recurring                        bool
	TotalLabel, PriceLabel, PerLabel string
	// NoPrices is set for a program whose prices a page may not show (on
	// Amazon: pricesShown): the rows' prices are empty and the template
	// leaves their column out.
	NoPrices bool
	// Summary states what a scenario with a billing or a ramp earns over
	// time (programs.Program.Earnings): "Over these customers' first 12
	// months: $32,880.00, $2,740.00 a month on average." or "Month 12:
	// $1,910.40; $12,417.60 over the 12 months." Empty otherwise.
	Summary string
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

// earningsOptions are the earnings arguments that are options rather
// than plan counts.
func earningsOptions() []string { return []string{"program", "scenario", "tier2"} }

// isEarningsOption reports whether an earnings argument is an option
// rather than a plan count.
func isEarningsOption(name string) bool { return slices.Contains(earningsOptions(), name) }

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
	scenario, err := earningsMix(inv, p)
	if err != nil {
		return err
	}
	tier2, err := earningsTier2(inv, p)
	if err != nil {
		return err
	}
	cur := st.currency(p)
	d := newEarningsData(p, scenario, tier2)
	if err := d.addRows(inv, p, cur, scenario); err != nil {
		return err
	}
	d.Caption = earningsCaption(p, cur, d.Scenario)
	if d.PerLabel == "Per year" {
		// Customers billed yearly: the caption's figures are a year's.
		d.Caption = strings.NewReplacer("Monthly commission", "Yearly commission", "monthly commission", "yearly commission").Replace(d.Caption)
	}
	if scenario.Ramp != nil {
		d.Caption = scenario.Name + ": new customers each month, for " + plural.N(scenario.Ramp.Months, "month") +
			rampChurn(scenario.Ramp) + "; the first payment of each."
	}
	if d.Summary, err = earningsSummary(p, scenario, cur); err != nil {
		return inv.Errorf("shortcode %q: %w", inv.Name, err)
	}
	inv.Data = d
	return nil
}

// earningsTier2 reads tier2=, which needs a program with a second tier.
func earningsTier2(inv *shortcodes.Invocation, p *programs.Program) (bool, error) {
	s, ok := inv.Arg("tier2")
	if !ok {
		return false, nil
	}
	tier2, err := strconv.ParseBool(s)
	if err != nil {
		return false, inv.Errorf("shortcode %q: tier2=%q is not true or false", inv.Name, s)
	}
	if tier2 && p.Tier2 == nil {
		return false, inv.Errorf("shortcode %q: tier2=%q, but program %q has no second tier", inv.Name, s, p.ID)
	}
	return tier2, nil
}

// newEarningsData is the table's heading: the program, its rate and the
// labels, which say whether the figures are a month's, a year's or once.
func newEarningsData(p *programs.Program, scenario *programs.Scenario, tier2 bool) *EarningsData {
	d := &EarningsData{
		Program: p.Name, Rate: rateLabel(&p.Commission), Tier2: tier2, Checked: checkedNote(p),
		Recurring: p.Commission.Recurring(), TotalLabel: "Total per month", PriceLabel: "Price a month", PerLabel: "Per month",
		NoPrices: !pricesShown(p),
	}
	if !d.Recurring {
		d.TotalLabel, d.PriceLabel, d.PerLabel = "Total, once", "Price", "Total"
	}
	d.Scenario = scenario.Name // "" for counts given as arguments
	if scenario.HasBilling && scenario.Billing == programs.Annual && d.Recurring {
		d.TotalLabel, d.PriceLabel, d.PerLabel = "Total per year", "Price a year", "Per year"
	}
	return d
}

// addRows adds a row for each plan of s's mix, and the totals.
func (d *EarningsData) addRows(inv *shortcodes.Invocation, p *programs.Program, cur money.Currency, s *programs.Scenario) error {
	e, err := p.Mix(s, d.Tier2)
	var merr *programs.MixError
	if errors.As(err, &merr) {
		m := merr.Row
		price, _ := m.Plan.PriceOf(m.Billing)
		switch {
		case merr.Billing:
			return inv.Errorf("shortcode %q: %w", inv.Name, merr.Err)
		case merr.Tier2:
			return inv.Errorf("shortcode %q: the second-tier commission on %d × %s %s cannot be computed (%w)", inv.Name, m.Count, m.Plan.Name, cur.Format(price), merr.Err)
		}
		return inv.Errorf("shortcode %q: the commission on %d × %s %s cannot be computed (%w)", inv.Name, m.Count, m.Plan.Name, cur.Format(price), merr.Err)
	}
	if err != nil { // a plan the mix names but p lacks
		return inv.Errorf("shortcode %q: %w", inv.Name, err)
	}
	for _, m := range e.Rows {
		price, _ := m.Plan.PriceOf(m.Billing)
		r := EarningsRow{
			Plan: m.Plan.Name, Count: strconv.FormatInt(m.Count, 10), Price: cur.Format(price) + periodText(m.Plan, m.Billing),
			PerReferral: cur.Format(m.Per), Monthly: cur.Format(m.Sum),
		}
		if d.Recurring && m.Billing == programs.Monthly {
			r.Price = cur.Format(price)
		}
		if d.NoPrices {
			r.Price = ""
		}
		if d.Tier2 {
			r.Tier2PerReferral, r.Tier2Monthly = cur.Format(m.Per2), cur.Format(m.Sum2)
		}
		d.Rows = append(d.Rows, r)
	}
	d.Total = cur.Format(e.Total)
	if d.Tier2 {
		d.Tier2Rate = tier2Short(p.Tier2, cur)
		d.Tier2Total = cur.Format(e.Total2)
	}
	return nil
}

// earningsSummary is EarningsData.Summary.
func earningsSummary(p *programs.Program, s *programs.Scenario, cur money.Currency) (string, error) {
	if !s.HasBilling && s.Ramp == nil {
		return "", nil
	}
	e, err := p.Earnings(s)
	if err != nil {
		return "", err
	}
	if r := s.Ramp; r != nil {
		return "Month " + itoa(r.Months) + ": " + cur.Format(e.FinalMonth) + "; " + cur.Format(e.Total) +
			" over " + theN(r.Months, "month") + ".", nil
	}
	return "Over these customers' first 12 months: " + cur.Format(e.Annual) + ", " + cur.Format(e.Monthly) +
		" a month on average.", nil
}

// rampChurn is ", 5% of customers leaving each month", or "".
func rampChurn(r *programs.Ramp) string {
	if r.Churn.IsZero() {
		return ""
	}
	return ", " + r.Churn.Percent() + " of customers leaving each month"
}

// earningsMix returns the mix of an earnings shortcode: the scenario it
// names or, for counts given as arguments, a scenario without a name of
// those counts in the program's plan order.
func earningsMix(inv *shortcodes.Invocation, p *programs.Program) (*programs.Scenario, error) {
	m, _ := inv.Params.(map[string]string)
	names := planCountNames(m)
	sid, hasScenario := inv.Arg("scenario")
	switch {
	case hasScenario && len(names) > 0:
		return nil, inv.Errorf("shortcode %q: give either scenario= or plan counts (%s), not both", inv.Name, strings.Join(names, ", "))
	case hasScenario:
		return scenarioMix(inv, p, sid)
	case len(names) == 0:
		return nil, inv.Errorf("shortcode %q: missing plan counts, such as %s=6, or scenario= (plans: %s)", inv.Name, firstOr(p.PlanIDs(), "starter"), idList(p.PlanIDs()))
	}
	return countedMix(inv, p, m, names)
}

// planCountNames are the arguments that are not options, sorted so that
// errors come in one order: the plans counted.
func planCountNames(m map[string]string) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		if !isEarningsOption(k) {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return names
}

// scenarioMix is the mix of p's scenario sid.
func scenarioMix(inv *shortcodes.Invocation, p *programs.Program, sid string) (*programs.Scenario, error) {
	s, ok := p.Scenario(sid)
	if !ok {
		return nil, inv.Errorf("shortcode %q: unknown scenario %q of program %q (scenarios: %s)", inv.Name, sid, p.ID, idList(p.ScenarioIDs()))
	}
	return s, scenarioPlans(factCtx{inv.Name, inv.Errorf}, p, s)
}

// scenarioPlans checks that every plan of s's mix is a plan of p.
func scenarioPlans(inv factCtx, p *programs.Program, s *programs.Scenario) error {
	for _, pc := range s.Mix {
		if _, ok := p.Plan(pc.PlanID); !ok {
			return inv.Errorf("shortcode %q: scenario %q names unknown plan %q of program %q (plans: %s)", inv.Name, s.ID, pc.PlanID, p.ID, idList(p.PlanIDs()))
		}
	}
	return nil
}

// countedMix is the mix the plan counts m give (names are m's plans),
// in the order of p's plans.
func countedMix(inv *shortcodes.Invocation, p *programs.Program, m map[string]string, names []string) (*programs.Scenario, error) {
	counts := make(map[*programs.Plan]int64)
	for _, name := range names {
		pl, err := findPlan(inv, p, name, "plan")
		if err != nil {
			return nil, err
		}
		if _, dup := counts[pl]; dup {
			return nil, inv.Errorf("shortcode %q: plan %q is counted twice", inv.Name, pl.ID)
		}
		if counts[pl], err = countArg(inv, name, m[name]); err != nil {
			return nil, err
		}
	}
	s := &programs.Scenario{}
	for _, pl := range p.Plans {
		if n, ok := counts[pl]; ok {
			s.Mix = append(s.Mix, programs.PlanCount{PlanID: pl.ID, Count: n})
		}
	}
	return s, nil
}

// countArg reads the count name=value: a whole number, 0 or more.
func countArg(inv *shortcodes.Invocation, name, value string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
	if err != nil || n < 0 {
		return 0, inv.Errorf("shortcode %q: %s=%q is not a count (a whole number, 0 or more)", inv.Name, name, value)
	}
	return n, nil
}

func earningsCaption(p *programs.Program, cur money.Currency, scenario string) string {
	c := &p.Commission
	var s string
	switch {
	case rateLabel(c) != "" && (c.Recurs == programs.Lifetime || c.Recurs == programs.Unstated) && !c.HasRenewal && !perPlan(p):
		s = "Monthly commission at " + c.Rate.Percent()
		if c.Recurs == programs.Lifetime {
			s += " recurring, once all referrals are active"
		}
	case c.Recurring():
		s = "Monthly commission at " + commissionText(c, cur) + ", once all referrals are active"
	default:
		s = "One-time commission: " + commissionText(c, cur)
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
