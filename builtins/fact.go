package builtins

import (
	"errors"
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/plural"
	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// FactData is the data of the fact template: one figure, as text.
type FactData struct {
	Program, Path string // the program's id and the fact's full path
	Text          string // the formatted figure, such as "40%" or "$79.60"
}

// factAliases are the short names of the most used facts.
func factAliases() map[string]string {
	return map[string]string{
		"rate":           "commission",
		"terms":          "commission.terms",
		"cookie_days":    "cookie.days",
		"minimum":        "payout.minimum",
		"hold":           "payout.hold",
		"hold_days":      "payout.hold_days",
		"hold.adjective": "payout.hold.adjective",
		"min_sales":      "payout.min_sales",
		"methods":        "payout.methods",
		"schedule":       "payout.schedule",
		"trial_days":     "trial.days",
		"trial_price":    "trial.price",
		"lowest":         "lowest_price",
		"checked":        "prices_checked",
	}
}

// programFacts are the fact paths that do not name a plan or scenario.
func programFacts() []string {
	table := programFactTable()
	paths := make([]string, len(table))
	for i, f := range table {
		paths[i] = f.path
	}
	return paths
}

// planFacts are the facts of plans.<id>.
func planFacts() []string {
	return []string{
		"name", "monthly", "annual", "price", "commission", "commission.monthly",
		"commission.annual", "commission.price", "commission.terms", "tier2",
		"tier2.monthly", "tier2.annual", "tier2.price",
	}
}

// Fact is the fact shortcode: one figure of a program's data, inline and
// without a wrapper, for prose:
//
//	Kartra pays {{< fact kartra "commission" >}} recurring.
//	Silver earns {{< fact kartra "plans.silver.commission.annual" >}} a year.
//	{{< fact "cookie" >}}   (the page's front-matter program)
//
// An unknown program, plan, scenario or fact is an error at the shortcode
// with a did-you-mean. Its template's .Data is a FactData.
func (st *PageState) Fact(inv *shortcodes.Invocation) error {
	id, path := "", ""
	if inv.IsNamedParams() {
		id, _ = inv.Arg("program")
		path, _ = inv.Arg("name")
	} else {
		args, _ := inv.Params.([]string)
		switch len(args) {
		case 1:
			path = args[0]
		case 2:
			id, path = args[0], args[1]
		default:
			return inv.Errorf(`shortcode %q: want a program and a fact, such as {{< fact kartra "commission" >}}`, inv.Name)
		}
	}
	if id == "" {
		id = st.Program
	}
	p, err := st.programID(inv, id, "")
	if err != nil {
		return err
	}
	text, err := st.factText(factCtx{inv.Name, inv.Errorf}, p, strings.TrimSpace(path))
	if err != nil {
		return err
	}
	inv.Data = &FactData{Program: p.ID, Path: path, Text: text}
	return nil
}

// factText resolves one fact path of p.
func (st *PageState) factText(inv factCtx, p *programs.Program, path string) (string, error) {
	cur := st.currency(p)
	key := strings.ToLower(path)
	if full, ok := factAliases()[key]; ok {
		key = full
	}
	if priceFact(key) && !pricesShown(p) {
		return "", hiddenPrice(inv, p, path)
	}
	parts := strings.SplitN(key, ".", 3)
	switch parts[0] {
	case "plans":
		if len(parts) < 3 {
			return "", inv.Errorf("shortcode %q: %q: want plans.<plan>.<fact>, such as plans.%s.monthly", inv.Name, path, firstOr(p.PlanIDs(), "starter"))
		}
		pl, ok := p.Plan(parts[1])
		if !ok {
			return "", unknown(inv, "plan", parts[1], p.PlanIDs(), p.ID)
		}
		return st.planFact(inv, p, pl, parts[2], path, cur)
	case "scenarios":
		return st.scenarioFact(inv, p, parts, path)
	}
	for _, f := range programFactTable() {
		if f.path != key {
			continue
		}
		text, missing := f.text(p, cur)
		if missing != "" {
			return "", inv.Errorf("shortcode %q: program %q has no %s", inv.Name, p.ID, missing)
		}
		return text, nil
	}
	return "", unknown(inv, "fact", path, allFacts(), p.ID)
}

// programFact is one fact of a program as a whole: its path, and how it
// reads. text returns the fact's text, or, for a program without the
// figure, what is missing.
type programFact struct {
	path string
	text func(p *programs.Program, cur money.Currency) (text, missing string)
}

// programFactTable are the program-level facts, in documentation order.
func programFactTable() []programFact {
	return []programFact{
		{"name", func(p *programs.Program, _ money.Currency) (string, string) { return p.Name, "" }},
		{"commission", func(p *programs.Program, cur money.Currency) (string, string) {
			if r := rateLabel(&p.Commission); r != "" {
				return r, ""
			}
			return commissionText(&p.Commission, cur), ""
		}},
		{"commission.terms", func(p *programs.Program, cur money.Currency) (string, string) {
			return commissionText(&p.Commission, cur), ""
		}},
		{"recurring", func(p *programs.Program, _ money.Currency) (string, string) { return recurringText(&p.Commission), "" }},
		{"tier2", tier2Fact(tier2Short)},
		{"tier2.terms", tier2Fact(tier2Text)},
		{"cookie", func(p *programs.Program, _ money.Currency) (string, string) {
			return orMissing(cookieText(p), "cookie_days")
		}},
		{"cookie.adjective", func(p *programs.Program, _ money.Currency) (string, string) {
			return orMissing(cookieAdjective(p), "cookie_days")
		}},
		{"cookie.days", func(p *programs.Program, _ money.Currency) (string, string) {
			return orMissing(countText(p.CookieDays), "cookie_days")
		}},
		{"payout.schedule", payoutFact("payout.schedule", func(po *programs.Payout, _ money.Currency) string { return po.Schedule })},
		{"payout.minimum", payoutFact("payout.minimum", payoutMinimum)},
		{"payout.hold", payoutFact("payout.hold", func(po *programs.Payout, _ money.Currency) string {
			if po.HoldDays > 0 {
				return plural.N(po.HoldDays, "day")
			}
			return ""
		})},
		{"payout.hold.adjective", payoutFact("payout.hold_days", func(po *programs.Payout, _ money.Currency) string {
			if po.HoldDays > 0 {
				return adjective(po.HoldDays, "day")
			}
			return ""
		})},
		{"payout.hold_days", payoutFact("payout.hold_days", func(po *programs.Payout, _ money.Currency) string { return countText(po.HoldDays) })},
		{"payout.min_sales", payoutFact("payout.min_sales", func(po *programs.Payout, _ money.Currency) string { return countText(po.MinSales) })},
		{"payout.methods", payoutFact("payout.methods", func(po *programs.Payout, _ money.Currency) string {
			if len(po.Methods) > 0 {
				return joinOr(po.Methods)
			}
			return ""
		})},
		{"trial", trialFact(trialText)},
		{"trial.days", trialFact(func(t *programs.Trial, _ money.Currency) string { return strconv.Itoa(t.Days) })},
		{"trial.price", trialFact(func(t *programs.Trial, cur money.Currency) string { return cur.Format(t.Price) })},
		{"lowest_price", lowestPriceFact},
		{"lowest_price.per_month", lowestPerMonthFact},
		{"prices_checked", func(p *programs.Program, _ money.Currency) (string, string) {
			if p.PricesChecked.IsZero() {
				return "", "prices_checked"
			}
			return p.PricesChecked.Format("January 2, 2006"), ""
		}},
		{"rating", func(p *programs.Program, _ money.Currency) (string, string) {
			if p.Rating == "" {
				return "", "rating"
			}
			return p.Rating + " out of 5", ""
		}},
	}
}

// orMissing is text, or missing when text is empty.
func orMissing(text, missing string) (string, string) {
	if text == "" {
		return "", missing
	}
	return text, ""
}

// countText is n as digits, "" for 0 or less.
func countText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// recurringText says how long the commission c is paid.
func recurringText(c *programs.Commission) string {
	switch c.Recurs {
	case programs.Lifetime:
		return "for as long as the customer pays"
	case programs.ForMonths:
		return "for " + theFirst(c.Months, "month")
	}
	return "on the first payment only"
}

// tier2Fact is a fact of the program's second tier.
func tier2Fact(text func(*programs.Tier2, money.Currency) string) func(*programs.Program, money.Currency) (string, string) {
	return func(p *programs.Program, cur money.Currency) (string, string) {
		if p.Tier2 == nil {
			return "", "second tier (tier2)"
		}
		return text(p.Tier2, cur), ""
	}
}

// trialFact is a fact of the program's trial.
func trialFact(text func(*programs.Trial, money.Currency) string) func(*programs.Program, money.Currency) (string, string) {
	return func(p *programs.Program, cur money.Currency) (string, string) {
		if p.Trial == nil {
			return "", "trial"
		}
		return text(p.Trial, cur), ""
	}
}

// payoutFact is a fact of the program's payout, missing (as path) when
// text is empty.
func payoutFact(path string, text func(*programs.Payout, money.Currency) string) func(*programs.Program, money.Currency) (string, string) {
	return func(p *programs.Program, cur money.Currency) (string, string) {
		if p.Payout == nil {
			return "", "payout"
		}
		return orMissing(text(p.Payout, cur), path)
	}
}

// payoutMinimum is the payout threshold, or that the affiliate chooses it.
func payoutMinimum(po *programs.Payout, cur money.Currency) string {
	switch {
	case po.HasMinimum:
		return cur.Format(po.Minimum)
	case po.MinimumChosen:
		return "chosen by the affiliate"
	}
	return ""
}

// planFact resolves the fact of plans.<id>.<fact>.
func (st *PageState) planFact(inv factCtx, p *programs.Program, pl *programs.Plan, fact, path string, cur money.Currency) (string, error) {
	billing := map[string]programs.Billing{"monthly": programs.Monthly, "annual": programs.Annual, "price": programs.Once}
	field, b, hasBilling := fact, programs.Billing(0), false
	if head, tail, ok := strings.Cut(fact, "."); ok {
		if bb, known := billing[tail]; known {
			field, b, hasBilling = head, bb, true
		}
	}
	c := p.CommissionFor(pl)
	if !hasBilling && field != "commission.terms" {
		b = pl.Billings()[0]
	}
	if _, ok := pl.PriceOf(b); !ok && field != "name" && field != "commission.terms" {
		if bb, known := billing[field]; known {
			b = bb
		}
		if _, ok := pl.PriceOf(b); !ok {
			return "", inv.Errorf("shortcode %q: %q: plan %q of program %q has no %s price", inv.Name, path, pl.ID, p.ID, b)
		}
	}
	switch field {
	case "name":
		return pl.Name, nil
	case "monthly", "annual", "price":
		v, ok := pl.PriceOf(billing[field])
		if !ok {
			return "", inv.Errorf("shortcode %q: %q: plan %q of program %q has no %s price", inv.Name, path, pl.ID, p.ID, billing[field])
		}
		return cur.Format(v), nil
	case "commission":
		v, err := c.On(pl, b, 1)
		return factFigure(inv, cur, v, err, pl, b, "commission")
	case "commission.terms":
		return commissionText(c, cur), nil
	case "tier2":
		t := p.Tier2For(pl)
		if t == nil {
			return "", inv.Errorf("shortcode %q: program %q has no second tier (tier2)", inv.Name, p.ID)
		}
		v, err := t.On(c, pl, b)
		return factFigure(inv, cur, v, err, pl, b, "second-tier commission")
	}
	return "", unknown(inv, "fact", "plans."+pl.ID+"."+fact, prefixed("plans."+pl.ID+".", planFacts()), p.ID)
}

// scenarioFact resolves scenarios.<id>.total and .tier2_total, the
// earnings shortcode's totals.
func (st *PageState) scenarioFact(inv factCtx, p *programs.Program, parts []string, path string) (string, error) {
	if len(parts) < 3 {
		return "", inv.Errorf("shortcode %q: %q: want scenarios.<scenario>.total", inv.Name, path)
	}
	s, ok := p.Scenario(parts[1])
	if !ok {
		return "", unknown(inv, "scenario", parts[1], p.ScenarioIDs(), p.ID)
	}
	if parts[2] == "customers" {
		var n int64
		for _, pc := range s.Mix {
			n += pc.Count
		}
		return strconv.FormatInt(n, 10), nil
	}
	cur := st.currency(p)
	switch parts[2] {
	case "total", "tier2_total":
	case "annual", "monthly", "final_month", "period_total", "months":
		return st.scenarioEarningsFact(inv, p, s, parts[2], path, cur)
	default:
		return "", unknown(inv, "fact", path, prefixed("scenarios."+s.ID+".", scenarioFacts()), p.ID)
	}
	tier2 := parts[2] == "tier2_total"
	if tier2 && p.Tier2 == nil {
		return "", inv.Errorf("shortcode %q: program %q has no second tier (tier2)", inv.Name, p.ID)
	}
	if err := scenarioPlans(inv, p, s); err != nil {
		return "", err
	}
	e, err := p.Mix(s, tier2)
	var merr *programs.MixError
	switch {
	case errors.As(err, &merr) && merr.Billing:
		return "", inv.Errorf("shortcode %q: %q: %w", inv.Name, path, err)
	case err != nil:
		return "", inv.Errorf("shortcode %q: %q cannot be computed (%w)", inv.Name, path, err)
	case tier2:
		return cur.Format(e.Total2), nil
	}
	return cur.Format(e.Total), nil
}

// scenarioEarningsFact resolves what a scenario earns over time
// (programs.Program.Earnings): annual and monthly for customers who join
// at once, months, final_month and period_total for a ramp.
func (st *PageState) scenarioEarningsFact(inv factCtx, p *programs.Program, s *programs.Scenario, fact, path string, cur money.Currency) (string, error) {
	ramp := fact == "final_month" || fact == "period_total" || fact == "months"
	switch {
	case ramp && s.Ramp == nil:
		return "", inv.Errorf("shortcode %q: %q: scenario %q has no ramp (ramp: {months: 12})", inv.Name, path, s.ID)
	case !ramp && s.Ramp != nil:
		return "", inv.Errorf("shortcode %q: %q: scenario %q is a ramp; use .final_month or .period_total", inv.Name, path, s.ID)
	case fact == "months":
		return strconv.Itoa(s.Ramp.Months), nil
	}
	e, err := p.Earnings(s)
	if err != nil {
		return "", inv.Errorf("shortcode %q: %q cannot be computed (%w)", inv.Name, path, err)
	}
	v := map[string]money.Cents{"annual": e.Annual, "monthly": e.Monthly, "final_month": e.FinalMonth, "period_total": e.Total}[fact]
	return cur.Format(v), nil
}

// scenarioFacts are the facts of scenarios.<id>.
func scenarioFacts() []string {
	return []string{"total", "tier2_total", "customers", "annual", "monthly", "months", "final_month", "period_total"}
}

// factCtx is where a fact is asked for: the shortcode's name and its
// error constructor (an Invocation's Errorf, which adds file:line:col),
// or, for a fact in a data file's text, fmt.Errorf.
type factCtx struct {
	Name   string
	errorf func(format string, args ...any) error
}

// Errorf returns an error made by the context's constructor.
func (c factCtx) Errorf(format string, args ...any) error { return c.errorf(format, args...) }

// factFigure formats a computed commission: "custom" when the program
// publishes no figure, an error at the shortcode when it does not fit,
// never a wrong figure.
func factFigure(inv factCtx, cur money.Currency, v money.Cents, err error, pl *programs.Plan, b programs.Billing, what string) (string, error) {
	switch {
	case errors.Is(err, programs.ErrNoFigure):
		return "custom", nil
	case err != nil:
		return "", inv.Errorf("shortcode %q: the %s on plan %q's %s price is too large to compute exactly (%w)", inv.Name, what, pl.ID, b, err)
	}
	return cur.Format(v), nil
}

// allFacts returns every program-level fact path and short name.
func allFacts() []string {
	out := programFacts()
	for k := range factAliases() {
		out = append(out, k)
	}
	return append(out, "plans.<plan>.<fact>", "scenarios.<scenario>.total")
}

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

// unknown is the error for an unknown plan, scenario or fact, with the
// closest known name when one is near.
func unknown(inv factCtx, what, name string, known []string, program string) error {
	if s, ok := suggest.Closest(strings.ToLower(name), known); ok {
		return inv.Errorf("shortcode %q: unknown %s %q of program %q (did you mean %q?)", inv.Name, what, name, program, s)
	}
	return inv.Errorf("shortcode %q: unknown %s %q of program %q (%ss: %s)", inv.Name, what, name, program, what, idList(known))
}
