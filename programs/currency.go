package programs

import (
	"fmt"

	"github.com/affsite/affsite/money"
)

// InCurrency returns p with its amounts in cur, for a program whose file
// names no currency and is shown in the site's default currency. Such a
// file's amounts are read with two decimals (USD's); in a currency with
// another number of decimals each amount is rescaled exactly: "1001" is
// ¥1,001, "1.5" is 1.500 BHD. An amount that is not exact in cur ("99.50" in
// yen) is an error at its plan's line (the program's line for the trial
// and payout), never a rounding. p itself is returned, unchanged, when
// nothing needs rescaling; otherwise a copy, so p stays read-only.
func (p *Program) InCurrency(cur money.Currency) (*Program, error) {
	from, to := p.CurrencyOrDefault().MinorUnits(), cur.OrDefault().MinorUnits()
	if from == to {
		return p, nil
	}
	return p.rescaled(p.converter(cur, from, to))
}

// converter rescales p's amounts from `from` decimals to cur's `to`; an
// amount that is not whole in cur is an error at its line.
func (p *Program) converter(cur money.Currency, from, to int) converter {
	return func(c money.Cents, line int, what string) (money.Cents, error) {
		out, err := rescale(c, from, to)
		if err != nil {
			return 0, &Error{File: p.File, Line: line, Msg: fmt.Sprintf(
				"%s %s is not a whole amount of %s, the site's currency (%d decimals): give the program's own currency in its file",
				what, money.Currency{Code: p.CurrencyOrDefault().Code}.Plain(c), cur.OrDefault().Code, to)}
		}
		return out, nil
	}
}

// rescaled returns a copy of p with every amount rescaled by conv, in
// the order of its file: plans, commission, tier2, trial, payout.
func (p *Program) rescaled(conv converter) (*Program, error) {
	q := *p
	var err error
	if q.Plans, err = rescaledPlans(p.Plans, conv); err != nil {
		return nil, err
	}
	pc, err := p.Commission.rescaled(conv, p.Commission.Line, "commission")
	if err != nil {
		return nil, err
	}
	q.Commission = *pc
	if p.Tier2 != nil {
		if q.Tier2, err = p.Tier2.rescaled(conv, p.Tier2.Line, "tier2"); err != nil {
			return nil, err
		}
	}
	if q.Trial, err = p.Trial.rescaled(conv, p.Line); err != nil {
		return nil, err
	}
	if q.Payout, err = p.Payout.rescaled(conv, p.Line); err != nil {
		return nil, err
	}
	return &q, nil
}

// rescaledPlans returns copies of plans with every amount rescaled by conv.
func rescaledPlans(plans []*Plan, conv converter) ([]*Plan, error) {
	out := make([]*Plan, len(plans))
	for i, pl := range plans {
		var err error
		if out[i], err = pl.rescaled(conv); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rescaled returns a copy of pl with its prices, commission and tier2
// rescaled by conv; errors are at the plan's line.
func (pl *Plan) rescaled(conv converter) (*Plan, error) {
	c := *pl
	what := "plan " + pl.Name + ": "
	var err error
	for _, a := range []struct {
		v    *money.Cents
		name string
	}{{&c.Monthly, "monthly"}, {&c.Annual, "annual"}, {&c.Price, "price"}} {
		if *a.v, err = conv(*a.v, pl.Line, what+a.name); err != nil {
			return nil, err
		}
	}
	if c.Commission, err = pl.Commission.rescaled(conv, pl.Line, what+"commission"); err != nil {
		return nil, err
	}
	if c.Tier2, err = pl.Tier2.rescaled(conv, pl.Line, what+"tier2"); err != nil {
		return nil, err
	}
	return &c, nil
}

// rescaled returns a copy of t with its price rescaled by conv, at line;
// nil for nil.
func (t *Trial) rescaled(conv converter, line int) (*Trial, error) {
	if t == nil {
		return nil, nil
	}
	out := *t
	var err error
	out.Price, err = conv(t.Price, line, "trial: price")
	return &out, err
}

// rescaled returns a copy of po with its minimum rescaled by conv, at
// line; nil for nil.
func (po *Payout) rescaled(conv converter, line int) (*Payout, error) {
	if po == nil {
		return nil, nil
	}
	out := *po
	var err error
	out.Minimum, err = conv(po.Minimum, line, "payout: minimum")
	return &out, err
}

// rescale converts c from units of 10^-from to units of 10^-to exactly.
func rescale(c money.Cents, from, to int) (money.Cents, error) {
	for ; from < to; from++ {
		var err error
		if c, err = c.Mul(10); err != nil {
			return 0, err
		}
	}
	for ; from > to; from-- {
		if c%10 != 0 {
			return 0, fmt.Errorf("%d has more decimals than %d", c, to)
		}
		c /= 10
	}
	return c, nil
}

// converter rescales one amount, naming it in its error.
type converter func(c money.Cents, line int, what string) (money.Cents, error)

// rescaled returns a copy of c with every amount rescaled by conv; nil
// for nil.
func (c *Commission) rescaled(conv converter, line int, what string) (*Commission, error) {
	if c == nil {
		return nil, nil
	}
	out := *c
	var err error
	amounts := []*money.Cents{&out.Amount, &out.Floor, &out.Min, &out.Max, &out.Upfront}
	if c.Fee != nil {
		f := *c.Fee
		out.Fee = &f
		amounts = append(amounts, &f.Amount)
	}
	out.Tiers = append([]Tier(nil), c.Tiers...)
	for i := range out.Tiers {
		amounts = append(amounts, &out.Tiers[i].Amount)
	}
	for _, a := range amounts {
		if *a, err = conv(*a, line, what); err != nil {
			return nil, err
		}
	}
	return &out, nil
}

// rescaled returns a copy of t with its amount rescaled by conv; nil for
// nil.
func (t *Tier2) rescaled(conv converter, line int, what string) (*Tier2, error) {
	if t == nil {
		return nil, nil
	}
	out := *t
	var err error
	out.Amount, err = conv(t.Amount, line, what)
	return &out, err
}
