package generator

import (
	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/diag"
)

// warnRefIDs warns at the first link of each program on the page whose
// referral id is missing or a placeholder (YOUR-AFFILIATE-ID,
// REPLACE-ME…): the page builds, but its links earn nothing. check
// reports the same as an error at the program's ref_id. It gives its
// warnings to warn.
func (b *builder) warnRefIDs(s *source, state *builtins.PageState, warn func(diag.Diagnostic)) {
	seen := map[string]bool{}
	for _, l := range state.Links {
		if seen[l.Program] {
			continue
		}
		seen[l.Program] = true
		p, ok := b.programs.Get(l.Program)
		if !ok {
			continue
		}
		if why := affiliate.PlaceholderRefID(p, b.cfg.Affiliate); why != "" {
			warn(diag.Warningf(s.file, l.Line, l.Col, diag.RefID, "link to %s: %s", p.ID, why))
		}
	}
}
