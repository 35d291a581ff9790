package affiliate

import (
	"fmt"

	"github.com/affsite/affsite/links"
)

// DefaultRedirectStatus is the HTTP status of a program's cloaked-link
// redirect when site.toml sets none: temporary, so that browsers do not
// cache it and a changed tracking URL takes effect at once.
const DefaultRedirectStatus = links.DefaultStatus

// RedirectStatusOf is the status of the cloaked-link redirects of program
// id: its entry of [affiliate.redirect_statuses], else redirect_status.
func (c Config) RedirectStatusOf(id string) int {
	if s, ok := c.RedirectStatuses[id]; ok {
		return s
	}
	return c.RedirectStatus
}

// normalizeRedirects checks the redirect statuses and fills in the
// default.
func (c *Config) normalizeRedirects() error {
	h, err := ParseHost(string(c.Host))
	if err != nil {
		return fmt.Errorf("[affiliate] %v", err)
	}
	c.Host = h
	if c.RedirectStatus == 0 {
		c.RedirectStatus = DefaultRedirectStatus
	}
	if !links.ValidStatus(c.RedirectStatus) {
		return fmt.Errorf("[affiliate] redirect_status must be 301, 302 or 307, not %d", c.RedirectStatus)
	}
	for id, s := range c.RedirectStatuses {
		if !links.ValidStatus(s) {
			return fmt.Errorf("[affiliate.redirect_statuses] %s must be 301, 302 or 307, not %d", id, s)
		}
	}
	return nil
}
