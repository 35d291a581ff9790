package programs

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/affsite/affsite/money"
)

// commission decodes a commission: a rate ("40%", 0.40), an amount with
// its currency ("$65", "EUR 65"), "custom", or a mapping (see
// commissionFields and the README).
func (d *decoder) commission(e entry) *Commission {
	c := &Commission{Line: lineOf(e.v)}
	if isNull(e.v) {
		return c
	}
	if e.v.Kind == yaml.ScalarNode {
		c.Figure, _ = d.figure(e)
		return c
	}
	entries, ok := d.mapping(e.v, e.key, commissionKeys())
	if !ok {
		return c
	}
	cd := &commissionDecoding{Commission: c}
	decodeFields(d, entries, commissionFields(), cd)
	d.settleFigure(cd, e.key)
	return c
}

// commissionDecoding is a commission mapping being decoded, with the
// keys that gave its figure.
type commissionDecoding struct {
	*Commission
	figures []string // of rate, amount and custom
}

// commissionFields are the decoders of a commission mapping's keys, in
// documentation order.
func commissionFields() []field[commissionDecoding] {
	figure := func(d *decoder, e entry, c *commissionDecoding) {
		if d.figureKey(e, &c.Figure) {
			c.figures = append(c.figures, e.key)
		}
	}
	return []field[commissionDecoding]{
		{"rate", figure},
		{"amount", figure},
		{"custom", figure},
		{"per", func(d *decoder, e entry, c *commissionDecoding) { c.Per = d.choice(e, e.key, "sale", "signup") }},
		{"recurring", func(d *decoder, e entry, c *commissionDecoding) { c.Recurs = d.recurrence(e) }},
		{"months", func(d *decoder, e entry, c *commissionDecoding) {
			if c.Months = d.count(e); c.Months > 0 {
				c.Recurs = ForMonths
			}
		}},
		{"renewals", func(d *decoder, e entry, c *commissionDecoding) { c.Renewal, c.HasRenewal = d.rate(e) }},
		{"basis", func(d *decoder, e entry, c *commissionDecoding) {
			c.MonthlyBasis = d.choice(e, e.key, "price", "monthly") == "monthly"
		}},
		{"fee", func(d *decoder, e entry, c *commissionDecoding) { c.Fee = d.fee(e) }},
		{"floor", func(d *decoder, e entry, c *commissionDecoding) { c.Floor, c.HasFloor = d.cents(e) }},
		{"min", func(d *decoder, e entry, c *commissionDecoding) { c.Min, c.HasMin = d.cents(e) }},
		{"max", func(d *decoder, e entry, c *commissionDecoding) { c.Max, c.HasMax = d.cents(e) }},
		{"upfront", func(d *decoder, e entry, c *commissionDecoding) { c.Upfront, c.HasUpfront = d.cents(e) }},
		{"tiers", func(d *decoder, e entry, c *commissionDecoding) { c.Tiers = d.tiers(e) }},
		{"tier_period", func(d *decoder, e entry, c *commissionDecoding) { c.TierPeriod = d.str(e) }},
		{"retroactive", func(d *decoder, e entry, c *commissionDecoding) { c.Retroactive = d.boolean(e) }},
		{"then", func(d *decoder, e entry, c *commissionDecoding) { c.Then = d.statusRates(e) }},
		{"categories", func(d *decoder, e entry, c *commissionDecoding) { c.Categories = d.categories(e) }},
		{"note", func(d *decoder, e entry, c *commissionDecoding) { c.Note = d.str(e) }},
	}
}

// figureKey decodes rate, amount or custom: true into *f. It reports
// whether the key gives a figure, which custom: false does not.
func (d *decoder) figureKey(e entry, f *Figure) bool {
	switch e.key {
	case "rate":
		if r, ok := d.rate(e); ok {
			*f = Figure{Kind: Share, Rate: r}
		}
	case "amount":
		if a, ok := d.cents(e); ok {
			*f = Figure{Kind: Flat, Amount: a}
		}
	case "custom":
		if !d.boolean(e) {
			return false
		}
		*f = Figure{Kind: Custom}
	}
	return true
}

