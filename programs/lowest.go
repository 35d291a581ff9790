package programs

import "github.com/affsite/affsite/money"

// Price is one price of one plan: what a reader pays at one billing.
type Price struct {
	Plan    *Plan
	Billing Billing
	Amount  money.Cents
	// Months is how many months one payment covers: 1 monthly, 12
	// annual, the plan's PeriodMonths for a price of a period, 0 for a
	// one-off purchase that does not renew.
	Months int64
}

// Recurring reports whether the price renews (a month, a year, a period
// of months), as opposed to a one-off purchase.
func (pr Price) Recurring() bool { return pr.Months > 0 }

// PerMonth returns the price's cost per month, exactly (Amount / Months,
// a fraction, never rounded); ok is false for a one-off price, which has
// no cost per month.
func (pr Price) PerMonth() (v money.Exact, ok bool) {
	if !pr.Recurring() {
		return money.Exact{}, false
	}
	return money.ExactOf(pr.Amount).Div(pr.Months), true
}

// cheaper reports whether pr costs less than o: per month, exactly, for
// two recurring prices (a tie goes to the shorter commitment, $10/month
// before $120/year); by amount for two one-off prices. A recurring price
// is never compared with a one-off one; cheaper is then false.
func (pr Price) cheaper(o Price) bool {
	a, okA := pr.PerMonth()
	b, okB := o.PerMonth()
	switch {
	case okA && okB:
		if c := a.Cmp(b); c != 0 {
			return c < 0
		}
		return pr.Months < o.Months
	case !okA && !okB:
		return pr.Amount < o.Amount
	}
	return false
}

// Prices returns every price a reader can pay for pl, in the order of
// Billings; a free plan (or a price of 0) has none.
func (pl *Plan) Prices() []Price {
	if pl.Free {
		return nil
	}
	var out []Price
	for _, b := range pl.Billings() {
		if v, _ := pl.PriceOf(b); v > 0 {
			out = append(out, Price{Plan: pl, Billing: b, Amount: v, Months: pl.months(b)})
		}
	}
	return out
}

// LowestPrice returns the cheapest price of p's paid plans, what "from"
// means on a review: of the recurring prices, the lowest cost per month
// (compared exactly, so $47.88/year, $3.99 a month, is lower than
// $29.00/month), the price itself with its own billing; a program whose
// paid plans are all one-off purchases gets its lowest one-off price.
// One-off prices are not compared with recurring ones, and free plans
// are left out (they earn an affiliate nothing and are not what a
// reader pays). On a tie the first plan in the data wins. ok is false
// for a program with no paid price.
func (p *Program) LowestPrice() (lowest Price, ok bool) {
	for _, pl := range p.Plans {
		for _, pr := range pl.Prices() {
			if !ok || pr.Recurring() && !lowest.Recurring() || pr.cheaper(lowest) {
				lowest, ok = pr, true
			}
		}
	}
	return lowest, ok
}
