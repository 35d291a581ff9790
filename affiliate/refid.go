package affiliate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/affsite/affsite/programs"
)

// placeholderRefIDs are the referral ids that templates and examples
// write for their reader to replace, upper-cased with everything but
// letters removed.
var placeholderRefIDs = [...]string{
	"YOURAFFILIATEID", "YOURID", "YOURREFID", "YOURREFERRALID", "YOURTAG", "AFFILIATEID",
	"REPLACEME", "REPLACE", "CHANGEME", "TODO", "FIXME", "XXX", "PLACEHOLDER",
}

// PlaceholderRefID says why the referral id p's links carry (its
// ref_id, else the site's [affiliate] ref_id) earns nothing: empty, or
// a placeholder such as YOUR-AFFILIATE-ID or REPLACE-ME. It returns ""
// for a real-looking id. Build warns and check fails on it.
func PlaceholderRefID(p *programs.Program, cfg Config) string {
	ref, from := strings.TrimSpace(p.RefID), "its ref_id"
	if ref == "" {
		ref, from = strings.TrimSpace(cfg.RefID), "the site's [affiliate] ref_id"
	}
	if ref == "" {
		return "no referral id: set ref_id in its data file (or [affiliate] ref_id in site.toml), or its links earn nothing"
	}
	l := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, strings.ToUpper(ref))
	// "<your id>", a known placeholder, or X's of any number.
	if strings.HasPrefix(ref, "<") || slices.Contains(placeholderRefIDs[:], l) || l != "" && strings.Trim(l, "X") == "" {
		return fmt.Sprintf("referral id %q (%s) is a placeholder: put your own affiliate id there, or its links earn nothing", ref, from)
	}
	return ""
}
