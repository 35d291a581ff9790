package generator

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/hosting"
	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/programs"
)

// loadLinks reads the links registry (data/links) and checks the
// programs its links name.
func loadLinks(siteFS fs.FS, prefix string, progs *programs.Set) (*links.Set, error) {
	set, err := links.Load(siteFS, "data/links", prefix)
	if err != nil {
		return nil, err
	}
	if err := set.CheckPrograms(progs); err != nil {
		return nil, err
	}
	return set, nil
}

// writeLinkRedirects writes a redirect page at the cloaked path of every
// registry link, whatever the link mode (an imported /recommends/… path
// must keep working), and returns their _redirects rules, each with its
// link's status. Links past their expiry go to their fallback.
func (b *builder) writeLinkRedirects() ([]hosting.Redirect, error) {
	var rules []hosting.Redirect
	for _, l := range b.linkSet.All() {
		target := l.Target(b.now)
		from := strings.TrimSuffix(b.basePath, "/") + l.Cloaked
		out := strings.TrimPrefix(l.Cloaked, "/") + "index.html"
		if err := b.write(out, fmt.Sprintf("%s:%d (link %s)", l.File, l.Line, l.ID), redirectPage(target, true, true)); err != nil {
			return nil, err
		}
		if l.Status == 307 {
			b.warn(diag.Warningf(l.File, l.Line, 0, diag.Data, "link %s: status 307 is not supported by Netlify's _redirects (use 302 there)", l.ID))
		}
		rules = append(rules, hosting.Redirect{From: from, To: target, Status: l.Status})
	}
	return rules, nil
}

// linkPrefixes are the cloaked-link folders of the registry other than
// /go/, which robots.txt and _headers cover already.
func (b *builder) linkPrefixes() []string {
	var out []string
	for _, p := range b.linkSet.Prefixes() {
		if p != "/go/" {
			out = append(out, strings.TrimSuffix(b.basePath, "/")+p)
		}
	}
	return out
}

// linkDisallows is the robots.txt lines keeping the registry's cloaked
// folders out of the index.
func (b *builder) linkDisallows() string {
	var sb strings.Builder
	for _, p := range b.linkPrefixes() {
		sb.WriteString("Disallow: " + p + "\n")
	}
	return sb.String()
}

// linkHeaders mark the registry's cloaked folders noindex and uncached,
// as /go/ is.
func (b *builder) linkHeaders() []hosting.HeaderRule {
	var out []hosting.HeaderRule
	for _, p := range b.linkPrefixes() {
		out = append(out, hosting.HeaderRule{Path: p + "*", Headers: [][2]string{{"X-Robots-Tag", "noindex, nofollow"}, {"Cache-Control", "no-store"}}})
	}
	return out
}
