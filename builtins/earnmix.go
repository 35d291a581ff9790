package builtins

import (
	"errors"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
)

// mixRow is what one row of an earnings mix earns, as the earnings table
// shows it: per referral (the first of the row) and for all of them, and
// the same for the second tier when it is asked for.
type mixRow struct {
	plan       *programs.Plan
	count      int64
	billing    programs.Billing
	per, sum   money.Cents
	per2, sum2 money.Cents
}

// mixEarnings is every row of a mix and the totals: the earnings table
// and the scenarios.<id>.total facts read the same figures.
type mixEarnings struct {
	rows          []mixRow
	total, total2 money.Cents
}

// mixError is a row of a mix that cannot be priced: its billing (a
// scenario's that the plan does not offer), or its commission, first tier
// or second (tier2), does not fit.
type mixError struct {
	row     mixRow
	billing bool
	tier2   bool
	err     error
}

func (e *mixError) Error() string { return e.err.Error() }
func (e *mixError) Unwrap() error { return e.err }

// earnMix prices each row of s's mix at its billing, numbering the sales
// in the mix's order for volume tiers; tier2 adds the second tier's. An
// error is a *mixError.
func earnMix(p *programs.Program, s *programs.Scenario, tier2 bool) (mixEarnings, error) {
	var out mixEarnings
	nth, period := 0, s.Sales() // sales before this row and in all, for volume tiers
	for _, pc := range s.Mix {
		pl, _ := p.Plan(pc.PlanID) // scenarioOf and countedMix found every plan
		r := mixRow{plan: pl, count: pc.Count}
		var err error
		if r.billing, err = s.BillingOf(pl); err != nil {
			return mixEarnings{}, &mixError{row: r, billing: true, err: err}
		}
		c := p.CommissionFor(pl)
		if r.per, r.sum, err = earn(c, r, nth, period, &out.total); err != nil {
			return mixEarnings{}, &mixError{row: r, err: err}
		}
		if tier2 {
			if r.per2, r.sum2, err = earnTier2(p.Tier2For(pl), c, r, &out.total2); err != nil {
				return mixEarnings{}, &mixError{row: r, tier2: true, err: err}
			}
		}
		out.rows = append(out.rows, r)
		nth += programs.SalesOf(pc.Count)
	}
	return out, nil
}

// earn returns the commission on one customer of r's plan (the first of
// the row) and on all of them, and adds the latter to *total. The row's
// sales are numbered after the nth sales of earlier rows, so that volume
// tiers apply in order; with Retroactive tiers all of them are paid at the
// tier that the whole mix, its period sales, reaches. Any figure that does
// not fit is an error rather than a wrong amount.
func earn(c *programs.Commission, r mixRow, nth, period int, total *money.Cents) (per, sum money.Cents, err error) {
	if per, err = c.On(r.plan, r.billing, nth+1); err != nil {
		return 0, 0, err
	}
	if len(c.Tiers) == 0 || c.Retroactive {
		if c.Retroactive {
			if per, err = c.On(r.plan, r.billing, period); err != nil {
				return 0, 0, err
			}
		}
		if sum, err = per.Mul(r.count); err != nil {
			return 0, 0, err
		}
	} else {
		n := programs.SalesOf(r.count)
		upto, err1 := c.PeriodTotal(r.plan, r.billing, nth+n)
		before, err2 := c.PeriodTotal(r.plan, r.billing, nth)
		if err = errors.Join(err1, err2); err != nil {
			return 0, 0, err
		}
		sum = upto - before
	}
	if *total, err = total.Add(sum); err != nil {
		return 0, 0, err
	}
	return per, sum, nil
}

// earnTier2 is earn for the second tier.
func earnTier2(t *programs.Tier2, c *programs.Commission, r mixRow, total *money.Cents) (per, sum money.Cents, err error) {
	if t == nil {
		return 0, 0, nil
	}
	if per, err = t.On(c, r.plan, r.billing); err != nil {
		return 0, 0, err
	}
	if sum, err = per.Mul(r.count); err != nil {
		return 0, 0, err
	}
	if *total, err = total.Add(sum); err != nil {
		return 0, 0, err
	}
	return per, sum, nil
}
