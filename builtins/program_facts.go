package builtins

import (
	"strings"

	"github.com/affsite/affsite/internal/plural"
	"github.com/affsite/affsite/shortcodes"
)

// ProgramFactsData is the data of the program-facts template: a definition
// list of whatever the program's data holds.
type ProgramFactsData struct {
	Program string // the program's name
	Facts   []Fact
	// SourceText and SourceURL are as in CommissionTableData.
	SourceURL, SourceText string
}

// Fact is one term and its description.
type Fact struct{ Term, Detail string }

// ProgramFacts is the program-facts shortcode:
//
//	{{< program-facts program="kartra" >}}
//
// Its template's .Data is a ProgramFactsData.
func (st *PageState) ProgramFacts(inv *shortcodes.Invocation) error {
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	cur := st.currency(p)
	d := &ProgramFactsData{Program: p.Name}
	d.SourceURL, d.SourceText = sourceLink(p)
	add := func(term, detail string) { d.Facts = append(d.Facts, Fact{term, detail}) }

	add("Commission", commissionText(&p.Commission, cur))
	for _, pl := range p.Plans {
		if pl.Commission != nil || pl.Category != "" {
			add("Commission on "+pl.Name, commissionText(p.CommissionFor(pl), cur))
		}
	}
	if note := p.Commission.Note; note != "" {
		add("Also", note)
	}
	if p.Tier2 != nil {
		add("Second tier", tier2Text(p.Tier2, cur))
	}
	if c := cookieText(p); c != "" {
		add("Cookie", upperFirst(c))
	}
	if t := trialText(p.Trial, cur); t != "" {
		add("Trial", upperFirst(t))
	}
	if po := p.Payout; po != nil {
		if po.Schedule != "" {
			add("Payouts", upperFirst(po.Schedule))
		}
		if len(po.Methods) > 0 {
			add("Payment methods", joinOr(po.Methods))
		}
		switch {
		case po.HasMinimum:
			add("Minimum payout", cur.Format(po.Minimum))
		case po.MinimumChosen:
			add("Minimum payout", "Chosen by the affiliate")
		}
		if po.HoldDays > 0 {
			add("Commission payable", "After the "+adjective(po.HoldDays, "day")+" refund period")
		}
		if po.MinSales > 0 {
			add("Minimum sales", plural.N(po.MinSales, "sale")+" before the first payout")
		}
	}
	if len(p.PromoMaterials) > 0 {
		add("Promotional material", strings.Join(p.PromoMaterials, ", "))
	}
	if !p.PricesChecked.IsZero() {
		add("Checked on", p.PricesChecked.Format("January 2, 2006"))
	}
	inv.Data = d
	return nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
