package check

import (
	"encoding/xml"
	"fmt"
	"html"
	"net/url"
	"path"
	"strings"

	"github.com/affsite/affsite/affiliate"
)

// amazonSentence is the statement Amazon Associates must show.
const amazonSentence = "As an Amazon Associate I earn from qualifying purchases."

// checkRules checks the rules of affiliate sites that the built files
// show beyond disclosures and rel="sponsored": target="_blank" links
// carry noopener; /go/ redirect pages are noindex and robots.txt keeps
// crawlers out of /go/; feed items of pages with affiliate links carry
// the disclosure; pages with Amazon affiliate links show Amazon's
// sentence, and Amazon links are never cloaked.
func (a *auditor) checkRules() {
	goPages := 0
	for _, p := range a.pages {
		for _, l := range p.links {
			if l.tag == "a" && strings.EqualFold(l.target, "_blank") && !affiliate.HasWord(l.rel, "noopener") && !affiliate.HasWord(l.rel, "noreferrer") {
				a.report(p.name, l.href, Warning, fmt.Sprintf("link %s opens a new tab without rel=\"noopener\"", l.href))
			}
		}
		if strings.HasPrefix("/"+p.name, a.goPath) {
			goPages++
			if !p.noindex {
				a.add("public/"+p.name, 1, 0, Error, "affiliate redirect page is not noindex (add <meta name=\"robots\" content=\"noindex\">)")
			}
		}
		a.checkAmazon(p)
	}
	if goPages > 0 {
		robots, ok := a.mem.File("robots.txt")
		if !ok || !disallows(string(robots), a.goPath) {
			a.add("public/robots.txt", 1, 0, Error, fmt.Sprintf("robots.txt does not disallow %s, where the affiliate redirects are", a.goPath))
		}
	}
	// Amazon's links are never cloaked (affiliate.Config.Cloaks): the
	// build links them directly in cloaked mode and writes no /go/ page
	// for them, so a hand-typed /go/ link to one is a broken link above.
	a.checkFeeds()
}

// disallows tells whether robots.txt keeps every crawler out of dir.
func disallows(robots, dir string) bool {
	for _, line := range strings.Split(robots, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), "disallow") {
			v = strings.TrimSpace(v)
			if v != "" && strings.HasPrefix(dir, v) {
				return true
			}
		}
	}
	return false
}

// checkAmazon reports a page with an Amazon affiliate link (one with a
// tag parameter, or an amzn.to short link) that does not show Amazon's
// required sentence.
func (a *auditor) checkAmazon(p *page) {
	for _, l := range p.links {
		if l.tag != "a" || !affiliate.IsAmazonAffiliateURL(l.href) {
			continue
		}
		if !strings.Contains(html.UnescapeString(string(p.raw)), amazonSentence) {
			a.report(p.name, l.href, Error, fmt.Sprintf("page links to Amazon with an affiliate tag but does not say %q", amazonSentence))
		}
		return
	}
}

// rssItems is the part of an RSS feed the feed check reads.
type rssItems struct {
	Items []struct {
		Link        string `xml:"link"`
		Description string `xml:"description"`
	} `xml:"channel>item"`
}

// checkFeeds reports feed items of pages with affiliate links that do
// not carry the disclosure.
func (a *auditor) checkFeeds() {
	withLinks := map[string]bool{}
	for _, l := range a.rep.Links {
		withLinks[l.Page] = true
	}
	text := a.cfg.Affiliate.DisclosureText
	for _, name := range a.mem.Names() {
		if path.Ext(name) != ".xml" || name == "sitemap.xml" {
			continue
		}
		raw, _ := a.mem.File(name)
		var feed rssItems
		if err := xml.Unmarshal(raw, &feed); err != nil {
			continue // not a feed
		}
		for _, it := range feed.Items {
			u, err := url.Parse(it.Link)
			if err != nil || !withLinks[u.Path] {
				continue
			}
			if !strings.Contains(html.UnescapeString(it.Description), text) {
				line, col := placeOf(raw, it.Link)
				a.add("public/"+name, line, col, Error, fmt.Sprintf("feed item %s has affiliate links but no disclosure", it.Link))
			}
		}
	}
}
