package check

import (
	"fmt"
	"sort"
	"strings"
)

// checkSEO reports images without alt text, pages without a description
// and titles that several pages share.
func (a *auditor) checkSEO() {
	for _, p := range a.pages {
		if p.redirect {
			continue
		}
		for _, l := range p.links {
			if l.tag == "img" && l.alt == nil {
				a.report(p.name, l.href, Warning, fmt.Sprintf("image %s has no alt text", l.href))
			}
		}
	}
	byTitle := map[string][]string{}
	for _, r := range a.rep.Sources {
		if strings.TrimSpace(r.Description) == "" {
			a.add(r.File, 1, 0, Warning, "page has no description (set description in the front matter)")
		}
		t := strings.ToLower(strings.TrimSpace(r.Title))
		byTitle[t] = append(byTitle[t], r.File)
	}
	for _, r := range a.rep.Sources {
		files := byTitle[strings.ToLower(strings.TrimSpace(r.Title))]
		if len(files) < 2 {
			continue
		}
		var others []string
		for _, f := range files {
			if f != r.File {
				others = append(others, f)
			}
		}
		sort.Strings(others)
		line, col := keyPlace(a.source(r.File), "title")
		a.add(r.File, line, col, Warning,
			fmt.Sprintf("title %q is also the title of %s", r.Title, strings.Join(others, ", ")))
	}
}
