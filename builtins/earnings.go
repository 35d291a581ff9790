package builtins

import (
	"errors"
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
func isEarningsOption(name string) bool { return contains(earningsOptions(), name) }

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
	tier2, err := earningsTier2(inv, p)
	if err != nil {
		return err
	}
	cur := st.currency(p)
	d := newEarningsData(p, scenario, tier2)
	if err := d.addRows(inv, p, cur, mix, scenario); err != nil {
		return err
	}
	d.Caption = earningsCaption(p, cur, d.Scenario)
	if d.PerLabel == "Per year" {
		// Customers billed yearly: the caption's figures are a year's.
		d.Caption = strings.NewReplacer("Monthly commission", "Yearly commission", "monthly commission", "yearly commission").Replace(d.Caption)
	}
	if scenario != nil && scenario.Ramp != nil {
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
	}
	if !d.Recurring {
		d.TotalLabel, d.PriceLabel, d.PerLabel = "Total, once", "Price", "Total"
	}
	if scenario != nil {
		d.Scenario = scenario.Name
	}
	if scenario != nil && scenario.HasBilling && scenario.Billing == programs.Annual && d.Recurring {
		d.TotalLabel, d.PriceLabel, d.PerLabel = "Total per year", "Price a year", "Per year"
	}
	return d
}

// addRows adds a row for each plan of mix, and the totals.
func (d *EarningsData) addRows(inv *shortcodes.Invocation, p *programs.Program, cur money.Currency, mix []planCount, scenario *programs.Scenario) error {
	var total, total2 money.Cents
	nth, period := 0, mixSales(mix) // sales before this row and in all, for volume tiers
	for _, m := range mix {
		b, err := billingOf(scenario, m.plan)
		if err != nil {
			return inv.Errorf("shortcode %q: %w", inv.Name, err)
		}
		price, _ := m.plan.PriceOf(b)
		c := p.CommissionFor(m.plan)
		per, sum, err := earn(c, m, b, nth, period, &total)
		if err != nil {
			return inv.Errorf("shortcode %q: the commission on %d × %s %s cannot be computed (%w)", inv.Name, m.count, m.plan.Name, cur.Format(price), err)
		}
		r := EarningsRow{
			Plan: m.plan.Name, Count: strconv.FormatInt(m.count, 10), Price: cur.Format(price) + periodText(m.plan, b),
			PerReferral: cur.Format(per), Monthly: cur.Format(sum),
		}
		if d.Recurring && b == programs.Monthly {
			r.Price = cur.Format(price)
		}
		if d.Tier2 {
			per2, sum2, err := earnTier2(p.Tier2For(m.plan), c, m, b, &total2)
			if err != nil {
				return inv.Errorf("shortcode %q: the second-tier commission on %d × %s %s cannot be computed (%w)", inv.Name, m.count, m.plan.Name, cur.Format(price), err)
			}
			r.Tier2PerReferral, r.Tier2Monthly = cur.Format(per2), cur.Format(sum2)
		}
		d.Rows = append(d.Rows, r)
		nth += programs.SalesOf(m.count)
	}
	d.Total = cur.Format(total)
	if d.Tier2 {
		d.Tier2Rate = tier2Short(p.Tier2, cur)
		d.Tier2Total = cur.Format(total2)
	}
	return nil
}

// billingOf is the billing m's customers pay at: the scenario's
// (programs.Scenario.BillingOf), else the plan's first price.
func billingOf(s *programs.Scenario, pl *programs.Plan) (programs.Billing, error) {
	if s != nil {
		return s.BillingOf(pl)
	}
	return pl.Billings()[0], nil
}

// earningsSummary is EarningsData.Summary.
func earningsSummary(p *programs.Program, s *programs.Scenario, cur money.Currency) (string, error) {
	if s == nil || (!s.HasBilling && s.Ramp == nil) {
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

// earn returns the commission on one customer of m's plan (the first of
// the row) and on all of them, and adds the latter to *total. The row's
// sales are numbered after the nth sales of earlier rows, so that volume
// tiers apply in order; with Retroactive tiers all of them are paid at the
// tier that the whole mix, its period sales, reaches. Any figure that does
// not fit is an error rather than a wrong amount.
func earn(c *programs.Commission, m planCount, b programs.Billing, nth, period int, total *money.Cents) (per, sum money.Cents, err error) {
	if per, err = c.On(m.plan, b, nth+1); err != nil {
		return 0, 0, err
	}
	if len(c.Tiers) == 0 || c.Retroactive {
		if c.Retroactive {
			if per, err = c.On(m.plan, b, period); err != nil {
				return 0, 0, err
			}
		}
		if sum, err = per.Mul(m.count); err != nil {
			return 0, 0, err
		}
	} else {
		n := programs.SalesOf(m.count)
		upto, err1 := c.PeriodTotal(m.plan, b, nth+n)
		before, err2 := c.PeriodTotal(m.plan, b, nth)
		if err = errors.Join(err1, err2); err != nil {
			return 0, 0, err
		}
		sum = upto - before
	}
	if *total, err = total.Add(sum); err != nil {
		return 0, 0, err
	}
	return per, sum, nil
}

// earnTier2 is earn for the second tier.
func earnTier2(t *programs.Tier2, c *programs.Commission, m planCount, b programs.Billing, total *money.Cents) (per, sum money.Cents, err error) {
	if t == nil {
		return 0, 0, nil
	}
	if per, err = t.On(c, m.plan, b); err != nil {
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

// mixSales is the number of customers of mix: the sales of one tier
// period.
func mixSales(mix []planCount) int {
	n := 0
	for _, m := range mix {
		n += programs.SalesOf(m.count)
	}
	return n
}

// earningsMix returns the plans and counts of an earnings shortcode, in the
// scenario's order or, for counts given as arguments, the program's plan
// order.
func earningsMix(inv *shortcodes.Invocation, p *programs.Program) ([]planCount, *programs.Scenario, error) {
	m, _ := inv.Params.(map[string]string)
	names := planCountNames(m)
	sid, hasScenario := inv.Arg("scenario")
	switch {
	case hasScenario && len(names) > 0:
		return nil, nil, inv.Errorf("shortcode %q: give either scenario= or plan counts (%s), not both", inv.Name, strings.Join(names, ", "))
	case hasScenario:
		return scenarioMix(inv, p, sid)
	case len(names) == 0:
		return nil, nil, inv.Errorf("shortcode %q: missing plan counts, such as %s=6, or scenario= (plans: %s)", inv.Name, firstOr(p.PlanIDs(), "starter"), idList(p.PlanIDs()))
	}
	mix, err := countedMix(inv, p, m, names)
	return mix, nil, err
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
func scenarioMix(inv *shortcodes.Invocation, p *programs.Program, sid string) ([]planCount, *programs.Scenario, error) {
	s, ok := p.Scenario(sid)
	if !ok {
		return nil, nil, inv.Errorf("shortcode %q: unknown scenario %q of program %q (scenarios: %s)", inv.Name, sid, p.ID, idList(p.ScenarioIDs()))
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
}

// countedMix is the mix the plan counts m give (names are m's plans),
// in the order of p's plans.
func countedMix(inv *shortcodes.Invocation, p *programs.Program, m map[string]string, names []string) ([]planCount, error) {
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
	var mix []planCount
	for _, pl := range p.Plans {
		if n, ok := counts[pl]; ok {
			mix = append(mix, planCount{pl, n})
		}
	}
	return mix, nil
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
