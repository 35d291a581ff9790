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
		q.Plans[i] = &c
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
