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

// amazonPriceAsOf reads a product box (n, an aside of class product):
// the datetime of its "as of" stamp when it shows an Amazon price, which
// the box marks with Amazon's price note (builtins.AmazonPriceNote).
func amazonPriceAsOf(n *html.Node) (string, bool) {
	asOf, note := "", false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == builtins.AmazonPriceNote:
			note = true
		case n.Type == html.ElementNode && n.Data == "time" && asOf == "":
			for _, at := range n.Attr {
				if at.Key == "datetime" {
					asOf = at.Val
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return asOf, note && asOf != ""
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
					a.add(prog.File, lineOfKey(a.source(prog.File), "prices_checked"), level,
						fmt.Sprintf("program %s: its Amazon price is shown as of %s, %s ago; Amazon's terms allow at most 24 hours: check the price and prices_checked again and rebuild (daily), or show no price (price=\"\")", prog.ID, asOf, ageText(age)))
				}
				continue
			}
			a.report(p.name, asOf, level, fmt.Sprintf("Amazon price as of %s, %s ago; Amazon's terms allow at most 24 hours: check the price and checked= again and rebuild (daily), or show no price", asOf, ageText(age)))
		}
	}
	a.flush()
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
