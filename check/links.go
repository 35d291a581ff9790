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
			if msg, bad := a.linkProblem(p, l, byName); bad {
				a.report(p.name, l.href, Error, msg)
			}
		}
	}
}

// linkProblem words what is wrong with link l of page p: a malformed
// URL, or an internal link to no page or to no element of its page.
func (a *auditor) linkProblem(p *page, l link, byName map[string]*page) (string, bool) {
	href := strings.TrimSpace(l.href)
	if href == "" || (l.tag == "a" && href == "#") {
		return "", false
	}
	u, internal, err := a.resolve(p.name, href)
	if err != nil {
		return fmt.Sprintf("malformed URL %q: %v", l.href, err), true
	}
	if !internal {
		return "", false
	}
	target, ok := a.target(u.Path)
	if !ok {
		return a.noTarget(l.href, u.Path), true
	}
	if tp := byName[target]; u.Fragment == "" || u.Fragment == "top" || tp == nil || tp.ids[u.Fragment] {
		return "", false
	}
	if target == p.name {
		return fmt.Sprintf("link %s: no element on this page has id %q", l.href, u.Fragment), true
	}
	return fmt.Sprintf("link %s: no element of %s has id %q", l.href, a.pageURL(target), u.Fragment), true
}

// noTarget words a link to path, which no output file answers.
func (a *auditor) noTarget(href, path string) string {
	if !strings.HasPrefix(path, a.basePath) && path+"/" != a.basePath {
		return fmt.Sprintf("link %s points outside the site's base path %s", href, a.basePath)
	}
	return fmt.Sprintf("link %s points to a page that does not exist", href)
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
