package generator

import (
	"sort"
	"strings"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/hosting"
	"github.com/affsite/affsite/programs"
)

// This file is cloaked links as each host serves them. Every cloaked
// link gets a redirect page (noindex, a meta refresh, a script that
// carries the query over), which is all a host without _redirects
// serves; on top of that the build writes what the site's host reads
// (see hostFiles): hosts differ in how they apply _redirects, and only
// the host's own files give a visitor the intended status with the
// sub-id kept.

// writeRedirects writes the cloaked-link redirect pages (under /go/, and
// the links registry's) and the files the site's host reads: _redirects
// and _headers, and on Cloudflare Pages its worker.
func (b *builder) writeRedirects() error {
	if err := b.checkRedirectStatuses(); err != nil {
		return err
	}
	host, err := b.host()
	if err != nil {
		return err
	}
	links, err := b.writeProgramRedirects()
	if err != nil {
		return err
	}
	linkRules, err := b.writeLinkRedirects()
	if err != nil {
		return err
	}
	links = append(links, linkRules...)
	sort.Slice(links, func(i, j int) bool { return links[i].From < links[j].From })
	return b.writeHostFiles(host, links)
}

// host is the host the build writes for: the --host flag, else
// site.toml's [affiliate] host, else the one the build runs on, else
// any.
func (b *builder) host() (affiliate.Host, error) {
	h := b.cfg.Affiliate.Host
	if b.opts.Host != "" {
		var err error
		if h, err = affiliate.ParseHost(b.opts.Host); err != nil {
			return "", diag.Errorf("", 0, 0, diag.Config, "--%v", err)
		}
	}
	if h == "" {
		h, _ = affiliate.ParseHost(b.opts.HostDefault)
	}
	if h == "" {
		h = affiliate.HostAny
	}
	return h, nil
}

// writeProgramRedirects writes, in cloaked mode, the redirect page of
// every program and plan (Amazon's links are never cloaked: none for
// them) and returns their links.
func (b *builder) writeProgramRedirects() ([]hosting.CloakedLink, error) {
	cfg := b.cfg.Affiliate
	if cfg.LinkMode != affiliate.LinkCloaked {
		return nil, nil
	}
	var out []hosting.CloakedLink
	for _, p := range b.programs.All() {
		if !cfg.Cloaks(affiliate.TrackingURL(p, nil, cfg, "")) {
			continue
		}
		links := []hosting.CloakedLink{programLink(affiliate.CloakedPath(b.basePath, p.ID, ""), p, nil, cfg)}
		for _, plan := range p.Plans {
			links = append(links, programLink(affiliate.CloakedPath(b.basePath, p.ID, plan.ID), p, plan, cfg))
		}
		for _, l := range links {
			name := strings.TrimPrefix(strings.TrimPrefix(l.From, b.basePath), "/") + "index.html"
			if err := b.write(name, "program "+p.ID, redirectPage(l.To, &l)); err != nil {
				return nil, err
			}
		}
		out = append(out, links...)
	}
	return out, nil
}

// programLink is the cloaked link at from to p (or its plan): the sub-id
// goes where a direct link has it, in the program's sub-id parameter or
// its link template's {subid}.
func programLink(from string, p *programs.Program, plan *programs.Plan, cfg affiliate.Config) hosting.CloakedLink {
	l := hosting.CloakedLink{
		From: from, To: affiliate.TrackingURL(p, plan, cfg, ""),
		Param: affiliate.SubIDParam(p), Status: cfg.RedirectStatusOf(p.ID),
	}
	// A template without {subid} has no place for it.
	if slot := affiliate.TrackingURL(p, plan, cfg, hosting.SubIDMark); strings.Count(slot, hosting.SubIDMark) == 1 {
		l.ToSubID = slot
	}
	return l
}

// cloakedHeaders are the headers of the cloaked-link paths (_headers'
// rule for /go/* and the registry's folders).
func cloakedHeaders() [][2]string {
	return [][2]string{{"X-Robots-Tag", "noindex, nofollow"}, {"Cache-Control", "no-store"}}
}

// securityHeaders are the headers _headers sends with every path.
func securityHeaders() [][2]string {
	return [][2]string{
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
		{"X-Frame-Options", "SAMEORIGIN"},
	}
}

