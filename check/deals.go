package check

import (
	"bytes"
	"fmt"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/internal/plural"
	"golang.org/x/net/html"
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
		for _, d := range deals(p.raw) {
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
	a.flush()
}

// deals finds the deal boxes of a built page.
func deals(raw []byte) []deal {
	if !bytes.Contains(raw, []byte("data-deal-expires")) {
		return nil
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil
	}
	var out []deal
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			var d deal
			found := false
			for _, at := range n.Attr {
				switch at.Key {
				case "data-deal-expires":
					d.expires, found = at.Val, true
				case "data-deal-code":
					d.code = at.Val
				case "data-deal-fallback":
					d.noFallback = at.Val == "none"
				}
			}
			if found {
				out = append(out, d)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}
