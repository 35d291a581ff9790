package affiliate

import (
	"net/url"
	"strings"

	"github.com/affsite/affsite/programs"
)

// TrackingURL returns the link that credits the site for a sign-up.
//
// With a link_template, it is the template with its placeholders filled
// in (see programs.ExpandLinkTemplate): {url} is the destination below,
// {ref} the referral id, {subid} subID, {utm_*} cfg's values.
//
// Otherwise it is the plan's signup_url, else the program's signup_url,
// else its url, with the program's ref_param set to its ref_id (cfg.RefID
// when the program has none; no referral parameter when both are empty),
// its subid_param ("subid" by default) set to subID, and the utm_*
// parameters that cfg sets. The URL's own query parameters come first, in
// their order, then the added ones in a fixed order: ref, sub-id,
// utm_source, utm_medium, utm_campaign. An own parameter with the name of
// an added one is replaced by it.
func TrackingURL(p *programs.Program, plan *programs.Plan, cfg Config, subID string) string {
	base := signupURL(p, plan)
	ref := p.RefID
	if ref == "" {
		ref = cfg.RefID
	}
	if s, ok := fromTemplate(p, cfg, base, ref, subID); ok {
		return s
	}
	add := trackingParams(p, cfg, ref, subID)
	if len(add) == 0 {
		return base
	}
	return setQuery(base, add)
}

// signupURL is where a sign-up starts: the plan's sign-up URL, else the
// program's, else its home page.
func signupURL(p *programs.Program, plan *programs.Plan) string {
	switch {
	case plan != nil && plan.SignupURL != "":
		return plan.SignupURL
	case p.SignupURL != "":
		return p.SignupURL
	}
	return p.URL
}

// fromTemplate expands the program's link template, if it has one.
func fromTemplate(p *programs.Program, cfg Config, base, ref, subID string) (string, bool) {
	if p.LinkTemplate == "" {
		return "", false
	}
	values := map[string]string{
		"url": base, "ref": ref, "subid": subID,
		"utm_source": cfg.UTMSource, "utm_medium": cfg.UTMMedium, "utm_campaign": cfg.UTMCampaign,
	}
	// The template was checked when the program was loaded.
	s, err := programs.ExpandLinkTemplate(p.LinkTemplate, func(name string) string { return values[name] })
	return s, err == nil
}

// trackingParams are the query parameters a tracking URL sets, in
// order: the referral ID, the sub-ID and the UTM tags, each only when
// it has a value.
func trackingParams(p *programs.Program, cfg Config, ref, subID string) [][2]string {
	var add [][2]string
	for _, kv := range [][2]string{
		{RefParam(p), ref},
		{SubIDParam(p), subID},
		{"utm_source", cfg.UTMSource},
		{"utm_medium", cfg.UTMMedium},
		{"utm_campaign", cfg.UTMCampaign},
	} {
		if kv[1] != "" {
			add = append(add, kv)
		}
	}
	return add
}

// setQuery returns base with the parameters add set: a parameter of
// base's query that add also names is dropped, the others kept in
// place, add's appended, and any fragment kept at the end.
func setQuery(base string, add [][2]string) string {
	rest, fragment, hasFragment := strings.Cut(base, "#")
	path, query, _ := strings.Cut(rest, "?")
	parts := keptPairs(query, add)
	for _, kv := range add {
		parts = append(parts, url.QueryEscape(kv[0])+"="+url.QueryEscape(kv[1]))
	}
	s := path + "?" + strings.Join(parts, "&")
	if hasFragment {
		s += "#" + fragment
	}
	return s
}

// keptPairs are the name=value pairs of query whose names add does not set.
func keptPairs(query string, add [][2]string) []string {
	var parts []string
	for _, pair := range strings.Split(query, "&") {
		if pair == "" {
			continue
		}
		k, _, _ := strings.Cut(pair, "=")
		if name, err := url.QueryUnescape(k); err == nil && replaced(name, add) {
			continue
		}
		parts = append(parts, pair)
	}
	return parts
}

func replaced(name string, add [][2]string) bool {
	for _, kv := range add {
		if kv[0] == name {
			return true
		}
	}
	return false
}

// RefParam is the query parameter that carries p's referral ID: its
// ref_param, "ref" by default.
func RefParam(p *programs.Program) string {
	if p.RefParam != "" {
		return p.RefParam
	}
	return "ref"
}

// SubIDParam is the query parameter that carries p's sub-ids: its
// subid_param, "subid" by default. A cloaked link carries its sub-id in
// it too.
func SubIDParam(p *programs.Program) string {
	if p.SubIDParam != "" {
		return p.SubIDParam
	}
	return "subid"
}

// CloakedPath returns the site path of a program's (or plan's) redirect
// page: "/go/kartra/", or "/go/kartra/gold/" with a plan, under basePath.
func CloakedPath(basePath, program, plan string) string {
	var b strings.Builder
	b.WriteString("/")
	if bp := strings.Trim(basePath, "/"); bp != "" {
		b.WriteString(bp)
		b.WriteString("/")
	}
	b.WriteString("go/")
	b.WriteString(url.PathEscape(program))
	b.WriteString("/")
	if plan != "" {
		b.WriteString(url.PathEscape(plan))
		b.WriteString("/")
	}
	return b.String()
}