// writeHostFiles writes _redirects and _headers for host, the site's own
// rules first, and Cloudflare's worker.
func (b *builder) writeHostFiles(host affiliate.Host, links []hosting.CloakedLink) error {
	headers := []hosting.HeaderRule{
		{Path: "/*", Headers: securityHeaders()},
		{Path: b.basePath + "go/*", Headers: cloakedHeaders()},
	}
	headers = append(headers, b.assetHeaders()...)
	headers = append(headers, b.linkHeaders()...)
	if host == affiliate.HostCloudflare && len(links) > 0 && !b.ownWorker() {
		return b.writeCloudflare(links, headers)
	}
	var rules []hosting.Redirect
	switch host {
	case affiliate.HostNetlify:
		// Cloudflare's limits do not bind Netlify, which takes these.
		rules = hosting.NetlifyRedirects(links)
	default:
		for _, l := range links {
			rules = append(rules, l.Redirect())
		}
		b.warnLimits(hosting.CheckLimits(limitRules(rules), headers))
	}
	var red []byte
	if len(rules) > 0 {
		red = append([]byte("# Affiliate redirects written by affsite for "+hostName(host)+": temporary (302) unless site.toml's redirect_status or data/links says otherwise.\n"), hosting.FormatRedirects(rules)...)
	}
	if err := b.writeMerged("_redirects", "redirects", red); err != nil {
		return err
	}
	return b.writeMerged("_headers", "headers", hosting.FormatHeaders(headers))
}

// writeCloudflare writes the cloaked links as a Pages worker that only
// their folders reach (_routes.json); _redirects keeps the site's own
// rules only.
func (b *builder) writeCloudflare(links []hosting.CloakedLink, headers []hosting.HeaderRule) error {
	prefixes := append([]string{b.basePath + "go/"}, b.linkPrefixes()...)
	b.warnLimits(hosting.CheckLimits(nil, headers))
	b.warnLimits(hosting.CheckRoutes(prefixes))
	if err := b.write("_worker.js", "cloaked links", hosting.CloudflareWorker(links, append(securityHeaders(), cloakedHeaders()...))); err != nil {
		return err
	}
	if err := b.write("_routes.json", "cloaked links", hosting.CloudflareRoutes(prefixes)); err != nil {
		return err
	}
	if err := b.writeMerged("_redirects", "redirects", nil); err != nil {
		return err
	}
	return b.writeMerged("_headers", "headers", hosting.FormatHeaders(headers))
}

// ownWorker tells whether the site publishes its own _worker.js or
// _routes.json, which affsite's would replace; it then warns that the
// cloaked links fall back to _redirects.
func (b *builder) ownWorker() bool {
	for _, name := range []string{"_worker.js", "_routes.json"} {
		if _, from, err := b.userStatic(name); err == nil && from != "" {
			b.warn(diag.Warningf(from, 0, 0, diag.Output, "the site has its own Cloudflare Pages %s, so affsite writes its cloaked links as _redirects rules, which drop the sub-id when the destination has a query; send /go/ to affsite's worker from yours, or remove it", name))
			return true
		}
	}
	return false
}

// limitRules are the cloaked links' rules as the host limits are checked
// on: a 307 is warned already, once, at the program (site.toml) or the
// registry link (its data file line) that has it, so each of its rules
// is checked as a 302, which takes the same room in _redirects and
// warns of nothing, instead of being warned again without a position.
func limitRules(rules []hosting.Redirect) []hosting.Redirect {
	out := make([]hosting.Redirect, len(rules))
	for i, r := range rules {
		if r.Status == 307 {
			r.Status = 302
		}
		out[i] = r
	}
	return out
}

func (b *builder) warnLimits(warns []string) {
	for _, w := range warns {
		b.warn(diag.Warningf("", 0, 0, diag.Output, "%s", w))
	}
}

// hostName is host as _redirects' comment names it.
func hostName(host affiliate.Host) string {
	switch host {
	case affiliate.HostNetlify:
		return "Netlify (forced rules that carry the sub-id)"
	case affiliate.HostCloudflare:
		return "Cloudflare Pages"
	}
	return "Netlify and Cloudflare Pages"
}
