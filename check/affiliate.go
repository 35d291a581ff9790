package check

import (
	"fmt"
	"strings"

	"github.com/affsite/affsite/affiliate"
)

// affiliateProgram returns the program a link of the built file name
// belongs to, by the build's rules (affiliate.Classifier), once the href
// is resolved against the page; a link within the site is judged by its
// path.
func (a *auditor) affiliateProgram(name, href string) (string, bool) {
	if strings.TrimSpace(href) == "" {
		return "", false
	}
	u, internal, err := a.resolve(name, href)
	if err != nil {
		return "", false
	}
	h := u.String()
	if internal {
		h = u.Path
	}
	return a.classifier().Program(h)
}

// classifier is the site's affiliate-link classifier.
func (a *auditor) classifier() affiliate.Classifier {
	return affiliate.Classifier{GoPath: a.goPath, Programs: a.progs, Links: a.links, BasePath: a.basePath}
}

// checkAffiliate reports affiliate anchors without rel="sponsored" and
// pages whose first affiliate anchor comes before any disclosure. It
// reads the built HTML with the scan the build uses (affiliate.Scan), so
// it holds whatever the disclosure mode and wherever the link came from
// (shortcode, Markdown, raw HTML, theme).
func (a *auditor) checkAffiliate() {
	for _, p := range a.pages {
		found := affiliate.Scan(p.raw, func(href string) (string, bool) { return a.affiliateProgram(p.name, href) })
		for _, l := range found.Anchors {
			if !affiliate.IsSponsored(l.Rel) {
				a.report(p.name, l.Href, Error, fmt.Sprintf("affiliate link %s has no rel=\"sponsored\"", l.Href))
			}
		}
		// Redirect pages are not read: they send the browser on at once.
		if len(found.Anchors) == 0 || p.redirect {
			continue
		}
		first := found.Anchors[0].Href
		if found.Disclosure < 0 {
			a.report(p.name, first, Error, fmt.Sprintf("affiliate link %s with no disclosure on the page (add {{< disclosure >}} above it)", first))
		} else if !found.DisclosedFirst() {
			a.report(p.name, first, Error, fmt.Sprintf("affiliate link %s comes before the disclosure (move {{< disclosure >}} above it)", first))
		}
	}
	a.flush()
}
