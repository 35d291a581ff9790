package programs

import (
	"fmt"

	"github.com/affsite/affsite/money"
)

// MixRow is what one row of a scenario's mix earns, as an earnings table
// shows it: per referral (the first of the row) and for all of them, and
// the same for the second tier when it is asked for.
type MixRow struct {
	Plan       *Plan
	Count      int64
	Billing    Billing
	Per, Sum   money.Cents
	Per2, Sum2 money.Cents
}

// MixEarnings is every row of a mix and the totals: an earnings table and
// a scenario's total facts read the same figures.
type MixEarnings struct {
	Rows          []MixRow
	Total, Total2 money.Cents
}

// MixError is a row of a mix that cannot be priced: its billing (a
// scenario's that the plan does not offer), or its commission, first tier
// or second (Tier2), does not fit.
type MixError struct {
	Row     MixRow
	Billing bool
	Tier2   bool
	Err     error
}

// Error is the row's error.
func (e *MixError) Error() string { return e.Err.Error() }

// Unwrap returns the row's error.
func (e *MixError) Unwrap() error { return e.Err }

// Mix prices each row of s's mix at its billing, numbering the sales in
// the mix's order for volume tiers; tier2 adds the second tier's. A row
// that cannot be priced is a *MixError.
func (p *Program) Mix(s *Scenario, tier2 bool) (MixEarnings, error) {
	var out MixEarnings
	err := p.eachRow(s, func(t rowTerms) error {
		r := MixRow{Plan: t.pl, Count: t.pc.Count, Billing: t.b}
		var err error
		if r.Per, r.Sum, err = t.onTable(&out.Total); err != nil {
			return &MixError{Row: r, Err: err}
		}
		if tier2 {
			if r.Per2, r.Sum2, err = t.onTableTier2(p.Tier2For(t.pl), &out.Total2); err != nil {
				return &MixError{Row: r, Tier2: true, Err: err}
			}
		}
		out.Rows = append(out.Rows, r)
		return nil
	})
	if err != nil {
		return MixEarnings{}, err
	}
	return out, nil
}

// rowTerms is one row of a scenario's mix: its plan, the billing its
// customers pay at and the commission on it, after nth sales of earlier
// rows of a mix of period sales in all (for volume tiers).
type rowTerms struct {
	pc          PlanCount
	pl          *Plan
	b           Billing
	c           *Commission
	nth, period int
}

// eachRow calls f with the terms of each row of s's mix, in order. A row
// whose billing the plan lacks is a *MixError with Billing set.
func (p *Program) eachRow(s *Scenario, f func(rowTerms) error) error {
	nth, period := 0, s.Sales()
	for _, pc := range s.Mix {
		pl, ok := p.Plan(pc.PlanID)
		if !ok {
			return fmt.Errorf("scenario %q: unknown plan %q", s.Name, pc.PlanID)
		}
		b, err := s.BillingOf(pl)
		if err != nil {
			return &MixError{Row: MixRow{Plan: pl, Count: pc.Count}, Billing: true, Err: err}
		}
		if err := f(rowTerms{pc: pc, pl: pl, b: b, c: p.CommissionFor(pl), nth: nth, period: period}); err != nil {
			return err
		}
		nth += SalesOf(pc.Count)
	}
	return nil
}

// onTable returns the commission on one customer of the row (the first of
// it) and on all of them, and adds the latter to *total: without tiers,
// the one customer's rounded commission times the count (as the table
// shows them); volume tiers pay the row's sales after the nth of earlier
// rows each at its tier (tieredSum); with Retroactive tiers
// all of them are paid at the tier that the whole mix reaches. Any figure
// that does not fit is an error rather than a wrong amount.
func (t rowTerms) onTable(total *money.Cents) (per, sum money.Cents, err error) {
	c, pl, b := t.c, t.pl, t.b
	if per, err = c.On(pl, b, t.nth+1); err != nil {
		return 0, 0, err
	}
	if len(c.Tiers) == 0 || c.Retroactive {
		if c.Retroactive {
			if per, err = c.On(pl, b, t.period); err != nil {
				return 0, 0, err
			}
		}
		if sum, err = per.Mul(t.pc.Count); err != nil {
			return 0, 0, err
		}
	} else if sum, err = t.tieredSum(); err != nil {
		return 0, 0, err
	}
	return addedTo(total, per, sum)
}

// tieredSum is the commission on a row's sales under volume tiers, each
// sale at its own tier: each tier's commission on one sale rounded once,
// times the row's sales at that tier, as a row without tiers is.
func (t rowTerms) tieredSum() (money.Cents, error) {
	var sum money.Cents
	err := t.c.eachSegment(t.pl, t.b, t.nth, t.period, t.pc.Count, func(each money.Exact, n int64) error {
		per, err := each.Round()
		if err != nil {
			return err
		}
		if per, err = per.Mul(n); err != nil {
			return err
		}
		sum, err = sum.Add(per)
		return err
	})
	return sum, err
}

// onTableTier2 is onTable for the second tier tr (nil: none).
func (t rowTerms) onTableTier2(tr *Tier2, total *money.Cents) (per, sum money.Cents, err error) {
	if tr == nil {
		return 0, 0, nil
	}
	if per, err = tr.On(t.c, t.pl, t.b); err != nil {
		return 0, 0, err
	}
	if sum, err = per.Mul(t.pc.Count); err != nil {
		return 0, 0, err
	}
	return addedTo(total, per, sum)
}

// addedTo adds sum to *total and returns per and sum, or the error of a
// total that does not fit.
func addedTo(total *money.Cents, per, sum money.Cents) (money.Cents, money.Cents, error) {
	var err error
	if *total, err = total.Add(sum); err != nil {
		return 0, 0, err
	}
	return per, sum, nil
}
