package wpimport

import (
	"sort"
	"strings"

	"github.com/affsite/affsite/hosting"
	"github.com/affsite/affsite/internal/slugs"
)

// The importer's 301 rules go to static/_redirects, which the build
// merges into the _redirects it writes (the site's own rules first), so
// the generator needs nothing of the import. Hosts that read the file
// (Netlify, Cloudflare Pages) answer with a real 301; elsewhere the
// alias pages the build writes still redirect.

// redirectRules are the permanent redirects of an import: every alias of
// an imported page to its path (forced: the build writes an alias page
// at a regular page's alias, which Netlify would otherwise serve), each
// WordPress category archive, /category/SLUG/ (a child's under its
// parents' slugs), to affsite's category page, and each tag archive,
// /tag/SLUG/, to its tag page.
func redirectRules(pl *planner, ch *Channel, archives map[archive]string) []hosting.Redirect {
	var rules []hosting.Redirect
	for _, p := range pl.items {
		for _, a := range p.aliases {
			rules = append(rules, hosting.Redirect{From: a, To: p.path, Status: 301, Force: true})
		}
	}
	parents := categoryParents(ch)
	for a, name := range archives {
		if r, ok := archiveRedirect(a, name, parents); ok {
			rules = append(rules, r)
		}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].From < rules[j].From })
	return rules
}

// categoryParents maps each category's slug to its parent's.
func categoryParents(ch *Channel) map[string]string {
	parents := map[string]string{}
	if ch == nil {
		return parents
	}
	for _, t := range ch.Terms {
		if t.Taxonomy == "category" {
			parents[t.Slug] = t.Parent
		}
	}
	return parents
}

// archiveRedirect sends a WordPress tag or category archive, named
// name, to the site's term page; a category's old path holds its
// parents' slugs.
func archiveRedirect(a archive, name string, parents map[string]string) (hosting.Redirect, bool) {
	to := slugs.URLize(name)
	if to == "" || strings.ContainsAny(a.slug, " \t/") {
		return hosting.Redirect{}, false
	}
	if a.base == "tag" {
		return hosting.Redirect{From: "/tag/" + a.slug + "/", To: "/tags/" + to + "/", Status: 301}, true
	}
	segs := []string{a.slug}
	for s, n := parents[a.slug], 0; s != "" && n < 20; s, n = parents[s], n+1 {
		segs = append([]string{s}, segs...)
	}
	return hosting.Redirect{From: "/category/" + strings.Join(segs, "/") + "/", To: "/categories/" + to + "/", Status: 301}, true
}

// archive is a WordPress term archive: base "category" or "tag" (the
// defaults of Settings → Permalinks), and the term's slug.
type archive struct{ base, slug string }

// writeRedirects writes static/_redirects, when there are rules.
func writeRedirects(dir string, rules []hosting.Redirect, rep *Report) error {
	rep.Redirects = len(rules)
	if len(rules) == 0 {
		return nil
	}
	head := "# Permanent redirects from the WordPress site, written by affsite import wordpress:\n# old page paths (aliases), category and tag archives. affsite build adds its own rules after these.\n"
	return writeFile(dir, "static/_redirects", append([]byte(head), hosting.FormatRedirects(rules)...))
}
