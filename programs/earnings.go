package programs

import (
	"fmt"

	"github.com/affsite/affsite/money"
)

// Ramp makes a scenario a ramp: its mix is the referrals that arrive each
// month, for Months months, and each month Churn of the customers who
// have paid cancel before their next payment.
type Ramp struct {
	Months int
	Churn  money.Rate // zero for none
}

// MaxRampMonths bounds a ramp, so that an exact computation with churn
// (whose fractions grow with every month) stays small.
const MaxRampMonths = 120

// ScenarioEarnings is what a scenario earns, each figure exact until it
// is rounded, once, half-up.
type ScenarioEarnings struct {
	// Annual is what the customers earn in their first 12 months (for a
	// scenario without a ramp): every payment they make in that time at
	// the scenario's billing (12 monthly payments, 1 annual one, a
	// one-off price once) that the commission pays on.
	Annual money.Cents
	// Monthly is Annual / 12: the average month of that year.
	Monthly money.Cents
	// FinalMonth is a ramp's income in its last month (month Months),
	// Total what it earns over all its months; both zero without a ramp.
	FinalMonth, Total money.Cents
}

// BillingOf returns the billing a scenario's customers of pl pay at: the
// scenario's when it sets one and pl has that price, else pl's first.
func (s *Scenario) BillingOf(pl *Plan) (Billing, error) {
	if s.HasBilling {
		if _, ok := pl.PriceOf(s.Billing); !ok {
			return 0, fmt.Errorf("scenario %q: plan %q has no %s price", s.Name, pl.Name, s.Billing)
		}
		return s.Billing, nil
	}
	bs := pl.Billings()
	if len(bs) == 0 {
		return 0, fmt.Errorf("scenario %q: plan %q has no price", s.Name, pl.Name)
	}
	return bs[0], nil
}

// Earnings computes what scenario s of p earns. Sales are numbered in the
// mix's order for volume tiers (each month of a ramp again from 1, as
// tiers count sales per period); a figure that cannot be computed (a
// custom tier) or does not fit is an error rather than a wrong amount.
func (p *Program) Earnings(s *Scenario) (ScenarioEarnings, error) {
	months, joinMonths := 12, 1
	if s.Ramp != nil {
		months, joinMonths = s.Ramp.Months, s.Ramp.Months
	}
	income, err := p.monthlyIncome(s, months, joinMonths)
	if err != nil {
		return ScenarioEarnings{}, err
	}
	sum := sumOf(income)
	var out ScenarioEarnings
	if s.Ramp != nil {
		if out.FinalMonth, err = income[len(income)-1].Round(); err != nil {
			return ScenarioEarnings{}, err
		}
		out.Total, err = sum.Round()
		return out, err
	}
	if out.Annual, err = sum.Round(); err != nil {
		return ScenarioEarnings{}, err
	}
	out.Monthly, err = sum.Div(12).Round()
	return out, err
}

