package check

import (
	"fmt"
	"path"
	"strings"
)

// checkLinks reports internal links to files that do not exist and
// #anchors that name no element of their page.
func (a *auditor) checkLinks() {
	byName := make(map[string]*page, len(a.pages))
	for _, p := range a.pages {
		byName[p.name] = p
	}
	for _, p := range a.pages {
		for _, l := range p.links {
			href := strings.TrimSpace(l.href)
			if href == "" || (l.tag == "a" && href == "#") {
				continue
			}
			u, internal, err := a.resolve(p.name, href)
			if err != nil {
				a.report(p.name, l.href, Error, fmt.Sprintf("malformed URL %q: %v", l.href, err))
				continue
			}
			if !internal {
				continue
			}
			target, ok := a.target(u.Path)
			if !ok {
				if !strings.HasPrefix(u.Path, a.basePath) && u.Path+"/" != a.basePath {
					a.report(p.name, l.href, Error, fmt.Sprintf("link %s points outside the site's base path %s", l.href, a.basePath))
				} else {
					a.report(p.name, l.href, Error, fmt.Sprintf("link %s points to a page that does not exist", l.href))
				}
				continue
			}
			if u.Fragment == "" || u.Fragment == "top" {
				continue
			}
			tp := byName[target]
			if tp == nil || tp.ids[u.Fragment] {
				continue
			}
			if target == p.name {
				a.report(p.name, l.href, Error, fmt.Sprintf("link %s: no element on this page has id %q", l.href, u.Fragment))
			} else {
				a.report(p.name, l.href, Error, fmt.Sprintf("link %s: no element of %s has id %q", l.href, a.pageURL(target), u.Fragment))
			}
		}
	}
	a.flush()
}

// target finds the built file a URL path is served from, as a static
// host does: folder paths serve their index.html, and a path without a
// trailing slash is redirected to the folder when there is one.
func (a *auditor) target(urlPath string) (string, bool) {
	if urlPath+"/" == a.basePath {
		urlPath = a.basePath
	}
	rel, ok := strings.CutPrefix(urlPath, a.basePath)
	if !ok {
		return "", false
	}
	var cands []string
	if rel == "" || strings.HasSuffix(rel, "/") {
		cands = []string{rel + "index.html"}
	} else {
		cands = []string{rel, rel + "/index.html"}
	}
	for _, c := range cands {
		c = strings.TrimPrefix(path.Clean("/"+c), "/")
		if _, ok := a.mem.File(c); ok {
			return c, true
		}
	}
	return "", false
}
