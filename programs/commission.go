package programs

import (
	"errors"
	"fmt"
	"strings"

	"github.com/affsite/affsite/money"
)

// FigureKind says what a commission figure is.
type FigureKind int

const (
	// NoFigure is the zero Figure: nothing was given.
	NoFigure FigureKind = iota
	// Share is a rate of what the customer pays ("40%").
	Share
	// Flat is a fixed amount per sale or signup ("$65", CPA).
	Flat
	// Custom is a tier the program publishes without a figure ("custom
	// commission agreements" above 20 sales a month).
	Custom
)

// Figure is one commission figure: a share of the price, a flat amount,
// or a published "custom" with no figure.
type Figure struct {
	Kind   FigureKind
	Rate   money.Rate  // when Kind is Share
	Amount money.Cents // when Kind is Flat
}

// Recurrence says which of a customer's payments earn a commission.
type Recurrence int

const (
	// Unstated is a commission whose data says nothing about renewals;
	// it is shown and computed like FirstPayment but not described as
	// one-time.
	Unstated Recurrence = iota
	// FirstPayment is a commission on the first payment only.
	FirstPayment
	// Lifetime is a commission on every payment for as long as the
	// customer pays.
	Lifetime
	// ForMonths is a commission on the payments of the customer's first
	// Commission.Months months.
	ForMonths
)

// Commission is how a program (or one plan) pays for a referred
// customer. The zero value pays nothing.
type Commission struct {
	Figure            // the base figure; the first tier when Tiers is set
	Per    string     // "signup", or "sale" (also when empty): what a Flat figure pays for
	Recurs Recurrence // which payments earn
	Months int        // with ForMonths

	// Renewal, when HasRenewal, is the rate on every payment after the
	// first (NordVPN: 40 % of the first year, 30 % of renewals).
	Renewal    money.Rate
	HasRenewal bool

	// MonthlyBasis computes a Share on the monthly equivalent of the
	// price: an annual price divided by 12 (WP Engine: "annual purchases
	// are normalized to an equivalent monthly rate").
	MonthlyBasis bool
	// Fee is taken off the price before the Share (ClickBank's 7.5 % +
	// $1); nil for none.
	Fee *Fee
	// Floor, when HasFloor, is the least a sale earns: max(floor, share)
	// (WP Engine: $200 or the first month, whichever is higher). Min and
	// Max bound a Share per sale (ClickBank: $0.25 to $100).
	Floor, Min, Max          money.Cents
	HasFloor, HasMin, HasMax bool

	// Upfront, when HasUpfront, is a one-time amount paid on top of the
	// share (Kinsta: $150 once plus 10 % every month).
	Upfront    money.Cents
	HasUpfront bool

	// Tiers, when set, replace Figure by the number of sales in
	// TierPeriod; see [Commission.FigureAt].
	Tiers       []Tier
	TierPeriod  string // "month" (default), or as written: "6 months"
	Retroactive bool   // a higher tier pays every sale of the period

	// Then is what follows the first Months months for affiliates
	// holding a status (Kit: Bronze 10 %, Silver 15 %, Gold 20 %).
	Then []StatusRate

	// Categories are rates by product category (Amazon); a plan's
	// Category picks one, "other" is the default.
	Categories []CategoryRate

	Note string // what the data cannot compute, in words
	Line int
}

// Fee is a platform fee taken off a price before the commission share.
type Fee struct {
	Rate   money.Rate
	Amount money.Cents
}

// Tier is one volume tier: the figure for the From-th sale of a period and
// later ones, up to the next tier.
type Tier struct {
	From int // 1-based number of the first sale of the tier
	Figure
}

// StatusRate is a rate an affiliate earns while holding a status.
type StatusRate struct {
	Status   string
	Rate     money.Rate
	Requires string // the condition, in words
}

// CategoryRate is the rate of one product category.
type CategoryRate struct {
	Category string
	Rate     money.Rate
}