// monthlyIncome returns the commission earned in each of months months
// when the mix joins in each of the first joinMonths months (1 for a
// plain scenario), customers leaving at the ramp's churn. A customer who
// joined in month j makes payment k (k = 1 the first) in month
// j + (k−1)×(months one payment covers); it earns the first-payment
// commission, then the renewal one while the commission pays renewals
// (within Months for a commission of the first N months). An upfront
// amount is earned once, with the first payment.
func (p *Program) monthlyIncome(s *Scenario, months, joinMonths int) ([]money.Exact, error) {
	if months < 1 || months > MaxRampMonths {
		return nil, fmt.Errorf("scenario %q: %d months is outside 1–%d", s.Name, months, MaxRampMonths)
	}
	var churn money.Rate
	if s.Ramp != nil {
		churn = s.Ramp.Churn
	}
	income := make([]money.Exact, months)
	err := p.eachRow(s, func(t rowTerms) error {
		r, err := t.income()
		if err == nil {
			r.addTo(income, joinMonths, churn)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return income, nil
}

// rowIncome is what one row of a scenario's mix earns from the
// customers who join in one month: first, with their first payments;
// then renewal for each customer every `every` months (0: never again).
type rowIncome struct {
	c       *Commission
	first   money.Exact
	renewal money.Exact
	every   int
	count   int64
}

// income prices the row's first payments and renewals, exactly.
func (t rowTerms) income() (rowIncome, error) {
	r := rowIncome{c: t.c, every: int(t.pl.months(t.b)), count: t.pc.Count}
	var err error
	if r.first, err = r.c.rowFirst(t.pl, t.b, t.nth, t.period, t.pc.Count); err != nil {
		return rowIncome{}, err
	}
	if r.c.HasUpfront { // paid once, with the first payment
		r.first = r.first.Add(money.ExactOf(r.c.Upfront).Mul(t.pc.Count))
	}
	r.renewal, err = r.c.renewalExact(t.pl, t.b)
	return r, err
}

// addTo adds to income what the row earns when its customers join in
// each of the first joinMonths months.
func (r rowIncome) addTo(income []money.Exact, joinMonths int, churn money.Rate) {
	var due []money.Exact
	if r.every != 0 && r.renewal.Sign() != 0 {
		due = r.renewalsDue(len(income), churn)
	}
	for j := 1; j <= joinMonths; j++ {
		income[j-1] = income[j-1].Add(r.first)
		if due != nil {
			r.addRenewals(income, due, j)
		}
	}
}

// renewalsDue[a] is what a cohort's renewal at age a months earns (age
// 1: the month it joined): the row's customers less the churn of every
// month before.
func (r rowIncome) renewalsDue(months int, churn money.Rate) []money.Exact {
	due := make([]money.Exact, months+1)
	left := r.renewal.Mul(r.count)
	for a := 1; a <= months; a++ {
		due[a] = left
		left = left.Sub(left.MulRate(churn))
	}
	return due
}

// addRenewals adds to income the renewals of the cohort that joined in
// month j, while the commission pays them.
func (r rowIncome) addRenewals(income, due []money.Exact, j int) {
	for m := j + r.every; m <= len(income); m += r.every {
		age := m - j + 1
		if r.c.Recurs == ForMonths && age > r.c.Months {
			return
		}
		income[m-1] = income[m-1].Add(due[age])
	}
}

// renewalExact is OnRenewal, unrounded.
func (c *Commission) renewalExact(pl *Plan, b Billing) (money.Exact, error) {
	switch {
	case c.HasRenewal:
		d := c.atRenewalRate()
		return d.exact(d.Figure, pl, b)
	case !c.Recurring() || c.Kind == Flat:
		return money.Exact{}, nil
	}
	return c.exact(c.FigureAt(1), pl, b)
}

// rowFirst returns the exact first-payment commission on count sales of
// pl at billing b, numbered after nth earlier sales of the same period,
// which has period sales in all: Retroactive tiers pay every one of them
// at the tier the period reaches.
func (c *Commission) rowFirst(pl *Plan, b Billing, nth, period int, count int64) (money.Exact, error) {
	var sum money.Exact
	err := c.eachSegment(pl, b, nth, period, count, func(each money.Exact, n int64) error {
		sum = sum.Add(each.Mul(n))
		return nil
	})
	return sum, err
}

// eachSegment calls f with the exact first-payment commission on one sale
// and the number of sales that earn it, for each run of a row's count
// sales that earn alike (rowFirst's sales): one run without tiers or
// with Retroactive ones, else one a tier the row's sales reach, the base
// figure's below the first tier.
func (c *Commission) eachSegment(pl *Plan, b Billing, nth, period int, count int64, f func(each money.Exact, n int64) error) error {
	if count == 0 {
		return nil
	}
	if len(c.Tiers) == 0 || c.Retroactive {
		v, err := c.exact(c.FigureAt(period), pl, b)
		if err != nil {
			return err
		}
		return f(v, count)
	}
	// Each sale at its own tier: the row covers sales nth+1 … nth+count.
	lo, hi := nth+1, nth+SalesOf(count)
	if t := c.Tiers[0]; lo < t.From { // sales below the first tier: the base figure
		if err := c.segment(c.Figure, pl, b, min(hi, t.From-1)-lo+1, f); err != nil {
			return err
		}
	}
	for i, t := range c.Tiers {
		from, to := max(t.From, lo), hi
		if i+1 < len(c.Tiers) {
			to = min(hi, c.Tiers[i+1].From-1)
		}
		if to < from {
			continue
		}
		if err := c.segment(t.Figure, pl, b, to-from+1, f); err != nil {
			return err
		}
	}
	return nil
}

// segment calls f with the commission at fig on one sale and the n sales
// that earn it.
func (c *Commission) segment(fig Figure, pl *Plan, b Billing, n int, f func(each money.Exact, n int64) error) error {
	v, err := c.exact(fig, pl, b)
	if err != nil {
		return err
	}
	return f(v, int64(n))
}

// Sales is the number of customers of the scenario's mix (for a ramp, of
// each month): the sales of one tier period, for volume tiers.
func (s *Scenario) Sales() int {
	n := 0
	for _, pc := range s.Mix {
		n += SalesOf(pc.Count)
	}
	return n
}

// sumOf is the sum of income's months, exactly.
func sumOf(income []money.Exact) money.Exact {
	var sum money.Exact
	for _, v := range income {
		sum = sum.Add(v)
	}
	return sum
}
