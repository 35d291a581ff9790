package check

import (
	"fmt"
	"github.com/affsite/affsite/generator"
	"net/url"
)

// affiliateProgram returns the program a resolved link belongs to, by
// the rules the build uses (generator.AffiliateProgram); a link within
// the site is judged by its path.
func (a *auditor) affiliateProgram(u *url.URL, internal bool) (string, bool) {
	href := u.String()
	if internal {
		href = u.Path
	}
	return generator.AffiliateProgram(href, a.goPath, a.progs)
}

// checkAffiliate reports affiliate anchors without rel="sponsored" and
// pages whose first affiliate anchor comes before any disclosure. It
// reads the built HTML, so it holds whatever the disclosure mode and
// wherever the link came from (shortcode, Markdown, raw HTML, theme).
func (a *auditor) checkAffiliate() {
	for _, p := range a.pages {
		first := -1
		firstHref := ""
		for _, l := range p.links {
			if l.tag != "a" && l.tag != "area" {
				continue
			}
			u, internal, err := a.resolve(p.name, l.href)
			if err != nil || l.href == "" {
				continue
			}
			if _, ok := a.affiliateProgram(u, internal); !ok {
				continue
			}
			if first < 0 {
				first, firstHref = l.order, l.href
			}
			if !hasWord(l.rel, "sponsored") {
				a.report(p.name, l.href, Error, fmt.Sprintf("affiliate link %s has no rel=\"sponsored\"", l.href))
			}
		}
		// Redirect pages are not read: they send the browser on at once.
		if first < 0 || p.redirect {
			continue
		}
		if p.disclosure < 0 {
			a.report(p.name, firstHref, Error, fmt.Sprintf("affiliate link %s with no disclosure on the page (add {{< disclosure >}} above it)", firstHref))
		} else if p.disclosure > first {
			a.report(p.name, firstHref, Error, fmt.Sprintf("affiliate link %s comes before the disclosure (move {{< disclosure >}} above it)", firstHref))
		}
	}
	a.flush()
}
