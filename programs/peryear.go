package programs

import (
	"fmt"

	"github.com/affsite/affsite/money"
)

// PerCustomer reports whether what a customer of pl earns does not depend
// on the other sales of the period, so that n customers earn n times one
// customer's commission: false for volume tiers (the n-th sale of a month
// may earn more) and for terms with no figure.
func (p *Program) PerCustomer(pl *Plan) bool {
	c := p.CommissionFor(pl)
	return len(c.Tiers) == 0 && (c.Kind == Share || c.Kind == Flat)
}

// YearExact returns, unrounded, what one customer of pl paying at billing
// b earns in their first 12 months: [Program.Earnings]' Annual for a
// scenario of that one customer, before it is rounded. For a plan that
// is PerCustomer, n customers earn exactly n times it, so Earnings'
// Annual is n × YearExact rounded once and Monthly n × YearExact / 12
// rounded once.
func (p *Program) YearExact(pl *Plan, b Billing) (money.Exact, error) {
	s := &Scenario{Name: pl.Name, Mix: []PlanCount{{PlanID: pl.ID, Count: 1}}, Billing: b, HasBilling: true}
	if _, err := s.BillingOf(pl); err != nil {
		return money.Exact{}, err
	}
	income, err := p.monthlyIncome(s, 12, 1)
	if err != nil {
		return money.Exact{}, err
	}
	return sumOf(income), nil
}

// Tier2YearExact is YearExact for the second tier: what one customer of
// pl at billing b, referred by an affiliate one referred, earns in their
// first 12 months. The second tier pays on the payments the first tier
// pays on: a share of the sale on each (of its full price), a share of
// the first tier's commission on each, a flat amount on the first only.
// A plan without a second tier earns 0.
func (p *Program) Tier2YearExact(pl *Plan, b Billing) (money.Exact, error) {
	t := p.Tier2For(pl)
	if t == nil {
		return money.Exact{}, nil
	}
	c := p.CommissionFor(pl)
	switch {
	case t.Kind == Flat:
		if _, ok := pl.PriceOf(b); !ok {
			return money.Exact{}, fmt.Errorf("plan %q has no %s price", pl.Name, b)
		}
		return money.ExactOf(t.Amount), nil
	case t.Kind != Share:
		return money.Exact{}, fmt.Errorf("second tier: %w", ErrNoFigure)
	case t.OfCommission:
		first, err := p.YearExact(pl, b)
		return first.MulRate(t.Rate), err
	}
	// A share of each sale the first tier pays on: the first tier's
	// schedule with the second tier's rate, on the full price.
	share := Commission{Figure: Figure{Kind: Share, Rate: t.Rate}, Recurs: c.Recurs, Months: c.Months}
	if c.HasRenewal && c.Recurs != ForMonths {
		share.Recurs = Lifetime
	}
	if c.Kind == Flat || !c.Recurring() {
		share.Recurs = FirstPayment
	}
	own := *pl
	own.Commission, own.Tier2, own.Category = &share, nil, ""
	q := &Program{Name: p.Name, Plans: []*Plan{&own}}
	return q.YearExact(&own, b)
}
