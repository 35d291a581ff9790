package builtins

import (
	"errors"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
)

// Amount is a money value for templates: it prints formatted
// ({{ .Monthly }} is "$199.00") and exposes its exact amount in minor
// units (.Minor, 19900) and without symbol or grouping (.Plain,
// "199.00").
type Amount struct {
	Cents    money.Cents
	Currency money.Currency
}

// String returns the amount formatted in its currency.
func (a Amount) String() string { return a.Currency.Format(a.Cents) }

// Minor returns the amount in the currency's minor units (cents).
func (a Amount) Minor() int64 { return int64(a.Cents) }

// Plain returns the amount with its currency's decimals and nothing
// else, as schema.org prices want.
func (a Amount) Plain() string { return a.Currency.Plain(a.Cents) }

// ProgramView is a program's computed, formatted data for templates:
// what the program template function returns.
type ProgramView struct {
	ID, Name string
	// Facts holds every fact the fact shortcode can print, by full path
	// ("commission", "payout.minimum", "plans.silver.commission.annual").
	Facts map[string]string
	Plans []PlanView
	// Data is the program as loaded, for what the view does not show.
	Data *programs.Program
	st   *PageState
	p    *programs.Program
}

// PlanView is one plan of a ProgramView. An amount the plan does not
// have is nil; a commission the data cannot compute (custom terms) too;
// and every price (Monthly, Annual, Price) of a program whose prices a
// page may not show (pricesShown: on Amazon), as Facts has none of them.
type PlanView struct {
	ID, Name               string
	Monthly, Annual, Price *Amount
	Commission, Tier2      map[string]*Amount // by billing: "monthly", "annual", "price"
	CommissionTerms        string
	Featured, Free         bool
}

// Fact returns one fact, as the fact shortcode prints it; short names
// are accepted. An unknown fact is an error with a did-you-mean.
func (v *ProgramView) Fact(path string) (string, error) { return v.st.FactText(v.p, path) }

// View returns p's ProgramView.
func (st *PageState) View(p *programs.Program) (*ProgramView, error) {
	q, err := p.InCurrency(st.currency(p))
	if err != nil {
		return nil, err
	}
	if q, err = st.withFacts(q); err != nil {
		return nil, err
	}
	cur := st.currency(q)
	v := &ProgramView{ID: q.ID, Name: q.Name, Facts: st.Facts(q), Data: q, st: st, p: q}
	names := map[programs.Billing]string{programs.Monthly: "monthly", programs.Annual: "annual", programs.Once: "price"}
	shown := pricesShown(q)
	for _, pl := range q.Plans {
		pv := PlanView{
			ID: pl.ID, Name: pl.Name, Featured: pl.Featured, Free: pl.Free,
			Commission: map[string]*Amount{}, Tier2: map[string]*Amount{},
			CommissionTerms: commissionText(q.CommissionFor(pl), cur),
		}
		for b, name := range names {
			price, ok := pl.PriceOf(b)
			if !ok {
				continue
			}
			a := &Amount{price, cur}
			if !shown {
				a = nil // the commission on it is still computed below
			}
			switch b {
			case programs.Monthly:
				pv.Monthly = a
			case programs.Annual:
				pv.Annual = a
			default:
				pv.Price = a
			}
			c := q.CommissionFor(pl)
			if n, err := c.On(pl, b, 1); err == nil {
				pv.Commission[name] = &Amount{n, cur}
			} else if !errors.Is(err, programs.ErrNoFigure) {
				return nil, err
			}
			if t := q.Tier2For(pl); t != nil {
				if n, err := t.On(c, pl, b); err == nil {
					pv.Tier2[name] = &Amount{n, cur}
				}
			}
		}
		v.Plans = append(v.Plans, pv)
	}
	return v, nil
}
