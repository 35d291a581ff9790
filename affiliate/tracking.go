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
	base := p.URL
	switch {
	case plan != nil && plan.SignupURL != "":
		base = plan.SignupURL
	case p.SignupURL != "":
		base = p.SignupURL
	}
	ref := p.RefID
	if ref == "" {
		ref = cfg.RefID
	}
	if p.LinkTemplate != "" {
		values := map[string]string{
			"url": base, "ref": ref, "subid": subID,
			"utm_source": cfg.UTMSource, "utm_medium": cfg.UTMMedium, "utm_campaign": cfg.UTMCampaign,
		}
		// The template was checked when the program was loaded.
		if s, err := programs.ExpandLinkTemplate(p.LinkTemplate, func(name string) string { return values[name] }); err == nil {
			return s
		}
	}
	subParam := SubIDParam(p)
	var add [][2]string
	if ref != "" {
		param := p.RefParam
		if param == "" {
			param = "ref"
		}
		add = append(add, [2]string{param, ref})
	}
	for _, kv := range [][2]string{
		{subParam, subID},
		{"utm_source", cfg.UTMSource},
		{"utm_medium", cfg.UTMMedium},
		{"utm_campaign", cfg.UTMCampaign},
	} {
		if kv[1] != "" {
			add = append(add, kv)
		}
	}
	if len(add) == 0 {
		return base
	}

	rest, fragment, hasFragment := strings.Cut(base, "#")
	path, query, _ := strings.Cut(rest, "?")
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
	for _, kv := range add {
		parts = append(parts, url.QueryEscape(kv[0])+"="+url.QueryEscape(kv[1]))
	}
	s := path + "?" + strings.Join(parts, "&")
	if hasFragment {
		s += "#" + fragment
	}
	return s
}

func replaced(name string, add [][2]string) bool {
	for _, kv := range add {
		if kv[0] == name {
			return true
		}
	}
	return false
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
