package builtins

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/shortcodes"
)

// AddLink registers the link shortcode of the page st in r: a text link
// to an entry of the links registry reg, judged at now (an expired link
// goes to its fallback). It needs the template shortcodes/link.html,
// whose .Data is a LinkData.
//
//	{{< link id="kartra-home" >}}Try Kartra{{< /link >}}
//	{{< link id="kartra-home" placement="sidebar" />}}
//
// It is registered apart from Registry because the registry is the
// generator's to load, beside the programs.
func AddLink(r *shortcodes.Registry, st *PageState, reg *links.Set, now time.Time) {
	r.Add("link", func(inv *shortcodes.Invocation) error { return st.registryLink(inv, reg, now) },
		named("id", "placement", "text"))
}

// registryLink is the link shortcode: like afflink, the link is tracked
// (a sub-id, in the manifest), carries affiliate.Rel and counts for the
// disclosure rule; in cloaked mode its href is the link's cloaked path.
func (st *PageState) registryLink(inv *shortcodes.Invocation, reg *links.Set, now time.Time) error {
	id, _ := inv.Arg("id")
	if id == "" {
		return inv.Errorf("shortcode %q: missing argument id= (links: %s)", inv.Name, idList(reg.IDs()))
	}
	l, ok := reg.Get(id)
	if !ok {
		return inv.Errorf("shortcode %q: %v", inv.Name, unknownID("link", id, reg.IDs(), "data/links"))
	}
	placement, _ := inv.Arg("placement")
	d := st.registryLinkData(l, placement, inv.Line, inv.Col, now)
	text, _ := inv.Arg("text")
	if text == "" {
		text = l.ID
	}
	d.Text = textHTML(inv, text)
	inv.Data = d
	return nil
}

// nextSubID gives out the page's next sub-id, for every kind of tracked
// link (afflink, cta, plans, verdict, link, auto-links, Markdown links):
// the page's SubIDPrefix (else its slug) and the placement, or the link's
// 1-based index on the page when placement is empty, made unique on the
// page with "-2", "-3"… Unique prefixes make it unique across the site,
// and it depends only on the page's content, so it is the same from build
// to build.
func (st *PageState) nextSubID(placement string) string {
	tail := placement
	if tail == "" {
		tail = strconv.Itoa(len(st.Links) + 1)
	}
	prefix := st.SubIDPrefix
	if prefix == "" {
		prefix = st.Slug
	}
	subID := tail
	if prefix != "" {
		subID = prefix + "-" + tail
	}
	if st.subIDs == nil {
		st.subIDs = make(map[string]bool)
	}
	if st.subIDs[subID] {
		for n := 2; ; n++ {
			if s := subID + "-" + strconv.Itoa(n); !st.subIDs[s] {
				subID = s
				break
			}
		}
	}
	st.subIDs[subID] = true
	return subID
}

// SubIDPrefixes returns the sub-id prefix of each page, keyed by its URL
// path ("/posts/dup/"): its slug when no other page has the same slug,
// else its path with "/" as "-" ("posts-dup", "reviews-dup"; "-2", "-3"…
// added in path order should that be another page's prefix), so sub-ids
// are unique across the site, the same from build to build, and a page's
// change only when another page takes its slug.
func SubIDPrefixes(slugs map[string]string) map[string]string {
	count := make(map[string]int, len(slugs))
	for _, slug := range slugs {
		count[slug]++
	}
	out := make(map[string]string, len(slugs))
	taken := make(map[string]bool, len(slugs))
	var shared []string
	for p, slug := range slugs {
		if count[slug] == 1 {
			out[p] = slug
			taken[slug] = true
		} else {
			shared = append(shared, p)
		}
	}
	sort.Strings(shared)
	for _, p := range shared {
		prefix := strings.Trim(strings.ReplaceAll(strings.Trim(p, "/"), "/", "-"), "-")
		if prefix == "" {
			prefix = "home"
		}
		if taken[prefix] {
			for n := 2; ; n++ {
				if s := prefix + "-" + strconv.Itoa(n); !taken[s] {
					prefix = s
					break
				}
			}
		}
		out[p] = prefix
		taken[prefix] = true
	}
	return out
}
