package builtins

import (
	"strings"

	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// PlansData is the data of the plans template: one card per plan.
type PlansData struct {
	Program string // the program's name
	Cards   []PlanCard
	// Trial is like "14-day trial for $1.00" ("14-day free trial" when it
	// costs nothing), empty when the program has no trial.
	Trial string
	// Checked is "Prices checked on November 1, 2026", or empty;
	// SourceText and SourceURL are as in CommissionTableData.
	Checked, SourceURL, SourceText string
}

// PlanCard is one plan of a plans shortcode.
type PlanCard struct {
	ID, Name string
	Featured bool
	Class    string // "plan-card", or "plan-card featured"
	// Monthly is the headline price: "$99.00", or "Free"; NoPriceText
	// for a program whose prices are not shown (pricesShown), which has
	// no Period, Annual or Saving either.
	Monthly string
	Period  string // "/month", "/year", "/2 years", or "" for a one-off price
	// Annual is like "or $948.00 billed yearly", empty without an annual
	// price; Saving is like "Save 20% with annual billing", empty unless
	// the annual price saves something.
	Annual, Saving string
	Features       []PlanFeature
	CTA            LinkData // the plan's sign-up button (placement "plans-<id>")
}

// PlanFeature is one row of a plan card's feature list.
type PlanFeature struct {
	Name     string
	Included bool
	Class    string // "yes" or "no"
	Text     string // the name, or "Name: value" when the plan gives a value
}

// Plans is the plans shortcode: plan-comparison cards with a sign-up
// button each.
//
//	{{< plans program="kartra" features="Landing pages,Video hosting" >}}
//
// features= chooses and orders the feature rows (names separated by
// commas, matched ignoring case); the default is the program's features,
// else every feature a plan names. Its template's .Data is a PlansData.
func (st *PageState) Plans(inv *shortcodes.Invocation) error {
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	if len(p.Plans) == 0 {
		return inv.Errorf("shortcode %q: program %q has no plans", inv.Name, p.ID)
	}
	rows, err := featureRows(inv, p)
	if err != nil {
		return err
	}
	cur := st.currency(p)
	d := &PlansData{Program: p.Name, Trial: trialText(p.Trial, cur), Checked: checkedNote(p)}
	d.SourceURL, d.SourceText = sourceLink(p)
	shown := pricesShown(p)
	for _, pl := range p.Plans {
		c := PlanCard{ID: pl.ID, Name: pl.Name, Featured: pl.Featured, Class: "plan-card"}
		// The card's headline price is the monthly one, else the annual,
		// else the one-off price; a one-off price has no period.
		main := pl.Billings()[0]
		price, _ := pl.PriceOf(main)
		c.Monthly, c.Period = cur.Format(price), periodText(pl, main)
		if pl.Free && !pl.HasMonthly {
			c.Monthly, c.Period = "Free", ""
		}
		if !shown {
			c.Monthly, c.Period = NoPriceText, ""
		}
		if pl.Featured {
			c.Class += " featured"
		}
		if pl.HasAnnual && main == programs.Monthly && shown {
			c.Annual = "or " + cur.Format(pl.Annual) + " billed yearly"
			if s, ok := money.SavingPercent(pl.Monthly, pl.Annual); ok && s.Cmp(money.Rate{}) > 0 {
				c.Saving = "Save " + s.Percent() + " with annual billing"
			}
		}
		for _, name := range rows {
			c.Features = append(c.Features, planFeature(pl, name))
		}
		c.CTA = st.link(inv, p, pl, "plans-"+pl.ID, escapeHTML("Choose "+pl.Name))
		d.Cards = append(d.Cards, c)
	}
	inv.Data = d
	return nil
}

// featureRows returns the feature names a plans shortcode lists.
func featureRows(inv *shortcodes.Invocation, p *programs.Program) ([]string, error) {
	known := append([]string(nil), p.Features...)
	for _, pl := range p.Plans {
		for _, f := range pl.Features {
			if !values.ContainsFold(known, f.Name) {
				known = append(known, f.Name)
			}
		}
	}
	arg, _ := inv.Arg("features")
	if strings.TrimSpace(arg) == "" {
		return known, nil
	}
	var rows []string
	for _, name := range strings.Split(arg, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		i := values.IndexFold(known, name)
		if i < 0 {
			return nil, inv.Errorf("shortcode %q: unknown feature %q of program %q (features: %s)", inv.Name, name, p.ID, idList(known))
		}
		rows = append(rows, known[i])
	}
	return rows, nil
}

func planFeature(pl *programs.Plan, name string) PlanFeature {
	for _, f := range pl.Features {
		if strings.EqualFold(f.Name, name) {
			pf := PlanFeature{Name: name, Included: f.Included, Class: "no", Text: name}
			if f.Included {
				pf.Class = "yes"
			}
			if f.Value != "" {
				pf.Text = name + ": " + f.Value
			}
			return pf
		}
	}
	return PlanFeature{Name: name, Class: "no", Text: name}
}

// trialText returns "14-day trial for $1.00", "14-day free trial", or ""
// for no trial.
func trialText(t *programs.Trial, cur money.Currency) string {
	switch {
	case t == nil || t.Days <= 0:
		return ""
	case t.Price == 0:
		return itoa(t.Days) + "-day free trial"
	}
	return itoa(t.Days) + "-day trial for " + cur.Format(t.Price)
}
