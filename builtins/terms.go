package builtins

import (
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/plural"
	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
)

// amountText formats an amount for prose and figures: "$65" when it is
// whole, "$2.50" otherwise.
func amountText(cur money.Currency, c money.Cents) string {
	s := cur.Format(c)
	if n := cur.MinorUnits(); n > 0 {
		s = strings.TrimSuffix(s, "."+strings.Repeat("0", n))
	}
	return s
}

// figureText returns "40%", "$65 per sale", "$2.50 per signup" or
// "custom terms".
func figureText(f programs.Figure, per string, cur money.Currency) string {
	switch f.Kind {
	case programs.Share:
		return f.Rate.Percent()
	case programs.Flat:
		if per == "" {
			per = "sale"
		}
		return amountText(cur, f.Amount) + " per " + per
	case programs.Custom:
		return "custom terms"
	}
	return "no commission"
}

// rateLabel returns the figure that heads a commission column: "40%" for
// a share, "" when the program pays flat amounts, tiers or per-plan
// terms.
func rateLabel(c *programs.Commission) string {
	if c.Kind == programs.Share && len(c.Tiers) == 0 && len(c.Categories) == 0 {
		return c.Rate.Percent()
	}
	return ""
}

// commissionText describes terms in a few words: "40% recurring", "50%
// for the first 12 months", "$65 per sale", "100% of the first payment,
// at least $200", "$50 for sales 1–5 a month, $75 for 6–10, …".
func commissionText(c *programs.Commission, cur money.Currency) string {
	var s string
	switch {
	case len(c.Tiers) > 0:
		s = tiersText(c, cur)
	case len(c.Categories) > 0:
		s = categoriesText(c)
	default:
		s = figureText(c.Figure, c.Per, cur)
	}
	switch c.Recurs {
	case programs.Lifetime:
		if c.Kind == programs.Share || len(c.Categories) > 0 {
			s += " recurring"
		}
	case programs.ForMonths:
		s += " for " + theFirst(c.Months, "month")
	case programs.FirstPayment:
		if c.Kind == programs.Share && !c.MonthlyBasis && len(c.Categories) == 0 {
			s += " of the first payment"
		}
	}
	if c.Fee != nil && c.Kind == programs.Share {
		s += ", of the net after a " + feeText(c.Fee, cur) + " fee"
	}
	if c.MonthlyBasis {
		s += " of the first month (annual prices divided by 12)"
	}
	if c.HasFloor {
		s += ", at least " + amountText(cur, c.Floor)
	}
	if c.HasMin || c.HasMax {
		s += ", " + boundsText(c, cur) + " a sale"
	}
	if c.HasRenewal {
		s += ", " + c.Renewal.Percent() + " of renewals"
	}
	if c.HasUpfront {
		s += ", plus " + amountText(cur, c.Upfront) + " once"
	}
	if len(c.Then) > 0 {
		s += ", then " + thenText(c.Then)
	}
	return s
}

// tiersText returns "$50 for sales 1–5 a month, $75 for 6–10, custom
// from the 21st (all the month's sales at the highest tier)".
func tiersText(c *programs.Commission, cur money.Currency) string {
	period := c.TierPeriod
	if period == "" {
		period = "month"
	}
	article := "a "
	if period[0] >= '0' && period[0] <= '9' {
		article = "in "
	}
	tiers := c.Tiers
	if tiers[0].From != 1 {
		tiers = append([]programs.Tier{{From: 1, Figure: c.Figure}}, tiers...)
	}
	parts := make([]string, len(tiers))
	for i, t := range tiers {
		f := figureText(t.Figure, "", cur)
		if t.Kind == programs.Flat {
			f = amountText(cur, t.Amount)
		}
		switch {
		case i+1 < len(tiers) && i == 0:
			parts[i] = f + " for sales 1–" + itoa(tiers[1].From-1) + " " + article + period
		case i+1 < len(tiers):
			parts[i] = f + " for " + itoa(t.From) + "–" + itoa(tiers[i+1].From-1)
		default:
			parts[i] = f + " from the " + ordinal(t.From)
		}
	}
	s := strings.Join(parts, ", ")
	if c.Retroactive {
		s += " (every sale of the " + period + " at the tier reached)"
	}
	if c.Kind == programs.Flat || (len(tiers) > 0 && tiers[0].Kind == programs.Flat) {
		per := c.Per
		if per == "" {
			per = "sale"
		}
		s = "per " + per + ": " + s
	}
	return s
}

