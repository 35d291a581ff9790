package programs

import (
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/money"
)

// program decodes the top-level mapping of a file. The currency is
// decoded first, wherever it is written, since it decides how many
// decimals every amount may have; scenarios last, since they refer to
// plans by id.
func (d *decoder) program(doc *yaml.Node, id string) *Program {
	p := &Program{ID: id, File: d.file, Line: 1, RefParam: "ref"}
	n := documentRoot(doc)
	if n == nil || n.Kind == 0 || isNull(n) { // Kind 0: an empty YAML file
		d.errorf(1, "missing required keys name, url and plans")
		return p
	}
	p.Line = lineOf(n)
	entries, ok := d.mapping(n, "program", programKeys())
	if !ok {
		return p
	}
	for _, e := range entries {
		if e.key == "currency" {
			d.currency(e, p)
		}
	}
	d.cur = p.Currency.OrDefault()
	pd := &programDecoding{Program: p, recurs: Unstated}
	decodeFields(d, entries, programFields(), pd)
	d.requireProgramKeys(entries, p)
	d.inheritRecurrence(p, pd.recurs)
	if p.Features == nil {
		p.Features = featureUnion(p.Plans)
	}
	if pd.scenarios != nil {
		p.Scenarios = d.scenarios(*pd.scenarios, p)
	}
	return p
}

// documentRoot returns the top node of a document, nil for an empty one.
func documentRoot(doc *yaml.Node) *yaml.Node {
	if doc == nil || doc.Kind != yaml.DocumentNode {
		return doc
	}
	if len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

// programDecoding is a program being decoded, with what is applied only
// once every key is read.
type programDecoding struct {
	*Program
	recurs    Recurrence // the top-level recurring
	scenarios *entry     // decoded after the plans
}

// programFields are the decoders of the top-level keys, in documentation
// order. Currency is decoded before the others, by program.
func programFields() []field[programDecoding] {
	return []field[programDecoding]{
		{"name", func(d *decoder, e entry, p *programDecoding) { p.Name = d.str(e) }},
		{"url", func(d *decoder, e entry, p *programDecoding) { p.URL = d.link(e) }},
		{"description", func(d *decoder, e entry, p *programDecoding) { p.Description = d.str(e) }},
		{"commission", func(d *decoder, e entry, p *programDecoding) { p.Commission = *d.commission(e) }},
		{"tier2", func(d *decoder, e entry, p *programDecoding) { p.Tier2 = d.tier2(e) }},
		{"recurring", func(d *decoder, e entry, p *programDecoding) { p.recurs = d.topRecurring(e) }},
		{"cookie_days", func(d *decoder, e entry, p *programDecoding) { d.cookie(e, p.Program) }},
		{"cookie_hours", func(d *decoder, e entry, p *programDecoding) { p.CookieHours = d.count(e) }},
		{"trial", func(d *decoder, e entry, p *programDecoding) { p.Trial = decodeMapping(d, e, "trial", trialFields()) }},
		{"payout", func(d *decoder, e entry, p *programDecoding) {
			p.Payout = decodeMapping(d, e, "payout", payoutFields())
		}},
		{"signup_url", func(d *decoder, e entry, p *programDecoding) { p.SignupURL = d.link(e) }},
		{"ref_param", func(d *decoder, e entry, p *programDecoding) { d.nonEmpty(e, &p.RefParam) }},
		{"ref_id", func(d *decoder, e entry, p *programDecoding) { p.RefID = d.str(e) }},
		{"subid_param", func(d *decoder, e entry, p *programDecoding) { d.nonEmpty(e, &p.SubIDParam) }},
		{"link_template", func(d *decoder, e entry, p *programDecoding) { d.linkTemplate(e, p.Program) }},
		{"currency", func(*decoder, entry, *programDecoding) {}}, // decoded first
		{"domains", func(d *decoder, e entry, p *programDecoding) { p.Domains = d.domains(e) }},
		{"prices_checked", func(d *decoder, e entry, p *programDecoding) { p.PricesChecked = d.date(e) }},
		{"source", func(d *decoder, e entry, p *programDecoding) { p.Source = d.str(e) }},
		{"promo_materials", func(d *decoder, e entry, p *programDecoding) { p.PromoMaterials = d.strings(e) }},
		{"pros", func(d *decoder, e entry, p *programDecoding) { p.Pros = d.strings(e) }},
		{"cons", func(d *decoder, e entry, p *programDecoding) { p.Cons = d.strings(e) }},
		{"plans", func(d *decoder, e entry, p *programDecoding) { p.Plans = d.plans(e) }},
		{"features", func(d *decoder, e entry, p *programDecoding) { p.Features = d.strings(e) }},
		{"scenarios", func(_ *decoder, e entry, p *programDecoding) { p.scenarios = &e }},
		{"rating", func(d *decoder, e entry, p *programDecoding) { p.Rating = d.rating(e) }},
		{"image", func(d *decoder, e entry, p *programDecoding) { p.Image = d.str(e) }},
	}
}

// topRecurring decodes the top-level recurring: true for Lifetime, false
// for FirstPayment.
func (d *decoder) topRecurring(e entry) Recurrence {
	switch {
	case isNull(e.v):
		return Unstated
	case d.boolean(e):
		return Lifetime
	}
	return FirstPayment
}

// nonEmpty sets *s to e's text unless that is empty, keeping the default.
func (d *decoder) nonEmpty(e entry, s *string) {
	if v := d.str(e); v != "" {
		*s = v
	}
}

// linkTemplate decodes link_template, checking its placeholders.
func (d *decoder) linkTemplate(e entry, p *Program) {
	s := d.str(e)
	if s == "" {
		return
	}
	if err := ParseLinkTemplate(s); err != nil {
		d.errorf(e.v.Line, "link_template: %v", err)
		return
	}
	p.LinkTemplate = s
}

// requireProgramKeys reports the required keys that are missing or null,
// and an empty list of plans.
func (d *decoder) requireProgramKeys(entries []entry, p *Program) {
	for _, key := range []string{"name", "url", "plans"} {
		if isNull(entryValue(entries, key)) {
			d.errorf(p.Line, "missing required key %q", key)
		}
	}
	if v := entryValue(entries, "plans"); !isNull(v) && v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
		d.errorf(v.Line, "plans: the list is empty")
	}
}