// choice returns e's text, lowercased, when it is a or b; else it
// records an error (at what) and returns "".
func (d *decoder) choice(e entry, what, a, b string) string {
	s := strings.ToLower(d.str(e))
	if s != a && s != b {
		d.errorf(e.v.Line, "%s: %q is not %s or %s", what, s, a, b)
		return ""
	}
	return s
}

// settleFigure gives a commission without rate, amount or custom the
// figure of its first tier or its categories, and checks that the keys
// given fit together. key names the commission in messages.
func (d *decoder) settleFigure(cd *commissionDecoding, key string) {
	c := cd.Commission
	switch n := len(cd.figures); {
	case n > 1:
		d.errorf(c.Line, "%s: give one of rate, amount or custom, not %s", key, strings.Join(cd.figures, " and "))
	case n == 0 && len(c.Tiers) > 0:
		c.Figure = c.Tiers[0].Figure
	case n == 0 && len(c.Categories) > 0:
		c.Figure = Figure{Kind: Share, Rate: mustCategory(c)}
	case n == 0:
		d.errorf(c.Line, "%s: missing rate, amount, custom, tiers or categories", key)
	}
	if len(c.Tiers) > 0 && len(cd.figures) == 0 && c.Tiers[0].From != 1 {
		d.errorf(c.Line, "%s: the first tier must start at from: 1, or give the rate below it", key)
	}
	if c.Kind == Flat && (c.HasFloor || c.Fee != nil || c.MonthlyBasis) {
		d.errorf(c.Line, "%s: floor, fee and basis apply to a rate, not a flat amount", key)
	}
	if c.Recurs == ForMonths && c.Months == 0 {
		d.errorf(c.Line, "%s: recurring for months needs months: N", key)
	}
}

// mustCategory returns the rate of "other" among c's categories, else the
// first category's.
func mustCategory(c *Commission) money.Rate {
	if r, ok := c.CategoryRate("other"); ok {
		return r
	}
	return c.Categories[0].Rate
}

// figure decodes a scalar figure: "custom", an amount with its currency
// in front ("$65"), or a rate.
func (d *decoder) figure(e entry) (Figure, bool) {
	s, ok := d.scalar(e)
	if !ok {
		return Figure{}, false
	}
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "custom") {
		return Figure{Kind: Custom}, true
	}
	if rest, ok := d.currencyPrefix(s); ok {
		a, ok := d.cents(entry{key: e.key, k: e.k, v: &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: rest, Line: e.v.Line}})
		return Figure{Kind: Flat, Amount: a}, ok
	}
	r, ok := d.rate(e)
	return Figure{Kind: Share, Rate: r}, ok
}

// currencyPrefix cuts a currency symbol or code off the front of s: "$65",
// "€65", "EUR 65".
func (d *decoder) currencyPrefix(s string) (string, bool) {
	cur := d.cur.OrDefault()
	for _, p := range []string{cur.Symbol, cur.Code, "$"} {
		if p != "" {
			if rest, ok := strings.CutPrefix(s, p); ok {
				return strings.TrimSpace(rest), true
			}
		}
	}
	return s, false
}

// recurrence decodes recurring: true or lifetime, false or first_payment.
func (d *decoder) recurrence(e entry) Recurrence {
	s, ok := d.scalar(e)
	if !ok {
		return Unstated
	}
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "_")) {
	case "true", "yes", "lifetime":
		return Lifetime
	case "false", "no", "first_payment", "once":
		return FirstPayment
	}
	d.errorf(e.v.Line, "%s: %q is not lifetime, first_payment, true or false (for a limited time use months: N)", e.key, s)
	return Unstated
}

// fee decodes a fee: a rate, or a mapping of rate and amount.
func (d *decoder) fee(e entry) *Fee {
	f := &Fee{}
	if e.v.Kind == yaml.ScalarNode {
		f.Rate, _ = d.rate(e)
		return f
	}
	entries, _ := d.mapping(e.v, "fee", keysOf(feeFields()))
	decodeFields(d, entries, feeFields(), f)
	return f
}