// categoriesText returns "1%–20% by product category (4% for others)".
func categoriesText(c *programs.Commission) string {
	lo, hi := c.Categories[0].Rate, c.Categories[0].Rate
	for _, cr := range c.Categories[1:] {
		if cr.Rate.Cmp(lo) < 0 {
			lo = cr.Rate
		}
		if cr.Rate.Cmp(hi) > 0 {
			hi = cr.Rate
		}
	}
	s := lo.Percent() + "–" + hi.Percent() + " by product category"
	if r, ok := c.CategoryRate("other"); ok {
		s += " (" + r.Percent() + " for others)"
	}
	return s
}

func feeText(f *programs.Fee, cur money.Currency) string {
	switch {
	case f.Amount == 0:
		return f.Rate.Percent()
	case f.Rate.IsZero():
		return amountText(cur, f.Amount)
	}
	return f.Rate.Percent() + " + " + amountText(cur, f.Amount)
}

func boundsText(c *programs.Commission, cur money.Currency) string {
	switch {
	case c.HasMin && c.HasMax:
		return amountText(cur, c.Min) + " to " + amountText(cur, c.Max)
	case c.HasMin:
		return "at least " + amountText(cur, c.Min)
	}
	return "at most " + amountText(cur, c.Max)
}

// thenText returns "10% (Bronze: 10+ customers a year), 15% (Silver)…".
func thenText(then []programs.StatusRate) string {
	parts := make([]string, len(then))
	for i, s := range then {
		parts[i] = s.Rate.Percent() + " (" + s.Status
		if s.Requires != "" {
			parts[i] += ": " + s.Requires
		}
		parts[i] += ")"
	}
	return strings.Join(parts, ", ")
}

// tier2Text returns "10% of the sales of affiliates you refer", "10% of
// the commission of affiliates you refer" or "$50 per sale of affiliates
// you refer".
func tier2Text(t *programs.Tier2, cur money.Currency) string {
	switch {
	case t.Kind == programs.Flat:
		return amountText(cur, t.Amount) + " per sale of affiliates you refer"
	case t.OfCommission:
		return t.Rate.Percent() + " of the commission of affiliates you refer"
	}
	return t.Rate.Percent() + " of the sales of affiliates you refer"
}

// tier2Short returns "10%", "10% of their commission" or "$50 a sale".
func tier2Short(t *programs.Tier2, cur money.Currency) string {
	switch {
	case t.Kind == programs.Flat:
		return amountText(cur, t.Amount) + " a sale"
	case t.OfCommission:
		return t.Rate.Percent() + " of their commission"
	}
	return t.Rate.Percent()
}

// cookieText returns "60 days", "lifetime" or "24 hours", "" for none.
func cookieText(p *programs.Program) string { return cookieLength(p, plural.N) }

// cookieAdjective returns the cookie's length as it stands before a
// noun: "60-day" (a 60-day cookie), "lifetime" or "24-hour", "" for
// none.
func cookieAdjective(p *programs.Program) string { return cookieLength(p, adjective) }

// cookieLength is the cookie's length with its number and unit written
// by form (plural.N or adjective).
func cookieLength(p *programs.Program, form func(n int, unit string) string) string {
	switch {
	case p.CookieLifetime:
		return "lifetime"
	case p.CookieDays > 0:
		return form(p.CookieDays, "day")
	case p.CookieHours > 0:
		return form(p.CookieHours, "hour")
	}
	return ""
}

// periodText returns "/month", "/year", "/2 years", "/18 months" or ""
// for a price of billing b.
func periodText(pl *programs.Plan, b programs.Billing) string {
	switch {
	case b == programs.Monthly:
		return "/month"
	case b == programs.Annual:
		return "/year"
	case pl.PeriodMonths == 0:
		return ""
	}
	return perPeriod(pl.PeriodMonths)
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
