package affiliate

import (
	"net/url"
	"strings"

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
}

// AmazonProgram is the program id of Amazon links that carry an
// affiliate tag.
const AmazonProgram = "amazon"

// Program returns the program href is an affiliate link of: a link to a
// program's host, a path under GoPath, or an Amazon link carrying an
// affiliate tag (AmazonProgram).
func (c Classifier) Program(href string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return "", false
	}
	if u.Host == "" {
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
	if isAmazonHost(u.Hostname()) {
		if u.Query().Get("tag") != "" {
			return AmazonProgram, true
		}
		return "", false
	}
	if c.Programs == nil {
		return "", false
	}
	p, ok := c.Programs.ByHost(strings.ToLower(u.Hostname()))
	if !ok {
		return "", false
	}
	return p.ID, true
}

// IsAmazonURL tells whether raw links to an Amazon store or its short
// links (amzn.to).
func IsAmazonURL(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	return err == nil && isAmazonHost(u.Hostname())
}

func isAmazonHost(host string) bool {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	return host == "amzn.to" || strings.HasPrefix(host, "amazon.") || strings.HasPrefix(host, "smile.amazon.")
}
