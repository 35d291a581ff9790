package check

import (
	"fmt"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/internal/plural"
)

// deal is a deal box as its template marks it: data-deal-expires (as the
// author wrote it), data-deal-code, and data-deal-fallback="none" when
// the author gave no fallback.
type deal struct {
	expires, code string
	noFallback    bool
}

// checkDeals reports deal boxes whose expires= date has passed without a
// fallback= to show instead (an error: readers see a dead box), and those
// that end within deal_warn_days (a warning). A deal is judged at the
// check's now, which is also the build's, by the rule the deal shortcode
// follows (affiliate.DealEnd).
func (a *auditor) checkDeals() {
	days := a.cfg.Affiliate.DealWarnDays
	for _, p := range a.pages {
		for _, d := range p.deals {
			end, err := affiliate.DealEnd(d.expires)
			if err != nil {
				continue // the build refused it already
			}
			needle := d.code
			if needle == "" {
				needle = d.expires
			}
			name := "deal"
			if d.code != "" {
				name = "deal " + d.code
			}
			switch {
			case affiliate.DealExpired(end, a.opts.Now):
				if d.noFallback {
					a.report(p.name, needle, Error, fmt.Sprintf("%s expired (expires=%q) and has no fallback=: readers see an ended deal with nothing instead; add fallback= (and fallback_url=) or remove the box", name, d.expires))
				}
			case affiliate.DealEndsSoon(end, a.opts.Now, days):
				// Whole days left, rounded up: a deal ending tonight has 1.
				left := int((end.Sub(a.opts.Now) + 24*time.Hour - 1) / (24 * time.Hour))
				a.report(p.name, needle, Warning, fmt.Sprintf("%s ends in %s (expires=%q, deal_warn_days = %d): renew it or give it a fallback=", name, plural.N(left, "day"), d.expires, days))
			}
		}
	}
}

// dealOf reads the deal box an element's attributes mark; ok is false
// for an element that is none.
func dealOf(attrs map[string]string) (d deal, ok bool) {
	d.expires, ok = attrs["data-deal-expires"]
	d.code = attrs["data-deal-code"]
	d.noFallback = attrs["data-deal-fallback"] == "none"
	return d, ok
}
