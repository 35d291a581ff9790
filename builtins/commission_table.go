package builtins

import (
	"html/template"
	"strings"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// CommissionTableData is the data of the commission-table template: one
// row per plan with its prices and the commission on each. Every amount is
// formatted.
type CommissionTableData struct {
	Program string // the program's name
	// Caption reads like "Kartra pays 40% recurring commission on every
	// plan; second tier 10%." or "HostCo pays $65 per sale."
	Caption string
	// Rate is "40%" when every plan earns the same share, else empty:
	// flat amounts, tiers and per-plan terms are in each row's Terms.
	Rate      string
	Tier2Rate string // "10%", "$50 a sale"; empty when HasTier2 is false
	HasTier2  bool
	// HasMonthly, HasAnnual and HasOnce say which price columns any plan
	// fills; PerPlan that the plans' terms differ (a Terms column).
	HasMonthly, HasAnnual, HasOnce, PerPlan bool
	// NoPrices is set for a program whose prices a page may not show (on
	// Amazon: pricesShown): the rows' prices are empty and the template
	// leaves their columns out, keeping the commission on each.
	NoPrices bool
	// Tiers lists volume tiers, such as "$75 for 6–10", when the
	// program has them; the rows are computed at the first tier.
	Tiers []string
	Rows  []CommissionRow
	// Checked is "Prices checked on November 1, 2026", empty when the
	// program has no date; SourceText is where the figures come from
	// ("kartra.com/affiliates"), SourceURL the same as a URL when it is one.
	Checked, SourceURL, SourceText string

	html template.HTML // the markup, when the table is shared (FactCache)
}

// CommissionRow is one plan of a commission table.
type CommissionRow struct {
	Plan  string // the plan's name
	Terms string // the plan's terms, such as "$100 per sale"
	// Monthly, Annual and Once are prices, "—" when the plan has none
	// ("Free" for a free plan's monthly); Once carries its period
	// ("$83.76/2 years") when it renews.
	Monthly, Annual, Once string
	// The commission on each price, "—" where there is no price.
	CommissionMonthly, CommissionAnnual, CommissionOnce string
	// Tier2Monthly, Tier2Annual and Tier2Once are the second-tier
	// commissions; empty without a tier 2.
	Tier2Monthly, Tier2Annual, Tier2Once string
	Featured                             bool
}

// noAmount stands in a table cell for a price that does not exist.
const noAmount = "—"

// CommissionTable is the commission-table shortcode:
//
//	{{< commission-table program="kartra" >}}
//
// Its template's .Data is a CommissionTableData.
//
// The table is the same on every page that shows the program in one
// currency: with st.FactCache set, the pages share it and its markup.
func (st *PageState) CommissionTable(inv *shortcodes.Invocation) error {
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	if len(p.Plans) == 0 {
		return inv.Errorf("shortcode %q: program %q has no plans", inv.Name, p.ID)
	}
	cur := st.currency(p)
	key := factKey{st.Programs, p.ID, cur}
	if d, ok := st.FactCache.table(key); ok {
		inv.Data = d
		return nil
	}
	d, err := commissionTable(inv, p, cur)
	if err != nil {
		return err
	}
	st.FactCache.keepTable(key, d)
	inv.Data = d
	return nil
}

// commissionTable works out the commission table of p in cur.
func commissionTable(inv *shortcodes.Invocation, p *programs.Program, cur money.Currency) (*CommissionTableData, error) {
	var err error
	d := &CommissionTableData{
		Program:  p.Name,
		Caption:  commissionCaption(p, cur),
		Rate:     rateLabel(&p.Commission),
		HasTier2: p.Tier2 != nil,
		PerPlan:  perPlan(p),
		Checked:  checkedNote(p),
		NoPrices: !pricesShown(p),
	}
	if d.PerPlan {
		d.Rate = ""
	}
	if len(p.Commission.Tiers) > 0 {
		d.Tiers = strings.Split(tiersText(&p.Commission, cur), ", ")
	}
	d.SourceURL, d.SourceText = sourceLink(p)
	if p.Tier2 != nil {
		d.Tier2Rate = tier2Short(p.Tier2, cur)
	}
	for _, pl := range p.Plans {
		c := p.CommissionFor(pl)
		r := CommissionRow{
			Plan: pl.Name, Terms: commissionText(c, cur), Featured: pl.Featured,
			Monthly: noAmount, Annual: noAmount, Once: noAmount,
			CommissionMonthly: noAmount, CommissionAnnual: noAmount, CommissionOnce: noAmount,
		}
		t2 := p.Tier2For(pl)
		if t2 != nil {
			r.Tier2Monthly, r.Tier2Annual, r.Tier2Once = noAmount, noAmount, noAmount
		}
		for _, b := range pl.Billings() {
			price, _ := pl.PriceOf(b)
			cell, com, tier2 := &r.Monthly, &r.CommissionMonthly, &r.Tier2Monthly
			switch b {
			case programs.Annual:
				cell, com, tier2 = &r.Annual, &r.CommissionAnnual, &r.Tier2Annual
				d.HasAnnual = true
			case programs.Once:
				cell, com, tier2 = &r.Once, &r.CommissionOnce, &r.Tier2Once
				d.HasOnce = true
			default:
				d.HasMonthly = true
			}
			*cell = cur.Format(price)
			if b == programs.Once {
				*cell += periodText(pl, b)
			}
			if pl.Free && !pl.HasMonthly {
				*cell = "Free"
			}
			if d.NoPrices {
				*cell = ""
			}
			v, e := c.On(pl, b, 1)
			if *com, err = factFigure(factCtx{inv.Name, inv.Errorf}, cur, v, e, pl, b, "commission"); err != nil {
				return nil, err
			}
			if t2 != nil {
				v, e := t2.On(c, pl, b)
				if *tier2, err = factFigure(factCtx{inv.Name, inv.Errorf}, cur, v, e, pl, b, "second-tier commission"); err != nil {
					return nil, err
				}
			}
		}
		d.Rows = append(d.Rows, r)
	}
	return d, nil
}

// perPlan reports whether any plan has terms of its own.
func perPlan(p *programs.Program) bool {
	for _, pl := range p.Plans {
		if pl.Commission != nil || pl.Tier2 != nil || pl.Category != "" {
			return true
		}
	}
	return false
}

// commissionCaption returns "Kartra pays 40% recurring commission on every
// plan; second tier 10%.", or for other terms "HostCo pays $65 per
// sale." and "Amazon pays by plan: see the table."
func commissionCaption(p *programs.Program, cur money.Currency) string {
	c := &p.Commission
	var s string
	switch {
	case perPlan(p):
		s = p.Name + " pays by plan"
		if c.Kind != programs.NoFigure || len(c.Categories) > 0 {
			s += " (otherwise " + commissionText(c, cur) + ")"
		}
	case c.Kind == programs.Share && len(c.Tiers) == 0 && c.Fee == nil && !c.MonthlyBasis && !c.HasFloor:
		s = p.Name + " pays " + c.Rate.Percent()
		switch c.Recurs {
		case programs.Lifetime:
			s += " recurring commission on every plan"
		case programs.ForMonths:
			s += " commission on every plan for " + theFirst(c.Months, "month")
		case programs.FirstPayment:
			s += " commission on the first payment of every plan"
		default:
			s += " commission on every plan"
		}
		if c.HasRenewal {
			s += ", " + c.Renewal.Percent() + " of renewals"
		}
	default:
		s = p.Name + " pays " + commissionText(c, cur)
	}
	if p.Tier2 != nil {
		s += "; second tier " + tier2Short(p.Tier2, cur)
	}
	return s + "."
}
