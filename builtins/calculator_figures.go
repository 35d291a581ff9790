package builtins

import (
	"strconv"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// liveCalculator fills d for plans whose customers each earn the same
// (programs.Program.PerCustomer): every billing option carries the exact
// year of one customer, and each figure is customers × that, rounded
// once (the month: / 12, rounded once); the totals round the exact sum
// once, as programs.Program.Earnings does.
func (st *PageState) liveCalculator(inv *shortcodes.Invocation, p *programs.Program, rows []calcRow, d *CalculatorData) error {
	cur := st.currency(p)
	var year, year2 money.Exact
	for _, r := range rows {
		row := CalculatorRow{Plan: r.plan.Name, Count: strconv.FormatInt(r.count, 10), Billing: billingLabel(p, r.plan, r.billing, cur)}
		for _, b := range r.plan.Billings() {
			y, err := p.YearExact(r.plan, b)
			if err != nil {
				return inv.Errorf("shortcode %q: the commission on %s %s cannot be computed (%v)", inv.Name, r.plan.Name, b, err)
			}
			o := CalculatorOption{Billing: b.String(), Label: billingLabel(p, r.plan, b, cur), Selected: b == r.billing, Year: fraction(y)}
			var y2 money.Exact // the second tier's, computed only when shown
			if d.Tier2 {
				if y2, err = p.Tier2YearExact(r.plan, b); err != nil {
					return inv.Errorf("shortcode %q: the second-tier commission on %s %s cannot be computed (%v)", inv.Name, r.plan.Name, b, err)
				}
				o.Tier2Year = fraction(y2)
			}
			if b == r.billing {
				y, y2 = y.Mul(r.count), y2.Mul(r.count)
				year, year2 = year.Add(y), year2.Add(y2)
				if err := yearAndMonth(cur, y, &row.Year, &row.Month); err != nil {
					return inv.Errorf("shortcode %q: %v", inv.Name, err)
				}
				if d.Tier2 {
					if err := yearAndMonth(cur, y2, &row.Tier2Year, &row.Tier2Month); err != nil {
						return inv.Errorf("shortcode %q: %v", inv.Name, err)
					}
				}
			}
			row.Options = append(row.Options, o)
		}
		d.Rows = append(d.Rows, row)
	}
	if err := yearAndMonth(cur, year, &d.Year, &d.Month); err != nil {
		return inv.Errorf("shortcode %q: %v", inv.Name, err)
	}
	if d.Tier2 {
		if err := yearAndMonth(cur, year2, &d.Tier2Year, &d.Tier2Month); err != nil {
			return inv.Errorf("shortcode %q: %v", inv.Name, err)
		}
	}
	inv.Data = d
	return nil
}

// fixedCalculator fills d for a program whose customers do not each earn
// the same (volume tiers): the default customers are one scenario,
// computed as a whole by programs.Program.Earnings, and only its totals
// are shown.
func (st *PageState) fixedCalculator(inv *shortcodes.Invocation, p *programs.Program, rows []calcRow, d *CalculatorData) error {
	cur := st.currency(p)
	s := &programs.Scenario{Name: d.Caption}
	for _, r := range rows {
		s.Mix = append(s.Mix, programs.PlanCount{PlanID: r.plan.ID, Count: r.count})
		d.Rows = append(d.Rows, CalculatorRow{
			Plan: r.plan.Name, Count: strconv.FormatInt(r.count, 10), Billing: billingLabel(p, r.plan, r.billing, cur),
		})
		if r.billing != rows[0].billing {
			return inv.Errorf("shortcode %q: program %q pays by volume tiers, so its customers are computed as one mix, at one billing; give billing=", inv.Name, p.ID)
		}
	}
	if b := rows[0].billing; b != rows[0].plan.Billings()[0] {
		s.Billing, s.HasBilling = b, true
	}
	e, err := p.Earnings(s)
	if err != nil {
		return inv.Errorf("shortcode %q: %v", inv.Name, err)
	}
	d.Year, d.Month = cur.Format(e.Annual), cur.Format(e.Monthly)
	inv.Data = d
	return nil
}

// yearAndMonth formats the exact year y rounded once, and y / 12 rounded
// once.
func yearAndMonth(cur money.Currency, y money.Exact, year, month *string) error {
	a, err := y.Round()
	if err != nil {
		return err
	}
	m, err := y.Div(12).Round()
	if err != nil {
		return err
	}
	*year, *month = cur.Format(a), cur.Format(m)
	return nil
}

// fraction is e as "num/den", for the script.
func fraction(e money.Exact) string {
	num, den := e.Fraction()
	return num + "/" + den
}

// billingLabel is the price of plan pl of p at billing b, which says the
// billing: "$99.00/month", "$948.00/year", "$24.99 once", "$79.00/2
// years"; only the billing ("Once", "Monthly", "Annual") when p's prices
// are not shown (pricesShown).
func billingLabel(p *programs.Program, pl *programs.Plan, b programs.Billing, cur money.Currency) string {
	if !pricesShown(p) {
		return upperFirst(b.String())
	}
	price, _ := pl.PriceOf(b)
	if period := periodText(pl, b); period != "" {
		return cur.Format(price) + period
	}
	return cur.Format(price) + " once"
}