// Tier2 is the second-tier commission, on the sales of affiliates one
// referred: a Share of their sale (OfCommission false) or of their
// first-tier commission (OfCommission true), or a Flat amount per sale.
type Tier2 struct {
	Figure
	OfCommission bool
	Line         int
}

// Billing is one way of paying for a plan.
type Billing int

const (
	// Monthly is the monthly price.
	Monthly Billing = iota
	// Annual is the price billed yearly.
	Annual
	// Once is a one-off price, or a price for Plan.PeriodMonths months.
	Once
)

// String returns "monthly", "annual" or "once".
func (b Billing) String() string {
	switch b {
	case Monthly:
		return "monthly"
	case Annual:
		return "annual"
	}
	return "once"
}

// ErrNoFigure is returned, wrapped, for a commission that has no figure
// to compute: a Custom tier, or a plan of a program that sets none.
var ErrNoFigure = errors.New("no published figure")

// PriceOf returns the plan's price for billing b; ok is false when the
// plan has no such price. A free plan costs 0 monthly.
func (pl *Plan) PriceOf(b Billing) (money.Cents, bool) {
	switch b {
	case Monthly:
		return pl.Monthly, pl.HasMonthly || pl.Free
	case Annual:
		return pl.Annual, pl.HasAnnual
	}
	return pl.Price, pl.HasPrice
}

// Billings returns the plan's ways of paying in the order monthly, annual,
// once.
func (pl *Plan) Billings() []Billing {
	var out []Billing
	for _, b := range []Billing{Monthly, Annual, Once} {
		if _, ok := pl.PriceOf(b); ok {
			out = append(out, b)
		}
	}
	return out
}

// months returns how many months one payment of b covers, 0 for a one-off
// price.
func (pl *Plan) months(b Billing) int64 {
	switch b {
	case Monthly:
		return 1
	case Annual:
		return 12
	}
	return int64(pl.PeriodMonths)
}

// CommissionFor returns the first-tier terms that apply to pl (nil for
// the program's own): the plan's own commission, else the rate of its
// category, else the program's.
func (p *Program) CommissionFor(pl *Plan) *Commission {
	if pl != nil && pl.Commission != nil {
		return pl.Commission
	}
	c := &p.Commission
	if pl != nil && len(c.Categories) > 0 {
		if r, ok := c.CategoryRate(pl.Category); ok {
			cc := *c
			cc.Figure = Figure{Kind: Share, Rate: r}
			cc.Categories = nil
			return &cc
		}
	}
	return c
}

// Tier2For returns the second-tier terms that apply to pl, nil when there
// is no second tier.
func (p *Program) Tier2For(pl *Plan) *Tier2 {
	if pl != nil && pl.Tier2 != nil {
		return pl.Tier2
	}
	return p.Tier2
}

// CategoryRate returns the rate of category (ignoring case), else of
// "other".
func (c *Commission) CategoryRate(category string) (money.Rate, bool) {
	var other *CategoryRate
	for i, cr := range c.Categories {
		if strings.EqualFold(cr.Category, category) {
			return cr.Rate, true
		}
		if strings.EqualFold(cr.Category, "other") {
			other = &c.Categories[i]
		}
	}
	if other != nil {
		return other.Rate, true
	}
	return money.Rate{}, false
}

// FigureAt returns the figure that pays the n-th sale (1-based) of a tier
// period: the last tier whose From is at most n, or the base figure
// without tiers. For a Retroactive program pass the period's total, since
// its highest tier pays every sale.
func (c *Commission) FigureAt(n int) Figure {
	f := c.Figure
	for _, t := range c.Tiers {
		if t.From <= max(n, 1) {
			f = t.Figure
		}
	}
	return f
}

// Exact returns the commission on one first payment of pl at billing b,
// paid at figure f, unrounded. pl may be nil only for a Flat figure.
func (c *Commission) exact(f Figure, pl *Plan, b Billing) (money.Exact, error) {
	switch f.Kind {
	case Flat:
		return money.ExactOf(f.Amount), nil
	case Custom:
		return money.Exact{}, fmt.Errorf("commission: %w (custom terms)", ErrNoFigure)
	case NoFigure:
		return money.Exact{}, fmt.Errorf("commission: %w", ErrNoFigure)
	}
	base, err := c.shareBase(pl, b)
	if err != nil {
		return money.Exact{}, err
	}
	return c.bounded(base.MulRate(f.Rate)), nil
}

