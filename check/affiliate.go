package check

import (
	"fmt"
	"net/url"
	"strings"
)

// affiliateProgram returns the program an absolute URL belongs to: one
// whose host it is on, or the one its /go/<program>/ path names.
func (a *auditor) affiliateProgram(u *url.URL, internal bool) (string, bool) {
	if internal {
		rest, ok := strings.CutPrefix(u.Path, a.goPath)
		if !ok || rest == "" {
			return "", false
		}
		id, _, _ := strings.Cut(rest, "/")
		return id, true
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", false
	}
	p, ok := a.progs.ByHost(u.Host)
	if !ok {
		return "", false
	}
	return p.ID, true
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
