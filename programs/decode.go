package programs

import (
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/money"
)

// program decodes the top-level mapping of a file. Scenarios are decoded
// last because they refer to plans by id.
func (d *decoder) program(doc *yaml.Node, id string) *Program {
	p := &Program{ID: id, File: d.file, Line: 1, RefParam: "ref"}
	n := doc
	if n != nil && n.Kind == yaml.DocumentNode {
		n = nil
		if len(doc.Content) > 0 {
			n = doc.Content[0]
		}
	}
	if n == nil || n.Kind == 0 || isNull(n) { // Kind 0: an empty YAML file
		d.errorf(1, "missing required keys name, url and plans")
		return p
	}
	p.Line = lineOf(n)
	entries, ok := d.mapping(n, "program", programKeys())
	if !ok {
		return p
	}
	// The currency comes first, wherever it is written: it decides how
	// many decimals every amount may have.
	for _, e := range entries {
		if e.key == "currency" {
			d.currency(e, p)
		}
	}
	d.cur = p.Currency.OrDefault()
	var scenarios *entry
	recurs := Unstated
	have := make(map[string]bool)
	for _, e := range entries {
		have[e.key] = !isNull(e.v)
		switch e.key {
		case "name":
			p.Name = d.str(e)
		case "url":
			p.URL = d.link(e)
		case "description":
			p.Description = d.str(e)
		case "commission":
			p.Commission = *d.commission(e)
		case "tier2":
			p.Tier2 = d.tier2(e)
		case "recurring":
			if !isNull(e.v) {
				recurs = FirstPayment
				if d.boolean(e) {
					recurs = Lifetime
				}
			}
		case "cookie_days":
			d.cookie(e, p)
		case "cookie_hours":
			p.CookieHours = d.count(e)
		case "trial":
			p.Trial = d.trial(e)
		case "payout":
			p.Payout = d.payout(e)
		case "signup_url":
			p.SignupURL = d.link(e)
		case "ref_param":
			if s := d.str(e); s != "" {
				p.RefParam = s
			}
		case "ref_id":
			p.RefID = d.str(e)
		case "subid_param":
			if s := d.str(e); s != "" {
				p.SubIDParam = s
			}
		case "link_template":
			if s := d.str(e); s != "" {
				if err := ParseLinkTemplate(s); err != nil {
					d.errorf(e.v.Line, "link_template: %v", err)
				} else {
					p.LinkTemplate = s
				}
			}
		case "currency": // decoded above
		case "domains":
			p.Domains = d.domains(e)
		case "prices_checked":
			p.PricesChecked = d.date(e)
		case "source":
			p.Source = d.str(e)
		case "promo_materials":
			p.PromoMaterials = d.strings(e)
		case "pros":
			p.Pros = d.strings(e)
		case "cons":
			p.Cons = d.strings(e)
		case "plans":
			p.Plans = d.plans(e)
		case "features":
			p.Features = d.strings(e)
		case "scenarios":
			scenarios = &e
		case "rating":
			p.Rating = d.rating(e)
		case "image":
			p.Image = d.str(e)
		}
	}
	for _, key := range []string{"name", "url", "plans"} {
		if !have[key] {
			d.errorf(p.Line, "missing required key %q", key)
		}
	}
	if v := entryValue(entries, "plans"); have["plans"] && v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
		d.errorf(v.Line, "plans: the list is empty")
	}
	// The top-level recurring is the default of every commission that
	// does not say.
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
	if p.Features == nil {
		p.Features = featureUnion(p.Plans)
	}
	if scenarios != nil {
		p.Scenarios = d.scenarios(*scenarios, p)
	}
	return p
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

// trial decodes the trial mapping.
func (d *decoder) trial(e entry) *Trial {
	if isNull(e.v) {
		return nil
	}
	entries, ok := d.mapping(e.v, "trial", trialKeys())
	if !ok {
		return nil
	}
	t := &Trial{}
	for _, e := range entries {
		switch e.key {
		case "days":
			t.Days = d.count(e)
		case "price":
			t.Price, _ = d.cents(e)
		}
	}
	return t
}

// payout decodes the payout mapping.
func (d *decoder) payout(e entry) *Payout {
	if isNull(e.v) {
		return nil
	}
	entries, ok := d.mapping(e.v, "payout", payoutKeys())
	if !ok {
		return nil
	}
	p := &Payout{}
	for _, e := range entries {
		switch e.key {
		case "schedule":
			p.Schedule = d.str(e)
		case "methods":
			p.Methods = d.strings(e)
		case "minimum":
			if s, _ := d.scalar(e); strings.EqualFold(strings.TrimSpace(s), "chosen") {
				p.MinimumChosen = true
				continue
			}
			p.Minimum, p.HasMinimum = d.cents(e)
		case "hold_days":
			p.HoldDays = d.count(e)
		case "min_sales":
			p.MinSales = d.count(e)
		}
	}
	return p
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
