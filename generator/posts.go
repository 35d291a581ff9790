package generator

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/affsite/affsite/internal/values"
)

// PageType is the front-matter type that marks a page as not a post: an
// about, contact or privacy page ("affsite new page" writes it).
const PageType = "page"

// Type is the page's content type, as Hugo has it: the front matter's
// type, else its section, else "page" (the type of pages at the top of
// content/).
func (p *Page) Type() string {
	if v, ok := values.LookupKey(p.Params, "type"); ok {
		if s := strings.TrimSpace(fmt.Sprint(v)); s != "" && v != nil {
			return s
		}
	}
	return cmp.Or(p.Section, PageType)
}

// inSectionList tells whether the page belongs on its section's list:
// every page of the section but those of type "page".
func inSectionList(p *Page) bool {
	return p.Section != "" && p.Type() != PageType
}

// isPost is the one rule for which pages are posts (reviews), which the
// home page, the feeds and the 404 page's latest reviews list: a page in
// one of the main sections that is not of type "page". A page at the top
// of content/ is in no section, so never a post.
func isPost(p *Page, mainSections []string) bool {
	return inSectionList(p) && slices.Contains(mainSections, p.Section)
}

// mainSections are the sections whose pages are posts: the
// configuration's mainSections (Hugo's top-level key), else
// params.mainSections (where Hugo themes read it), else every section
// that has a listed page. Hugo's own default, the one section with the
// most pages, would drop a second review section from the home page.
func (b *builder) mainSections(pages []*Page) []string {
	if len(b.cfg.MainSections) > 0 {
		return b.cfg.MainSections
	}
	if v, ok := values.LookupKey(b.cfg.Params, "mainSections"); ok {
		switch x := v.(type) {
		case string:
			return []string{x}
		case []string:
			return x
		case []any:
			out := make([]string, 0, len(x))
			for _, e := range x {
				out = append(out, fmt.Sprint(e))
			}
			return out
		}
	}
	var out []string
	for _, p := range pages {
		if inSectionList(p) && !slices.Contains(out, p.Section) {
			out = append(out, p.Section)
		}
	}
	slices.Sort(out)
	return out
}
