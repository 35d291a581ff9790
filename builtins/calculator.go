package builtins

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// CalculatorScript is the theme's earnings-calculator script, below the
// base path.
const CalculatorScript = "js/calculator.js"

// MaxCalculatorCount is the most customers a calculator row takes, in the
// page and in its script alike.
const MaxCalculatorCount = 1_000_000

// CalculatorData is the data of the calculator template: a row per plan,
// each with its customers and billing, and what they earn a month and a
// year. The figures are the default scenario's, computed here; when Live
// is set, js/calculator.js recomputes them from the readers' choices with
// the exact terms each billing option carries, rounding as the build does.
type CalculatorData struct {
	ID      string // unique on the page ("calc-12-1"), for labels
	Program string // the program's name
	Caption string // "Earnings calculator: Kartra"
	Terms   string // "Commission: 40% recurring."
	Rows    []CalculatorRow
	// Month and Year are the totals: the customers' first 12 months
	// (Year) and its average month (Month), each rounded once.
	Month, Year string
	// Tier2 is set when the program has a second tier and tier2= is not
	// "false"; the Tier2* figures are then filled.
	Tier2                 bool
	Tier2Rate             string // "10%", "$50 a sale"
	Tier2Month, Tier2Year string
	Live                  bool   // the script may recompute; false for fixed figures
	Why                   string // why the figures are fixed, when not Live
	Prefix                string // the currency's prefix ("$", "CHF "), for the script
	Decimals              int    // the currency's decimals, for the script
	Checked               string // "Prices checked on November 1, 2026", or empty
	Script                string // the site path of js/calculator.js
}

// CalculatorRow is one plan of a calculator.
type CalculatorRow struct {
	Plan    string // the plan's name
	Count   string // customers in the default scenario
	Billing string // the billing shown: "Monthly, $99.00/month"
	Options []CalculatorOption
	// Month, Year, Tier2Month and Tier2Year are the row's figures; empty
	// for fixed figures that only the whole mix has (volume tiers).
	Month, Year, Tier2Month, Tier2Year string
}

// CalculatorOption is one way of paying for a row's plan, with the exact
// terms the script computes with: what one customer earns in their first
// 12 months, as a fraction of minor units (programs.Program.YearExact).
type CalculatorOption struct {
	Billing   string // "monthly", "annual" or "once"
	Label     string // "Monthly, $99.00/month"
	Selected  bool
	Year      string // "3960/1"
	Tier2Year string // the second tier's, "" without one
}

// Calculator is the calculator shortcode: an earnings calculator for
// readers on a program's page. Each plan is a row where readers choose a
// number of customers and, for a plan with more than one price, the
// billing; the block shows what those customers earn in their first 12
// months and in an average month of them, for the first and second tier.
//
//	{{< calculator program="kartra" >}}
//	{{< calculator scenario="one-referral-a-week" tier2="false" >}}
//	{{< calculator plans="starter,silver" starter=3 silver=1 billing="annual" >}}
//
// The default customers are scenario= (a scenario without ramp), else
// plan=count arguments, else the program's first scenario without a
// ramp, else one of each plan. Its template's .Data is a CalculatorData.
func (st *PageState) Calculator(inv *shortcodes.Invocation) error {
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	rows, err := calculatorRows(inv, p)
	if err != nil {
		return err
	}
	tier2, err := calculatorTier2(inv, p)
	if err != nil {
		return err
	}
	cur := st.currency(p)
	d := &CalculatorData{
		ID: fmt.Sprintf("calc-%d-%d", inv.Line, inv.Col), Program: p.Name, Caption: "Earnings calculator: " + p.Name,
		Terms: "Commission: " + commissionText(&p.Commission, cur) + ".", Tier2: tier2, Live: true,
		Prefix: currencyPrefix(cur), Decimals: cur.OrDefault().MinorUnits(), Checked: checkedNote(p),
		Script: st.ScriptURL(CalculatorScript),
	}
	if perPlan(p) {
		d.Terms = "Commission by plan: see each plan's terms."
	}
	if tier2 {
		d.Tier2Rate = tier2Short(p.Tier2, cur)
	}
	for _, r := range rows {
		if !p.PerCustomer(r.plan) {
			d.Live = false
			d.Why = "These figures are fixed: " + p.Name + " pays by volume tiers, so what a customer earns depends on the other sales of the month, and the whole mix is computed at once."
		}
	}
	if !d.Live {
		d.Tier2 = false
		return st.fixedCalculator(inv, p, rows, d)
	}
	return st.liveCalculator(inv, p, rows, d)
}

// calcRow is a plan of a calculator with its default customers and billing.
type calcRow struct {
	plan    *programs.Plan
	count   int64
	billing programs.Billing
}

// calculatorRows returns the plans of plans= (default: every plan with a
// price), each with its default customers and billing.
func calculatorRows(inv *shortcodes.Invocation, p *programs.Program) ([]calcRow, error) {
	plans := p.Plans
	if raw, ok := inv.Arg("plans"); ok {
		plans = nil
		for _, id := range splitList(raw) {
			pl, err := findPlan(inv, p, id, "plan")
			if err != nil {
				return nil, err
			}
			plans = append(plans, pl)
		}
	}
	var rows []calcRow
	for _, pl := range plans {
		if len(pl.Billings()) > 0 {
			rows = append(rows, calcRow{plan: pl, billing: pl.Billings()[0]})
		}
	}
	if len(rows) == 0 {
		return nil, inv.Errorf("shortcode %q: program %q has no plan with a price to compute", inv.Name, p.ID)
	}
	if err := calculatorBilling(inv, rows); err != nil {
		return nil, err
	}
	return rows, calculatorCounts(inv, p, rows)
}

