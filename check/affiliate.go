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
// reads the built HTML with the scan and the rule the build uses
// (affiliate.Scan, affiliate.Found.Place: a disclosure box, or the
// author's own words in one of the disclosure phrases, or the front
// matter's own_disclosure), so it holds whatever the disclosure mode and
// wherever the link came from (shortcode, Markdown, raw HTML, theme).
func (a *auditor) checkAffiliate() {
	for _, p := range a.pages {
		found := affiliate.Scan(p.raw, func(href string) (string, bool) { return a.affiliateProgram(p.name, href) }, a.cfg.Affiliate.Phrases)
		for _, l := range found.Anchors {
			if !affiliate.IsSponsored(l.Rel) {
				a.report(p.name, l.Href, Error, fmt.Sprintf("affiliate link %s has no rel=\"sponsored\"", l.Href))
			}
		}
		// Redirect pages are not read: they send the browser on at once.
		if p.redirect {
			continue
		}
		if msg := disclosureProblem(found, a.bySource[p.name].OwnDisclosure); msg != "" {
			a.report(p.name, found.Anchors[0].Href, Error, msg)
		}
	}
}

// disclosureProblem is what is wrong with a page's disclosure, or "".
func disclosureProblem(found affiliate.Found, own bool) string {
	first := ""
	if len(found.Anchors) > 0 {
		first = found.Anchors[0].Href
	}
	switch found.Place(own) {
	case affiliate.Undisclosed:
		return fmt.Sprintf("affiliate link %s with no disclosure on the page (add {{< disclosure >}} above it)", first)
	case affiliate.DisclosedLate:
		if found.StatementFirst() {
			return fmt.Sprintf("affiliate link %s comes before any disclosure: %q comes after it, too late to count (move that line above the link, or add {{< disclosure >}} above it)", first, found.Statement.Text)
		}
		return fmt.Sprintf("affiliate link %s comes before the disclosure (move {{< disclosure >}} above it)", first)
	}
	return ""
}