// inheritRecurrence makes the top-level recurring the default of the
// program's commission, and the program's that of every plan commission
// that does not say; it also checks plan categories against the
// commission's.
func (d *decoder) inheritRecurrence(p *Program, recurs Recurrence) {
	if p.Commission.Recurs == Unstated {
		p.Commission.Recurs = recurs
	}
	for _, pl := range p.Plans {
		if c := pl.Commission; c != nil && c.Recurs == Unstated {
			c.Recurs, c.Months = p.Commission.Recurs, p.Commission.Months
		}
		if pl.Category != "" && len(p.Commission.Categories) == 0 {
			d.errorf(pl.Line, "plan %q: category %q, but the program's commission has no categories", pl.Name, pl.Category)
		}
	}
}

// entryValue returns the value of key among entries.
func entryValue(entries []entry, key string) *yaml.Node {
	for _, e := range entries {
		if e.key == key {
			return e.v
		}
	}
	return nil
}

// featureUnion returns the names of all plan features in first-seen order.
func featureUnion(plans []*Plan) []string {
	var names []string
	seen := make(map[string]bool)
	for _, pl := range plans {
		for _, f := range pl.Features {
			if !seen[f.Name] {
				seen[f.Name] = true
				names = append(names, f.Name)
			}
		}
	}
	return names
}

// trialFields are the decoders of trial's keys.
func trialFields() []field[Trial] {
	return []field[Trial]{
		{"days", func(d *decoder, e entry, t *Trial) { t.Days = d.count(e) }},
		{"price", func(d *decoder, e entry, t *Trial) { t.Price, _ = d.cents(e) }},
	}
}

// payoutFields are the decoders of payout's keys, in documentation order.
func payoutFields() []field[Payout] {
	return []field[Payout]{
		{"schedule", func(d *decoder, e entry, p *Payout) { p.Schedule = d.str(e) }},
		{"methods", func(d *decoder, e entry, p *Payout) { p.Methods = d.strings(e) }},
		{"minimum", func(d *decoder, e entry, p *Payout) {
			if s, _ := d.scalar(e); strings.EqualFold(strings.TrimSpace(s), "chosen") {
				p.MinimumChosen = true
				return
			}
			p.Minimum, p.HasMinimum = d.cents(e)
		}},
		{"hold_days", func(d *decoder, e entry, p *Payout) { p.HoldDays = d.count(e) }},
		{"min_sales", func(d *decoder, e entry, p *Payout) { p.MinSales = d.count(e) }},
	}
}

// currency decodes the currency mapping into p.Currency. The code must be
// an active ISO 4217 code; a symbol without a code is refused, since the
// code decides the number of decimals.
func (d *decoder) currency(e entry, p *Program) {
	if isNull(e.v) {
		return
	}
	entries, _ := d.mapping(e.v, "currency", currencyKeys())
	var cur money.Currency
	hasCode := false
	for _, e := range entries {
		switch e.key {
		case "code":
			s := d.str(e)
			c, err := money.LookupCurrency(s)
			if err != nil {
				d.unknownCurrency(e.v.Line, "currency: code", s)
				return
			}
			cur.Code, hasCode = c.Code, true
		case "symbol":
			cur.Symbol = d.str(e)
		}
	}
	if !hasCode && cur.Symbol != "" {
		d.errorf(e.v.Line, "currency: symbol %q without a code: add code (such as \"EUR\"), which decides the decimals", cur.Symbol)
		return
	}
	p.Currency = cur
}

// unknownCurrency records that code, given at key, is not an ISO 4217
// currency code, with the closest code when one is near.
func (d *decoder) unknownCurrency(line int, key, code string) {
	if s, ok := suggest.Closest(strings.ToUpper(code), money.CurrencyCodes()); ok {
		d.errorf(line, "%s: %q is not an ISO 4217 currency code (did you mean %q?)", key, code, s)
		return
	}
	d.errorf(line, "%s: %q is not an ISO 4217 currency code (such as USD, EUR, GBP or JPY)", key, code)
}

// domains decodes the list of extra host names, lowercased.
func (d *decoder) domains(e entry) []string {
	hosts := d.strings(e)
	out := hosts[:0]
	for _, h := range hosts {
		if h == "" || strings.ContainsAny(h, "/:@?# ") {
			d.errorf(e.v.Line, "domains: %q is not a host name (want e.g. example.com)", h)
			continue
		}
		out = append(out, strings.ToLower(h))
	}
	return out
}

// rating returns a score from 0 to 5, as written ("4.5").
func (d *decoder) rating(e entry) string {
	s, ok := d.scalar(e)
	if !ok {
		return ""
	}
	s = strings.TrimSpace(s)
	if r, err := strconv.ParseFloat(s, 64); err != nil || math.IsNaN(r) || r < 0 || r > 5 {
		d.errorf(e.v.Line, "rating: %q is not a number from 0 to 5", s)
		return ""
	}
	return s
}
