package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/internal/plural"
	"github.com/affsite/affsite/programs"
	"golang.org/x/net/html"
)

// amazonPriceMaxAge is how long Amazon's Associates terms let a site
// show a product's price after it was fetched.
const amazonPriceMaxAge = 24 * time.Hour

// priceBoxes follows the product boxes (asides of class product) of one
// walk of a page: a box shows an Amazon price when it has Amazon's price
// note (builtins.AmazonPriceNote), dated by the datetime of its first
// "as of" stamp (a time element).
type priceBoxes struct {
	all  []*priceBox // every box, in document order
	open []*priceBox // the boxes the walk is inside
}

// priceBox is what the walk has seen in one product box.
type priceBox struct {
	asOf string
	note bool
}

// element records element n, its children not walked yet: a box when
// isBox, a time element's datetime for the open boxes without one.
func (b *priceBoxes) element(n *html.Node, isBox bool) {
	if isBox {
		box := &priceBox{}
		b.all, b.open = append(b.all, box), append(b.open, box)
	}
	if n.Data != "time" {
		return
	}
	for _, box := range b.open {
		if box.asOf != "" {
			continue
		}
		for _, at := range n.Attr {
			if at.Key == "datetime" {
				box.asOf = at.Val
			}
		}
	}
}

// text records a text node's text.
func (b *priceBoxes) text(s string) {
	if len(b.open) > 0 && strings.TrimSpace(s) == builtins.AmazonPriceNote {
		for _, box := range b.open {
			box.note = true
		}
	}
}

// leave closes the innermost box, once the walk has left it.
func (b *priceBoxes) leave() { b.open = b.open[:len(b.open)-1] }

// asOfs are the "as of" datetimes of the boxes that show an Amazon
// price, in order.
func (b *priceBoxes) asOfs() []string {
	var out []string
	for _, box := range b.all {
		if box.note && box.asOf != "" {
			out = append(out, box.asOf)
		}
	}
	return out
}

// isProductBox tells whether element n is a product box.
func isProductBox(n *html.Node, attrs map[string]string) bool {
	return n.Data == "aside" && affiliate.HasWord(attrs["class"], "product")
}

// parseAsOf reads an "as of" datetime: an RFC 3339 time, or a date,
// which counts from its start (00:00 UTC), the oldest the price can be.
func parseAsOf(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// checkAmazonPrices reports Amazon prices shown as of more than 24 hours
// before the check's now (Options.Now): Amazon's terms let a site cache
// a price for at most 24 hours. One that is a program's prices_checked
// is reported once, at that line of its data file; one the shortcode's
// checked= gave, at that line of the page. A warning, an error with
// --strict, as stale prices_checked dates are.
func (a *auditor) checkAmazonPrices() {
	level := a.strictLevel()
	reported := map[string]bool{}
	for _, p := range a.pages {
		for _, asOf := range p.amazonPrices {
			t, ok := parseAsOf(asOf)
			age := a.opts.Now.Sub(t)
			if !ok || age <= amazonPriceMaxAge {
				continue
			}
			if prog := a.amazonProgramAsOf(p.name, asOf); prog != nil {
				if !reported[prog.ID] {
					reported[prog.ID] = true
					line, col := keyPlace(a.source(prog.File), "prices_checked")
					a.add(prog.File, line, col, level,
						fmt.Sprintf("program %s: its Amazon price is shown as of %s, %s ago; Amazon's terms allow at most 24 hours: check the price and prices_checked again and rebuild (daily), or show no price (price=\"\")", prog.ID, asOf, ageText(age)))
				}
				continue
			}
			a.report(p.name, asOf, level, fmt.Sprintf("Amazon price as of %s, %s ago; Amazon's terms allow at most 24 hours: check the price and checked= again and rebuild (daily), or show no price", asOf, ageText(age)))
		}
	}
}

// amazonProgramAsOf is the Amazon program used by the page of the built
// file name whose prices_checked is the date asOf, nil for none.
func (a *auditor) amazonProgramAsOf(name, asOf string) *programs.Program {
	r, ok := a.bySource[name]
	if !ok {
		return nil
	}
	for _, id := range pagePrograms(r) {
		p, ok := a.progs.Get(id)
		if ok && affiliate.IsAmazonURL(p.URL) && !p.PricesChecked.IsZero() && p.PricesChecked.Format(time.DateOnly) == asOf {
			return p
		}
	}
	return nil
}

// ageText is an age in hours under two days, else in whole days.
func ageText(age time.Duration) string {
	if age < 48*time.Hour {
		return plural.N(int(age/time.Hour), "hour")
	}
	return plural.N(int(age/(24*time.Hour)), "day")
}
