package programs

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/affsite/affsite/internal/slugs"
)

// scenarios decodes the earnings scenarios of p, whose plans are already
// decoded.
func (d *decoder) scenarios(e entry, p *Program) []*Scenario {
	var out []*Scenario
	firstLine := make(map[string]int)
	for i, item := range d.list(e) {
		s := d.scenario(item, i+1, p)
		if s == nil {
			continue
		}
		if first, dup := firstLine[s.ID]; dup {
			d.errorf(s.Line, "duplicate scenario id %q (first at line %d)", s.ID, first)
			continue
		}
		firstLine[s.ID] = s.Line
		out = append(out, s)
	}
	return out
}

// scenario decodes the n-th (1-based) scenario.
func (d *decoder) scenario(n *yaml.Node, nth int, p *Program) *Scenario {
	what := fmt.Sprintf("scenario %d", nth)
	entries, ok := d.mapping(n, what, scenarioKeys())
	if !ok {
		return nil
	}
	s := &Scenario{Line: lineOf(n)}
	var mix *entry
	for _, e := range entries {
		switch e.key {
		case "name":
			s.Name = d.str(e)
		case "id":
			s.ID = d.str(e)
		case "mix":
			mix = &e
		case "billing":
			switch v := d.str(e); v {
			case "monthly":
				s.Billing, s.HasBilling = Monthly, true
			case "annual", "yearly":
				s.Billing, s.HasBilling = Annual, true
			case "once", "price", "one-time":
				s.Billing, s.HasBilling = Once, true
			case "":
			default:
				d.errorf(lineOf(e.v), "%s: billing %q is not monthly, annual or once", what, v)
			}
		case "ramp":
			s.Ramp = d.ramp(e, what)
		}
	}
	if s.Name == "" {
		d.errorf(s.Line, "%s: missing required key %q", what, "name")
		return nil
	}
	if s.ID == "" {
		s.ID = slugs.Words(s.Name)
	}
	if mix == nil || isNull(mix.v) {
		d.errorf(s.Line, "scenario %q: missing required key %q", s.Name, "mix")
		return s
	}
	s.Mix = d.mix(*mix, s.Name, p)
	if s.HasBilling {
		for _, pc := range s.Mix {
			if pl, ok := p.Plan(pc.PlanID); ok {
				if _, ok := pl.PriceOf(s.Billing); !ok {
					d.errorf(s.Line, "scenario %q: billing %s, but plan %q has no %s price", s.Name, s.Billing, pl.ID, s.Billing)
				}
			}
		}
	}
	return s
}

// ramp decodes a scenario's ramp: {months: 12, churn: 5%}.
func (d *decoder) ramp(e entry, what string) *Ramp {
	if isNull(e.v) {
		return nil
	}
	entries, ok := d.mapping(e.v, what+": ramp", rampKeys())
	if !ok {
		return nil
	}
	r := &Ramp{}
	for _, re := range entries {
		switch re.key {
		case "months":
			r.Months = d.count(re)
		case "churn":
			if v, ok := d.rate(re); ok {
				r.Churn = v
			}
		}
	}
	if r.Months < 1 || r.Months > MaxRampMonths {
		d.errorf(lineOf(e.v), "%s: ramp months must be 1–%d (a whole number of months), not %d", what, MaxRampMonths, r.Months)
		return nil
	}
	return r
}

// mix decodes a scenario's mapping of plan id to customer count, keeping the
// written order.
func (d *decoder) mix(e entry, scenario string, p *Program) []PlanCount {
	entries, _ := d.mapping(e.v, fmt.Sprintf("scenario %q: mix", scenario), nil)
	var out []PlanCount
	seen := make(map[string]bool)
	for _, me := range entries {
		pl, ok := p.Plan(me.key)
		if !ok {
			d.errorf(me.k.Line, "scenario %q: unknown plan %q (known plans: %s)",
				scenario, me.key, strings.Join(p.PlanIDs(), ", "))
			continue
		}
		if seen[pl.ID] {
			d.errorf(me.k.Line, "scenario %q: plan %q is listed twice", scenario, pl.ID)
			continue
		}
		seen[pl.ID] = true
		text, _ := d.scalar(me)
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil || n < 0 {
			d.errorf(lineOf(me.v), "scenario %q: count %q for plan %q is not a whole number of customers", scenario, text, pl.ID)
			continue
		}
		out = append(out, PlanCount{PlanID: pl.ID, Count: n})
	}
	return out
}
