package builtins

import (
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
	// plan; second tier 10%."
	Caption   string
	Rate      string // "40%"
	Tier2Rate string // "10%", empty when HasTier2 is false
	HasTier2  bool
	Rows      []CommissionRow
	// Checked is "Prices checked on November 1, 2026", empty when the
	// program has no date; SourceText is where the figures come from
	// ("kartra.com/affiliates"), SourceURL the same as a URL when it is one.
	Checked, SourceURL, SourceText string
}

// CommissionRow is one plan of a commission table.
type CommissionRow struct {
	Plan              string // the plan's name
	Monthly, Annual   string // prices; Annual is "—" when the plan has none
	CommissionMonthly string // the commission on the monthly price
	CommissionAnnual  string // "—" when the plan has no annual price
	Tier2Monthly      string // second-tier commission; empty without a tier 2
	Tier2Annual       string
	Featured          bool
}

// noAmount stands in a table cell for a price that does not exist.
const noAmount = "—"

// CommissionTable is the commission-table shortcode:
//
//	{{< commission-table program="kartra" >}}
//
// Its template's .Data is a CommissionTableData.
func (st *PageState) CommissionTable(inv *shortcodes.Invocation) error {
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	if len(p.Plans) == 0 {
		return inv.Errorf("shortcode %q: program %q has no plans", inv.Name, p.ID)
	}
	cur := st.currency(p)
	d := &CommissionTableData{
		Program:  p.Name,
		Caption:  commissionCaption(p),
		Rate:     p.Commission.Percent(),
		HasTier2: p.HasTier2,
		Checked:  checkedNote(p),
	}
	d.SourceURL, d.SourceText = sourceLink(p)
	if p.HasTier2 {
		d.Tier2Rate = p.Tier2.Percent()
	}
	// commission formats rate × c; a product that does not fit is an
	// error at the shortcode, never a wrong figure.
	commission := func(rate money.Rate, c money.Cents) string {
		v, e := rate.Apply(c)
		if e != nil && err == nil { // err is nil here until the first failure
			err = inv.Errorf("shortcode %q: %s of %s is too large to compute exactly (%w)", inv.Name, rate.Percent(), cur.Format(c), e)
		}
		return cur.Format(v)
	}
	for _, pl := range p.Plans {
		r := CommissionRow{
			Plan:              pl.Name,
			Monthly:           cur.Format(pl.Monthly),
			Annual:            noAmount,
			CommissionMonthly: commission(p.Commission, pl.Monthly),
			CommissionAnnual:  noAmount,
			Featured:          pl.Featured,
		}
		if pl.HasAnnual {
			r.Annual = cur.Format(pl.Annual)
			r.CommissionAnnual = commission(p.Commission, pl.Annual)
		}
		if p.HasTier2 {
			r.Tier2Monthly = commission(p.Tier2, pl.Monthly)
			r.Tier2Annual = noAmount
			if pl.HasAnnual {
				r.Tier2Annual = commission(p.Tier2, pl.Annual)
			}
		}
		d.Rows = append(d.Rows, r)
	}
	if err != nil {
		return err
	}
	inv.Data = d
	return nil
}

// commissionCaption returns "Kartra pays 40% recurring commission on every
// plan; second tier 10%."
func commissionCaption(p *programs.Program) string {
	s := p.Name + " pays " + p.Commission.Percent()
	if p.Recurring {
		s += " recurring"
	}
	s += " commission on every plan"
	if p.HasTier2 {
		s += "; second tier " + p.Tier2.Percent()
	}
	return s + "."
}