// calculatorBilling applies billing=, the default billing of the plans
// that have that price.
func calculatorBilling(inv *shortcodes.Invocation, rows []calcRow) error {
	raw, ok := inv.Arg("billing")
	if !ok || strings.TrimSpace(raw) == "" {
		return nil
	}
	b, err := parseBilling(inv, raw)
	if err != nil {
		return err
	}
	for i := range rows {
		if _, ok := rows[i].plan.PriceOf(b); ok {
			rows[i].billing = b
		}
	}
	return nil
}

// parseBilling reads "monthly", "annual" or "once".
func parseBilling(inv *shortcodes.Invocation, raw string) (programs.Billing, error) {
	names := []string{"monthly", "annual", "once"}
	s := strings.ToLower(strings.TrimSpace(raw))
	for _, b := range []programs.Billing{programs.Monthly, programs.Annual, programs.Once} {
		if b.String() == s {
			return b, nil
		}
	}
	if g, ok := suggest.Closest(s, names); ok {
		return 0, inv.Errorf("shortcode %q: billing=%q is not a billing (did you mean %q?)", inv.Name, raw, g)
	}
	return 0, inv.Errorf("shortcode %q: billing=%q is not a billing (monthly, annual or once)", inv.Name, raw)
}

// calculatorCounts sets the default customers of rows: scenario=, plan
// counts, the first scenario without ramp, or one of each plan.
func calculatorCounts(inv *shortcodes.Invocation, p *programs.Program, rows []calcRow) error {
	m, _ := inv.Params.(map[string]string)
	counted := false
	for _, name := range slices.Sorted(maps.Keys(m)) { // sorted: deterministic errors
		v := m[name]
		if isCalculatorOption(name) {
			continue
		}
		pl, err := findPlan(inv, p, name, "plan")
		if err != nil {
			return err
		}
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || n < 0 || n > MaxCalculatorCount {
			return inv.Errorf("shortcode %q: %s=%q is not a count (a whole number from 0 to %d)", inv.Name, name, v, MaxCalculatorCount)
		}
		if !setCount(rows, pl, n, nil) {
			return inv.Errorf("shortcode %q: %s=%q counts plan %q, which plans= leaves out", inv.Name, name, v, pl.ID)
		}
		counted = true
	}
	sid, hasScenario := inv.Arg("scenario")
	switch {
	case hasScenario && counted:
		return inv.Errorf("shortcode %q: give either scenario= or plan counts, not both", inv.Name)
	case counted:
		return nil
	case hasScenario:
		s, ok := p.Scenario(sid)
		if !ok {
			return inv.Errorf("shortcode %q: unknown scenario %q of program %q (scenarios: %s)", inv.Name, sid, p.ID, idList(p.ScenarioIDs()))
		}
		if s.Ramp != nil {
			return inv.Errorf("shortcode %q: scenario %q is a ramp (new customers every month); the calculator shows customers who join at once", inv.Name, s.ID)
		}
		return scenarioCounts(inv, p, s, rows)
	}
	for _, s := range p.Scenarios {
		if s.Ramp == nil && scenarioCounts(inv, p, s, rows) == nil {
			return nil
		}
	}
	for i := range rows {
		rows[i].count = 1
	}
	return nil
}

// scenarioCounts sets rows' customers (and billing) from s.
func scenarioCounts(inv *shortcodes.Invocation, p *programs.Program, s *programs.Scenario, rows []calcRow) error {
	for i := range rows {
		rows[i].count = 0
	}
	for _, pc := range s.Mix {
		pl, ok := p.Plan(pc.PlanID)
		var b *programs.Billing
		if ok && s.HasBilling {
			b = &s.Billing
		}
		if !ok || pc.Count > MaxCalculatorCount || !setCount(rows, pl, pc.Count, b) {
			return inv.Errorf("shortcode %q: scenario %q counts plan %q, which the calculator does not show (plans: %s)", inv.Name, s.ID, pc.PlanID, idList(rowIDs(rows)))
		}
	}
	return nil
}

// setCount sets the customers of pl's row, and its billing when b is not
// nil and pl has that price; false when no row is pl.
func setCount(rows []calcRow, pl *programs.Plan, n int64, b *programs.Billing) bool {
	for i := range rows {
		if rows[i].plan == pl {
			rows[i].count = n
			if b != nil {
				if _, ok := pl.PriceOf(*b); ok {
					rows[i].billing = *b
				}
			}
			return true
		}
	}
	return false
}

// calculatorTier2 reads tier2=: the second tier's columns, shown by
// default when the program has one.
func calculatorTier2(inv *shortcodes.Invocation, p *programs.Program) (bool, error) {
	if _, ok := inv.Arg("tier2"); !ok {
		return p.Tier2 != nil, nil
	}
	on, err := boolArg(inv, "tier2")
	if on && p.Tier2 == nil {
		return false, inv.Errorf("shortcode %q: tier2=\"true\", but program %q has no second tier", inv.Name, p.ID)
	}
	return on, err
}

// isCalculatorOption reports whether a calculator argument is an option
// rather than a plan count.
func isCalculatorOption(name string) bool {
	return slices.Contains(calculatorOptions(), name)
}

func calculatorOptions() []string {
	return []string{"program", "plans", "scenario", "billing", "tier2"}
}

func rowIDs(rows []calcRow) []string {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.plan.ID
	}
	return ids
}

// currencyPrefix is what money.Currency.Format puts before an amount
// ("$", "CHF "), for the script to format as it does.
func currencyPrefix(cur money.Currency) string {
	return strings.TrimSuffix(cur.Format(0), cur.Plain(0))
}
