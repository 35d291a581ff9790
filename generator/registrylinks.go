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
// must keep working), and returns their links, each with its status and
// the sub-id parameter added to its destination. Links past their expiry
// go to their fallback.
func (b *builder) writeLinkRedirects() ([]hosting.CloakedLink, error) {
	var out []hosting.CloakedLink
	for _, l := range b.linkSet.All() {
		target := l.Target(b.now)
		link := hosting.CloakedLink{
			From: strings.TrimSuffix(b.basePath, "/") + l.Cloaked, To: target, Status: l.Status,
			Param: links.SubIDParam, ToSubID: hosting.AppendQuery(target, links.SubIDParam+"="+hosting.SubIDMark),
		}
		name := strings.TrimPrefix(l.Cloaked, "/") + "index.html"
		if err := b.write(name, fmt.Sprintf("%s:%d (link %s)", l.File, l.Line, l.ID), redirectPage(target, &link)); err != nil {
			return nil, err
		}
		if w := hosting.StatusWarning(l.Status); w != "" {
			b.warn(diag.Warningf(l.File, l.Line, 0, diag.Data, "link %s: %s", l.ID, w))
		}
		out = append(out, link)
	}
	return out, nil
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
		out = append(out, hosting.HeaderRule{Path: p + "*", Headers: cloakedHeaders()})
	}
	return out
}
