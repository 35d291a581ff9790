package programs

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// plans decodes the list of plans and checks that their ids are unique.
func (d *decoder) plans(e entry) []*Plan {
	var plans []*Plan
	firstLine := make(map[string]int)
	for i, item := range d.list(e) {
		pl := d.plan(item, i+1)
		if pl == nil {
			continue
		}
		key := strings.ToLower(pl.ID)
		if first, dup := firstLine[key]; dup {
			d.errorf(pl.Line, "duplicate plan id %q (first at line %d)", pl.ID, first)
			continue
		}
		firstLine[key] = pl.Line
		plans = append(plans, pl)
	}
	return plans
}

// plan decodes the n-th (1-based) plan.
func (d *decoder) plan(n *yaml.Node, nth int) *Plan {
	what := fmt.Sprintf("plan %d", nth)
	entries, ok := d.mapping(n, what, planKeys())
	if !ok {
		return nil
	}
	pl := &Plan{Line: lineOf(n)}
	decodeFields(d, entries, planFields(), pl)
	if pl.Name == "" {
		d.errorf(pl.Line, "%s: missing required key %q", what, "name")
		return nil
	}
	given := func(key string) bool { return !isNull(entryValue(entries, key)) }
	if !pl.Free && !given("monthly") && !given("annual") && !given("price") {
		d.errorf(pl.Line, "plan %q: no price: give monthly, annual or price (a one-off), or free: true", pl.Name)
	}
	if pl.PeriodMonths > 0 && !given("price") {
		d.errorf(pl.Line, "plan %q: period_months is the period of price, which is missing", pl.Name)
	}
	if pl.ID == "" {
		pl.ID = strings.ToLower(strings.ReplaceAll(pl.Name, " ", "-"))
	}
	return pl
}

// planFields are the decoders of a plan's keys, in documentation order.
func planFields() []field[Plan] {
	return []field[Plan]{
		{"id", func(d *decoder, e entry, pl *Plan) { pl.ID = d.str(e) }},
		{"name", func(d *decoder, e entry, pl *Plan) { pl.Name = d.str(e) }},
		{"monthly", func(d *decoder, e entry, pl *Plan) { pl.Monthly, pl.HasMonthly = d.cents(e) }},
		{"annual", func(d *decoder, e entry, pl *Plan) { pl.Annual, pl.HasAnnual = d.cents(e) }},
		{"price", func(d *decoder, e entry, pl *Plan) { pl.Price, pl.HasPrice = d.cents(e) }},
		{"period_months", func(d *decoder, e entry, pl *Plan) { pl.PeriodMonths = d.count(e) }},
		{"free", func(d *decoder, e entry, pl *Plan) { pl.Free = d.boolean(e) }},
		{"commission", func(d *decoder, e entry, pl *Plan) { pl.Commission = d.commission(e) }},
		{"tier2", func(d *decoder, e entry, pl *Plan) { pl.Tier2 = d.tier2(e) }},
		{"category", func(d *decoder, e entry, pl *Plan) { pl.Category = d.str(e) }},
		{"featured", func(d *decoder, e entry, pl *Plan) { pl.Featured = d.boolean(e) }},
		{"signup_url", func(d *decoder, e entry, pl *Plan) { pl.SignupURL = d.link(e) }},
		{"features", func(d *decoder, e entry, pl *Plan) { pl.Features = d.features(e) }},
	}
}

// features decodes a plan's features: a list of included feature names, or
// a mapping from name to true/false or a short text, in written order.
func (d *decoder) features(e entry) []Feature {
	if isNull(e.v) {
		return nil
	}
	if e.v.Kind == yaml.SequenceNode {
		names := d.strings(e)
		fs := make([]Feature, len(names))
		for i, name := range names {
			fs[i] = Feature{Name: name, Included: true}
		}
		return fs
	}
	if e.v.Kind != yaml.MappingNode {
		d.errorf(e.v.Line, "features: expected a list of names or a mapping of name to value")
		return nil
	}
	entries, _ := d.mapping(e.v, "features", nil)
	fs := make([]Feature, 0, len(entries))
	for _, fe := range entries {
		v := fe.v
		switch {
		case isNull(v) || v.Kind != yaml.ScalarNode:
			d.errorf(lineOf(v), "features: %q: expected true, false or a short text such as \"3 sites\"", fe.key)
		case v.ShortTag() == "!!bool":
			fs = append(fs, Feature{Name: fe.key, Included: d.boolean(fe)})
		default:
			fs = append(fs, Feature{Name: fe.key, Value: strings.TrimSpace(v.Value), Included: true})
		}
	}
	return fs
}