// feeFields are the decoders of a fee mapping's keys.
func feeFields() []field[Fee] {
	return []field[Fee]{
		{"rate", func(d *decoder, e entry, f *Fee) { f.Rate, _ = d.rate(e) }},
		{"amount", func(d *decoder, e entry, f *Fee) { f.Amount, _ = d.cents(e) }},
	}
}

// tiers decodes volume tiers, each {from: N, rate|amount|custom}, in
// increasing order of from.
func (d *decoder) tiers(e entry) []Tier {
	var out []Tier
	for i, item := range d.list(e) {
		entries, ok := d.mapping(item, "tier", []string{"from", "rate", "amount", "custom"})
		if !ok {
			continue
		}
		t := Tier{}
		hasFrom := false
		for _, te := range entries {
			if te.key == "from" {
				t.From, hasFrom = d.count(te), true
				continue
			}
			d.figureKey(te, &t.Figure)
		}
		line := lineOf(item)
		switch {
		case !hasFrom || t.From < 1:
			d.errorf(line, "tier %d: from: the number of the tier's first sale (1 or more) is required", i+1)
		case t.Kind == NoFigure:
			d.errorf(line, "tier %d: give rate, amount or custom: true", i+1)
		case len(out) > 0 && t.From <= out[len(out)-1].From:
			d.errorf(line, "tier %d: from: %d must be above the previous tier's %d", i+1, t.From, out[len(out)-1].From)
		default:
			out = append(out, t)
		}
	}
	return out
}

// statusRates decodes a list of {status, rate, requires}.
func (d *decoder) statusRates(e entry) []StatusRate {
	var out []StatusRate
	for _, item := range d.list(e) {
		if entries, ok := d.mapping(item, "then", keysOf(statusRateFields())); ok {
			var s StatusRate
			decodeFields(d, entries, statusRateFields(), &s)
			out = append(out, s)
		}
	}
	return out
}

// statusRateFields are the decoders of the keys of one entry of then.
func statusRateFields() []field[StatusRate] {
	return []field[StatusRate]{
		{"status", func(d *decoder, e entry, s *StatusRate) { s.Status = d.str(e) }},
		{"rate", func(d *decoder, e entry, s *StatusRate) { s.Rate, _ = d.rate(e) }},
		{"requires", func(d *decoder, e entry, s *StatusRate) { s.Requires = d.str(e) }},
	}
}

// categories decodes a mapping of product category to rate, in written
// order.
func (d *decoder) categories(e entry) []CategoryRate {
	entries, _ := d.mapping(e.v, "categories", nil)
	out := make([]CategoryRate, 0, len(entries))
	for _, ce := range entries {
		if r, ok := d.rate(ce); ok {
			out = append(out, CategoryRate{Category: ce.key, Rate: r})
		}
	}
	return out
}

// tier2 decodes a second tier: a rate of the sub-affiliate's sale, an
// amount ("$50"), or a mapping {rate|amount, of: sale|commission}.
func (d *decoder) tier2(e entry) *Tier2 {
	if isNull(e.v) {
		return nil
	}
	t := &Tier2{Line: lineOf(e.v)}
	if e.v.Kind == yaml.ScalarNode {
		f, ok := d.figure(e)
		if !ok {
			return nil
		}
		t.Figure = f
		return t
	}
	entries, ok := d.mapping(e.v, "tier2", []string{"rate", "amount", "of"})
	if !ok {
		return nil
	}
	for _, te := range entries {
		if te.key == "of" {
			t.OfCommission = d.choice(te, "tier2: of", "sale", "commission") == "commission"
			continue
		}
		d.figureKey(te, &t.Figure)
	}
	if t.Kind == NoFigure {
		d.errorf(t.Line, "tier2: missing rate or amount")
		return nil
	}
	if t.OfCommission && t.Kind != Share {
		d.errorf(t.Line, "tier2: of: commission needs a rate")
	}
	return t
}

// cookie decodes cookie_days: a number of days or "lifetime".
func (d *decoder) cookie(e entry, p *Program) {
	if s, ok := d.scalar(e); ok && strings.EqualFold(strings.TrimSpace(s), "lifetime") {
		p.CookieLifetime = true
		return
	}
	p.CookieDays = d.count(e)
}