// shareBase is what a share of pl's price at billing b is taken of: the
// price, a month of it with a monthly basis, less any fee.
func (c *Commission) shareBase(pl *Plan, b Billing) (money.Exact, error) {
	if pl == nil {
		return money.Exact{}, fmt.Errorf("commission: a share needs a price: %w", ErrNoFigure)
	}
	price, ok := pl.PriceOf(b)
	if !ok {
		return money.Exact{}, fmt.Errorf("plan %q has no %s price", pl.Name, b)
	}
	base := money.ExactOf(price)
	if m := pl.months(b); c.MonthlyBasis && m > 1 {
		base = base.Div(m)
	}
	return c.lessFee(base), nil
}

// lessFee is base less the fee the program keeps first, never below 0.
func (c *Commission) lessFee(base money.Exact) money.Exact {
	if c.Fee == nil {
		return base
	}
	base = base.Sub(base.MulRate(c.Fee.Rate)).Sub(money.ExactOf(c.Fee.Amount))
	if base.Sign() < 0 {
		return money.Exact{}
	}
	return base
}

// bounded is v raised to the floor and the minimum, and capped at the
// maximum, that c has.
func (c *Commission) bounded(v money.Exact) money.Exact {
	if c.HasFloor {
		v = money.MaxExact(v, money.ExactOf(c.Floor))
	}
	if c.HasMin {
		v = money.MaxExact(v, money.ExactOf(c.Min))
	}
	if c.HasMax {
		v = money.MinExact(v, money.ExactOf(c.Max))
	}
	return v
}

// On returns the commission on one first payment of pl at billing b when
// it is the n-th sale of its tier period (pass 1 without tiers), rounded
// once, half-up.
func (c *Commission) On(pl *Plan, b Billing, n int) (money.Cents, error) {
	v, err := c.exact(c.FigureAt(n), pl, b)
	if err != nil {
		return 0, err
	}
	return v.Round()
}

// OnRenewal returns the commission on a later payment of pl at billing b:
// at the Renewal rate when there is one, else like the first payment; 0
// when renewals earn nothing (FirstPayment, a Flat figure).
func (c *Commission) OnRenewal(pl *Plan, b Billing) (money.Cents, error) {
	if c.HasRenewal {
		return c.atRenewalRate().On(pl, b, 1)
	}
	if !c.Recurring() || c.Kind == Flat {
		return 0, nil
	}
	return c.On(pl, b, 1)
}

// atRenewalRate is c earning its Renewal rate on every payment, without
// tiers or a floor.
func (c *Commission) atRenewalRate() *Commission {
	d := *c
	d.Figure = Figure{Kind: Share, Rate: c.Renewal}
	d.Tiers, d.HasFloor = nil, false
	return &d
}

// Recurring reports whether later payments earn too.
func (c *Commission) Recurring() bool {
	return c.Recurs == Lifetime || c.Recurs == ForMonths || c.HasRenewal
}

// On returns the second-tier commission on one first payment of pl at
// billing b by a sub-affiliate whose own terms are first (for a share of
// the first-tier commission).
func (t *Tier2) On(first *Commission, pl *Plan, b Billing) (money.Cents, error) {
	switch {
	case t.Kind == Flat:
		return t.Amount, nil
	case t.Kind != Share:
		return 0, fmt.Errorf("second tier: %w", ErrNoFigure)
	case t.OfCommission:
		v, err := first.exact(first.FigureAt(1), pl, b)
		if err != nil {
			return 0, err
		}
		return v.MulRate(t.Rate).Round()
	}
	price, ok := pl.PriceOf(b)
	if !ok {
		return 0, fmt.Errorf("plan %q has no %s price", pl.Name, b)
	}
	return t.Rate.Apply(price)
}
