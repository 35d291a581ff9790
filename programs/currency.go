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
	q := *p
	conv := func(c money.Cents, line int, what string) (money.Cents, error) {
		out, err := rescale(c, from, to)
		if err != nil {
			return 0, &Error{File: p.File, Line: line, Msg: fmt.Sprintf(
				"%s %s is not a whole amount of %s, the site's currency (%d decimals): give the program's own currency in its file",
				what, money.Currency{Code: p.CurrencyOrDefault().Code}.Plain(c), cur.OrDefault().Code, to)}
		}
		return out, nil
	}
	var err error
	q.Plans = make([]*Plan, len(p.Plans))
	for i, pl := range p.Plans {
		c := *pl
		if c.Monthly, err = conv(pl.Monthly, pl.Line, "plan "+pl.Name+": monthly"); err != nil {
			return nil, err
		}
		if c.Annual, err = conv(pl.Annual, pl.Line, "plan "+pl.Name+": annual"); err != nil {
			return nil, err
		}
		if c.Price, err = conv(pl.Price, pl.Line, "plan "+pl.Name+": price"); err != nil {
			return nil, err
		}
		if pl.Commission != nil {
			if c.Commission, err = pl.Commission.rescaled(conv, pl.Line, "plan "+pl.Name+": commission"); err != nil {
				return nil, err
			}
		}
		if pl.Tier2 != nil {
			if c.Tier2, err = pl.Tier2.rescaled(conv, pl.Line, "plan "+pl.Name+": tier2"); err != nil {
				return nil, err
			}
		}
		q.Plans[i] = &c
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
	if p.Trial != nil {
		t := *p.Trial
		if t.Price, err = conv(t.Price, p.Line, "trial: price"); err != nil {
			return nil, err
		}
		q.Trial = &t
	}
	if p.Payout != nil {
		po := *p.Payout
		if po.Minimum, err = conv(po.Minimum, p.Line, "payout: minimum"); err != nil {
			return nil, err
		}
		q.Payout = &po
	}
	return &q, nil
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

// rescaled returns a copy of c with every amount rescaled by conv.
func (c *Commission) rescaled(conv converter, line int, what string) (*Commission, error) {
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

// rescaled returns a copy of t with its amount rescaled by conv.
func (t *Tier2) rescaled(conv converter, line int, what string) (*Tier2, error) {
	out := *t
	var err error
	if out.Amount, err = conv(t.Amount, line, what); err != nil {
		return nil, err
	}
	return &out, nil
}
