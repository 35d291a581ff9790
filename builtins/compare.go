package builtins

import (
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// CompareScript is the theme's table-sorting script, below the base path.
const CompareScript = "js/compare.js"

// CompareData is the data of the compare template: one table, a row per
// program and a column per fact.
type CompareData struct {
	Caption string // "Kartra and FunnelForge compared"
	Facts   []CompareFact
	Rows    []CompareRow
	// Best is true when best="true" asked to mark the best value of each
	// fact; a fact that cannot be ranked has no mark.
	Best   bool
	Script string // the site path of the sorting script
}

// CompareFact is one column of a comparison.
type CompareFact struct {
	Path  string // the fact's full path, such as "payout.minimum"
	Label string // its heading, such as "Payout minimum"
}

// CompareRow is one program of a comparison.
type CompareRow struct {
	Program string // the program's name
	// Link is the program's tracked link (placement "compare", or
	// placement=).
	Link  LinkData
	Cells []CompareCell // one per fact, in the order of Facts
	// Checked is prices_checked as readers see it ("November 1, 2026")
	// and CheckedISO as a date ("2026-11-01"); both empty without one.
	Checked, CheckedISO string
}

// CompareCell is one fact of one program.
type CompareCell struct {
	Label string // the column's heading, for the stacked layout of phones
	// Text is the fact as the fact shortcode prints it; "—" for none,
	// NoPriceText for a price of a program whose prices are not shown.
	Text string
	None bool // the program's data has no such fact
	// Sort is the value the script sorts by, a number in which a larger
	// value is better; empty for a fact that has no order.
	Sort string
	Best bool // the best value of its column (with best="true")
	// key is Sort's exact value, nil for none; unit is what it counts
	// when a column can mix units (a price a month and a one-off price):
	// values of different units are never ranked.
	key  *big.Rat
	unit string
}

// compareLabels are the headings of the usual facts.
func compareLabels() map[string]string {
	return map[string]string{
		"commission": "Commission", "commission.terms": "Commission terms", "recurring": "Recurring",
		"tier2": "Tier 2", "tier2.terms": "Tier 2 terms", "cookie": "Cookie", "cookie.days": "Cookie days",
		"payout.minimum": "Payout minimum", "payout.hold": "Payout hold", "payout.hold_days": "Hold days",
		"payout.min_sales": "Sales before payout", "payout.methods": "Paid by", "payout.schedule": "Paid",
		"trial": "Trial", "trial.days": "Trial days", "trial.price": "Trial price",
		"lowest_price": "Lowest price", "lowest_price.per_month": "Lowest a month", "rating": "Rating", "name": "Name", "prices_checked": "Checked on",
	}
}

// defaultCompareFacts are the facts of a compare shortcode without facts=.
const defaultCompareFacts = "commission,recurring,tier2,cookie,minimum,hold,trial,lowest,rating"

// Compare is the compare shortcode: programs side by side, a row per
// program and a column per fact, each figure as the fact shortcode
// prints it, with the date each program was checked.
//
//	{{< compare programs="kartra,funnelforge" facts="commission,tier2,cookie,minimum,lowest,rating" best="true" >}}
//
// programs= is required (two or more ids); facts= takes any program-level
// fact path or short name (default: commission, recurring, tier2,
// cookie, minimum, hold, trial, lowest, rating). best="true" marks the
// best value of each fact that has an order (higher commission, longer
// cookie, lower minimum…). The program's name links to it, tracked with
// placement= (default "compare"). Its template's .Data is a CompareData.
func (st *PageState) Compare(inv *shortcodes.Invocation) error {
	ids, err := st.programList(inv, 2)
	if err != nil {
		return err
	}
	facts, _ := inv.Arg("facts")
	if strings.TrimSpace(facts) == "" {
		facts = defaultCompareFacts
	}
	best, err := boolArg(inv, "best")
	if err != nil {
		return err
	}
	placement, _ := inv.Arg("placement")
	if placement == "" {
		placement = "compare"
	}
	d := &CompareData{Best: best, Script: st.ScriptURL(CompareScript)}
	known := append(programFacts(), slices.Sorted(maps.Keys(factAliases()))...)
	for _, f := range splitList(facts) {
		path := strings.ToLower(f)
		if full, ok := factAliases()[path]; ok {
			path = full
		}
		if !slices.Contains(programFacts(), path) {
			if s, ok := suggest.Closest(strings.ToLower(f), known); ok {
				return inv.Errorf("shortcode %q: unknown fact %q in facts= (did you mean %q?)", inv.Name, f, s)
			}
			return inv.Errorf("shortcode %q: unknown fact %q in facts= (facts: %s)", inv.Name, f, idList(programFacts()))
		}
		label := compareLabels()[path]
		if label == "" {
			label = path
		}
		d.Facts = append(d.Facts, CompareFact{Path: path, Label: label})
	}
	if len(d.Facts) == 0 {
		return inv.Errorf("shortcode %q: facts= names no fact", inv.Name)
	}
	var names []string
	for _, p := range ids {
		q, err := p.InCurrency(st.currency(p))
		if err != nil {
			return inv.Errorf("shortcode %q: %v", inv.Name, err)
		}
		names = append(names, p.Name)
		row := CompareRow{Program: p.Name, Link: st.link(inv, p, nil, placement, "")}
		if !p.PricesChecked.IsZero() {
			row.Checked = p.PricesChecked.Format("January 2, 2006")
			row.CheckedISO = p.PricesChecked.Format("2006-01-02")
		}
		for _, f := range d.Facts {
			c := CompareCell{Label: f.Label}
			if priceFact(f.Path) && !pricesShown(p) {
				c.Text = NoPriceText // unranked: its price is not on the page
			} else if text, err := st.FactText(p, f.Path); err == nil {
				c.Text = text
				if v, unit, ok := compareKey(q, f.Path); ok {
					c.Sort, c.key, c.unit = sortText(v), v, unit
				}
			} else {
				c.Text, c.None = "—", true
			}
			row.Cells = append(row.Cells, c)
		}
		d.Rows = append(d.Rows, row)
	}
	d.Caption = joinAnd(names) + " compared"
	if best {
		markBest(d)
	}
	inv.Data = d
	return nil
}

// markBest marks, in each column where two or more programs have a
// value with an order, the cells with the best one (ties all), unless
// every such value is the same (a mark on each says nothing) or they
// differ in unit (a recurring price and a one-off one). Values compare
// exactly (prices per month are fractions).
func markBest(d *CompareData) {
	for i := range d.Facts {
		var top, low *big.Rat
		n := 0
		units := map[string]bool{}
		for _, r := range d.Rows {
			if v := r.Cells[i].key; v != nil {
				n++
				if top == nil || v.Cmp(top) > 0 {
					top = v
				}
				if low == nil || v.Cmp(low) < 0 {
					low = v
				}
				units[r.Cells[i].unit] = true
			}
		}
		if n < 2 || top.Cmp(low) == 0 || len(units) > 1 {
			continue
		}
		for _, r := range d.Rows {
			if v := r.Cells[i].key; v != nil && v.Cmp(top) == 0 {
				r.Cells[i].Best = true
			}
		}
	}
}

// lifetime is the sort value of what never ends (a lifetime cookie, a
// commission for as long as the customer pays).
const lifetime = 1e9

// sortText is v as the script reads it: an integer, or a decimal with
// up to 9 places (a price per month such as 2491.666666667 minor units);
// the script only orders rows, the marks come from the exact values.
func sortText(v *big.Rat) string {
	if v.IsInt() {
		return v.Num().String()
	}
	s := strings.TrimRight(v.FloatString(9), "0")
	return strings.TrimSuffix(s, ".")
}

// compareKey is the order of fact path of p, in the program's display
// currency: an exact number in which larger is better for the affiliate
// or the reader (a cost is negated), and the unit it counts when a
// column can mix units ("month" for a price per month, "once" for a
// one-off price). ok is false for a fact with no order, or a commission
// whose terms are not one rate, since a rate and an amount do not
// compare.
func compareKey(p *programs.Program, path string) (key *big.Rat, unit string, ok bool) {
	num := func(s string) (*big.Rat, string, bool) {
		v, ok := new(big.Rat).SetString(s)
		return v, "", ok
	}
	whole := func(n int64) (*big.Rat, string, bool) { return big.NewRat(n, 1), "", true }
	c := &p.Commission
	switch path {
	case "commission":
		if rateLabel(c) != "" {
			return num(c.Rate.String())
		}
	case "recurring":
		switch c.Recurs {
		case programs.Lifetime:
			return whole(lifetime)
		case programs.ForMonths:
			return whole(int64(c.Months))
		}
		return whole(0)
	case "tier2":
		if t := p.Tier2; t != nil && t.Kind == programs.Share && !t.OfCommission {
			return num(t.Rate.String())
		}
	case "cookie", "cookie.days":
		switch {
		case p.CookieLifetime:
			return whole(lifetime)
		case p.CookieDays > 0:
			return whole(int64(p.CookieDays))
		case p.CookieHours > 0:
			return big.NewRat(int64(p.CookieHours), 24), "", true
		}
	case "trial", "trial.days":
		if p.Trial != nil {
			return whole(int64(p.Trial.Days))
		}
	case "trial.price":
		if p.Trial != nil {
			return whole(-int64(p.Trial.Price))
		}
	case "lowest_price", "lowest_price.per_month":
		return lowestPriceKey(p)
	case "rating":
		return num(p.Rating)
	}
	if po := p.Payout; po != nil {
		switch path {
		case "payout.minimum":
			if po.HasMinimum {
				return whole(-int64(po.Minimum))
			}
		case "payout.hold", "payout.hold_days":
			if po.HoldDays > 0 {
				return whole(-int64(po.HoldDays))
			}
		case "payout.min_sales":
			if po.MinSales > 0 {
				return whole(-int64(po.MinSales))
			}
		}
	}
	return nil, "", false
}

// lowestPriceKey is the order of p's lowest price: minus its cost per
// month for a recurring price ($47.88/year ranks above $29.00/month), or
// minus the amount of a one-off price, which is never ranked with one
// per month.
func lowestPriceKey(p *programs.Program) (*big.Rat, string, bool) {
	pr, ok := p.LowestPrice()
	if !ok {
		return nil, "", false
	}
	if m, ok := pr.PerMonth(); ok {
		v := m.Rat()
		return v.Neg(v), "month", true
	}
	return big.NewRat(-int64(pr.Amount), 1), "once", true
}

// programList returns the programs of programs=, at least min of them,
// each marked used; an unknown one is an error with a did-you-mean.
func (st *PageState) programList(inv *shortcodes.Invocation, min int) ([]*programs.Program, error) {
	raw, _ := inv.Arg("programs")
	ids := splitList(raw)
	if len(ids) < min {
		return nil, inv.Errorf("shortcode %q: programs= wants %d or more program ids, such as programs=%q (programs: %s)",
			inv.Name, min, strings.Join(firstN(st.Programs.IDs(), 2), ","), idList(st.Programs.IDs()))
	}
	var out []*programs.Program
	seen := map[string]bool{}
	for _, id := range ids {
		p, err := st.programID(inv, id, " in programs=")
		if err != nil {
			return nil, err
		}
		if seen[p.ID] {
			return nil, inv.Errorf("shortcode %q: program %q is listed twice in programs=", inv.Name, id)
		}
		seen[p.ID] = true
		out = append(out, p)
	}
	return out, nil
}

// boolArg reads a "true"/"false" argument; absent is false.
func boolArg(inv *shortcodes.Invocation, name string) (bool, error) {
	v, ok := inv.Arg(name)
	if !ok || strings.TrimSpace(v) == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(strings.TrimSpace(v))
	if err != nil {
		return false, inv.Errorf("shortcode %q: %s=%q is not true or false", inv.Name, name, v)
	}
	return b, nil
}

// splitList splits a comma-separated argument, trimming each item and
// dropping empty ones.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// joinAnd joins items as "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func firstN(list []string, n int) []string {
	if len(list) > n {
		return list[:n]
	}
	return list
}
