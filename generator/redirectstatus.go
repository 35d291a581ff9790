package generator

import (
	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/hosting"
	"github.com/affsite/affsite/internal/suggest"
)

// checkRedirectStatuses reports [affiliate.redirect_statuses] entries
// that name no program, and warns about 307, which Netlify's _redirects
// does not support (Cloudflare Pages does).
func (b *builder) checkRedirectStatuses() error {
	cfg := b.cfg.Affiliate
	for _, id := range sortedKeys(cfg.RedirectStatuses) {
		if _, ok := b.programs.Get(id); !ok {
			msg := "[affiliate.redirect_statuses] " + id + ": no such program"
			if s, ok := suggest.Closest(id, b.programs.IDs()); ok {
				msg += "; did you mean \"" + s + "\"?"
			}
			return diag.Errorf(b.cfg.File, 0, 0, diag.Config, "%s", msg)
		}
	}
	if cfg.LinkMode != affiliate.LinkCloaked {
		return nil
	}
	for _, p := range b.programs.All() {
		if w := hosting.StatusWarning(cfg.RedirectStatusOf(p.ID)); w != "" {
			b.warn(diag.Warningf(b.cfg.File, 0, 0, diag.Config, "program %s: redirect %s", p.ID, w))
		}
	}
	return nil
}
