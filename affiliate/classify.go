package affiliate

import (
	"net/url"
	"strings"

	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/programs"
)

// Classifier tells whether a link is an affiliate link, and of which
// program. The zero value knows no programs and no /go/ folder.
type Classifier struct {
	// GoPath is the site path of the cloaked-link folder, "/go/" or
	// "/blog/go/"; links under it are affiliate links of the program its
	// next segment names.
	GoPath string
	// Programs are the site's programs: a link to a host of one (its
	// url, signup_url or domains) is that program's.
	Programs *programs.Set
	// Links is the links registry: a link to a cloaked path of one (below
	// BasePath) or to the host of its destination is that link's
	// (links.Link.Key: its program, else "link:" and its id).
	Links *links.Set
	// BasePath is the site's base path, "/" or "/blog/"; "" is "/".
	BasePath string
}

// AmazonProgram is the program id of Amazon links that carry an
// affiliate tag.
const AmazonProgram = "amazon"

// Program returns the program href is an affiliate link of: a cloaked
// path of a registry link, a path under GoPath, an Amazon link carrying
// an affiliate tag or an Amazon short link (amzn.to and the like, which
// Amazon's SiteStripe makes for a tagged link and which hide the tag in
// the redirect) (AmazonProgram), a link to a program's host, or one to
// the host of a registry link's destination.
func (c Classifier) Program(href string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return "", false
	}
	if u.Host == "" {
		if l, ok := c.cloakedLink(u.Path); ok {
			return l.Key(), true
		}
		if c.GoPath == "" {
			return "", false
		}
		if rest, ok := strings.CutPrefix(u.Path, c.GoPath); ok && rest != "" {
			id, _, _ := strings.Cut(rest, "/")
			return id, true
		}
		return "", false
	}
	if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "" {
		return "", false
	}
	if isAmazonHost(u.Hostname()) && IsAmazonAffiliateURL(href) {
		return AmazonProgram, true
	}
	// An untagged Amazon link is an affiliate link only of a program
	// that names the host (its tracking URL, which the build links, is).
	if c.Programs != nil {
		if p, ok := c.Programs.ByHost(strings.ToLower(u.Hostname())); ok {
			return p.ID, true
		}
	}
	if isAmazonHost(u.Hostname()) {
		return "", false
	}
	if l, ok := c.Links.ByHost(u.Hostname()); ok {
		return l.Key(), true
	}
	return "", false
}

// cloakedLink returns the registry link whose cloaked path is the site
// path p.
func (c Classifier) cloakedLink(p string) (*links.Link, bool) {
	if c.Links.Len() == 0 {
		return nil, false
	}
	base := c.BasePath
	if base == "" {
		base = "/"
	}
	rest, ok := strings.CutPrefix(p, base)
	if !ok {
		return nil, false
	}
	return c.Links.ByPath("/" + rest)
}

// IsAmazonURL tells whether raw links to an Amazon store or its short
// links (amzn.to).
func IsAmazonURL(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	return err == nil && isAmazonHost(u.Hostname())
}

// IsAmazonAffiliateURL tells whether raw is an Amazon affiliate link:
// one to an Amazon store carrying a tag, or an Amazon short link
// (amzn.to), which Amazon makes for tagged links.
func IsAmazonAffiliateURL(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !isAmazonHost(u.Hostname()) {
		return false
	}
	return isAmazonShortHost(u.Hostname()) || u.Query().Get("tag") != ""
}

func isAmazonHost(host string) bool {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	return isAmazonShortHost(host) || strings.HasPrefix(host, "amazon.") || strings.HasPrefix(host, "smile.amazon.")
}

// isAmazonShortHost tells whether host is one of Amazon's link shorteners.
func isAmazonShortHost(host string) bool {
	switch strings.TrimPrefix(strings.ToLower(host), "www.") {
	case "amzn.to", "amzn.eu", "amzn.asia", "a.co":
		return true
	}
	return false
}
