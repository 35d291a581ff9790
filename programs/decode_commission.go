package programs

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/affsite/affsite/money"
)

// commission decodes a commission: a rate ("40%", 0.40), an amount with
// its currency ("$65", "EUR 65"), "custom", or a mapping (see
// commissionKeys and the README).
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
	var figures []string
	for _, fe := range entries {
		switch fe.key {
		case "rate":
			if r, ok := d.rate(fe); ok {
				c.Figure = Figure{Kind: Share, Rate: r}
			}
			figures = append(figures, fe.key)
		case "amount":
			if a, ok := d.cents(fe); ok {
				c.Figure = Figure{Kind: Flat, Amount: a}
			}
			figures = append(figures, fe.key)
		case "custom":
			if d.boolean(fe) {
				c.Figure = Figure{Kind: Custom}
				figures = append(figures, fe.key)
			}
		case "per":
			switch s := strings.ToLower(d.str(fe)); s {
			case "sale", "signup":
				c.Per = s
			default:
				d.errorf(fe.v.Line, "per: %q is not sale or signup", s)
			}
		case "recurring":
			c.Recurs = d.recurrence(fe)
		case "months":
			if c.Months = d.count(fe); c.Months > 0 {
				c.Recurs = ForMonths
			}
		case "renewals":
			c.Renewal, c.HasRenewal = d.rate(fe)
		case "basis":
			switch s := strings.ToLower(d.str(fe)); s {
			case "price":
			case "monthly":
				c.MonthlyBasis = true
			default:
				d.errorf(fe.v.Line, "basis: %q is not price or monthly", s)
			}
		case "fee":
			c.Fee = d.fee(fe)
		case "floor":
			c.Floor, c.HasFloor = d.cents(fe)
		case "min":
			c.Min, c.HasMin = d.cents(fe)
		case "max":
			c.Max, c.HasMax = d.cents(fe)
		case "upfront":
			c.Upfront, c.HasUpfront = d.cents(fe)
		case "tiers":
			c.Tiers = d.tiers(fe)
		case "tier_period":
			c.TierPeriod = d.str(fe)
		case "retroactive":
			c.Retroactive = d.boolean(fe)
		case "then":
			c.Then = d.statusRates(fe)
		case "categories":
			c.Categories = d.categories(fe)
		case "note":
			c.Note = d.str(fe)
		}
	}
	switch {
	case len(figures) > 1:
		d.errorf(c.Line, "%s: give one of rate, amount or custom, not %s", e.key, strings.Join(figures, " and "))
	case len(figures) == 0 && len(c.Tiers) > 0:
		c.Figure = c.Tiers[0].Figure
	case len(figures) == 0 && len(c.Categories) > 0:
		c.Figure = Figure{Kind: Share, Rate: mustCategory(c)}
	case len(figures) == 0:
		d.errorf(c.Line, "%s: missing rate, amount, custom, tiers or categories", e.key)
	}
	if len(c.Tiers) > 0 && len(figures) == 0 && c.Tiers[0].From != 1 {
		d.errorf(c.Line, "%s: the first tier must start at from: 1, or give the rate below it", e.key)
	}
	if c.Kind == Flat && (c.HasFloor || c.Fee != nil || c.MonthlyBasis) {
		d.errorf(c.Line, "%s: floor, fee and basis apply to a rate, not a flat amount", e.key)
	}
	if c.Recurs == ForMonths && c.Months == 0 {
		d.errorf(c.Line, "%s: recurring for months needs months: N", e.key)
	}
	return c
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
	entries, _ := d.mapping(e.v, "fee", []string{"rate", "amount"})
	for _, fe := range entries {
		switch fe.key {
		case "rate":
			f.Rate, _ = d.rate(fe)
		case "amount":
			f.Amount, _ = d.cents(fe)
		}
	}
	return f
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
			switch te.key {
			case "from":
				t.From, hasFrom = d.count(te), true
			case "rate":
				if r, ok := d.rate(te); ok {
					t.Figure = Figure{Kind: Share, Rate: r}
				}
			case "amount":
				if a, ok := d.cents(te); ok {
					t.Figure = Figure{Kind: Flat, Amount: a}
				}
			case "custom":
				if d.boolean(te) {
					t.Figure = Figure{Kind: Custom}
				}
			}
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
		entries, ok := d.mapping(item, "then", []string{"status", "rate", "requires"})
		if !ok {
			continue
		}
		var s StatusRate
		for _, se := range entries {
			switch se.key {
			case "status":
				s.Status = d.str(se)
			case "rate":
				s.Rate, _ = d.rate(se)
			case "requires":
				s.Requires = d.str(se)
			}
		}
		out = append(out, s)
	}
	return out
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
		switch te.key {
		case "rate":
			if r, ok := d.rate(te); ok {
				t.Figure = Figure{Kind: Share, Rate: r}
			}
		case "amount":
			if a, ok := d.cents(te); ok {
				t.Figure = Figure{Kind: Flat, Amount: a}
			}
		case "of":
			switch s := strings.ToLower(d.str(te)); s {
			case "sale":
			case "commission":
				t.OfCommission = true
			default:
				d.errorf(te.v.Line, "tier2: of: %q is not sale or commission", s)
			}
		}
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
