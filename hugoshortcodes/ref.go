package hugoshortcodes

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/affsite/affsite/shortcodes"
)

// PageRef is one page that ref and relref can link to.
type PageRef struct {
	// File is the page's source path, "content/posts/x.md"; for a section
	// without an _index.md, its folder, "content/posts".
	File                    string
	RelPermalink, Permalink string
}

// PageIndex finds pages by the paths Hugo's ref and relref take. It is
// built once per build and read by every page at once.
type PageIndex struct {
	byPath map[string]*PageRef   // "/posts/x.md", "/posts/x", "/posts" (lower case)
	byName map[string][]*PageRef // "x.md", "x", a bundle's folder name
}

// NewPageIndex indexes pages.
func NewPageIndex(pages []PageRef) *PageIndex {
	ix := &PageIndex{byPath: map[string]*PageRef{}, byName: map[string][]*PageRef{}}
	for i := range pages {
		p := &pages[i]
		rel := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(p.File, "content"), "/"))
		keys := []string{"/" + rel}
		names := []string{}
		ext := path.Ext(rel)
		noExt := strings.TrimSuffix(rel, ext)
		if ext != "" {
			keys = append(keys, "/"+noExt)
			names = append(names, path.Base(rel), path.Base(noExt))
		}
		switch base := path.Base(noExt); {
		case ext == "": // a section folder
			names = append(names, path.Base(rel))
		case base == "index" || base == "_index":
			dir := path.Dir(rel)
			keys = append(keys, path.Clean("/"+dir))
			names = []string{path.Base(dir)}
		}
		for _, k := range keys {
			if _, taken := ix.byPath[k]; !taken {
				ix.byPath[k] = p
			}
		}
		for _, n := range names {
			if n != "." && n != "" {
				ix.byName[n] = append(ix.byName[n], p)
			}
		}
	}
	return ix
}

// Find returns the page ref names, seen from the page whose source is
// from: a path relative to from's folder, else to content/ ("posts/x.md",
// "/posts/x", "x.md", "../about"), or a file or bundle name that only one
// page has ("x.md", "x").
func (ix *PageIndex) Find(from, ref string) (*PageRef, error) {
	p := strings.ToLower(strings.TrimSpace(ref))
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}
	tries := refPaths(from, p)
	if ix != nil {
		if pr, found, err := ix.lookup(ref, p, tries); found || err != nil {
			return pr, err
		}
	}
	looked := make([]string, len(tries))
	for i, t := range tries {
		looked[i] = "content" + t
	}
	return nil, fmt.Errorf("REF_NOT_FOUND: no page %q (looked for %s)", ref, strings.Join(slices.Compact(looked), " and "))
}

// refPaths are the content paths ref p (lower case) may name from the
// page of file from: a path from content/ as it is; any other first
// beside from, then from content/.
func refPaths(from, p string) []string {
	if strings.HasPrefix(p, "/") {
		return []string{path.Clean(p)}
	}
	dir := path.Dir(strings.TrimPrefix(strings.ToLower(from), "content"))
	return []string{path.Join("/", dir, p), path.Clean("/" + p)}
}

// lookup finds the page at the first of tries, else, for a bare name,
// the one page of that name; more than one is an error.
func (ix *PageIndex) lookup(ref, p string, tries []string) (*PageRef, bool, error) {
	for _, t := range tries {
		if pr, ok := ix.byPath[t]; ok {
			return pr, true, nil
		}
	}
	if strings.Contains(p, "/") {
		return nil, false, nil
	}
	switch found := ix.byName[p]; len(found) {
	case 0:
		return nil, false, nil
	case 1:
		return found[0], true, nil
	default:
		return nil, false, ambiguous(ref, found)
	}
}

// ambiguous is the error of a ref that names several pages.
func ambiguous(ref string, found []*PageRef) error {
	files := make([]string, len(found))
	for i, f := range found {
		files[i] = f.File
	}
	sort.Strings(files)
	return fmt.Errorf("%q is ambiguous: %s; give the path from content/", ref, strings.Join(files, ", "))
}

// Ref is Hugo's ref shortcode: the absolute URL of a page.
//
//	{{< ref "posts/kartra-review.md" >}}
//	{{< ref "/about#team" >}}
func (pg *Page) Ref(inv *shortcodes.Invocation) error { return pg.ref(inv, false) }

// RelRef is Hugo's relref shortcode: the page's URL from the site root.
//
//	[the review]({{< relref "kartra-review" >}})
func (pg *Page) RelRef(inv *shortcodes.Invocation) error { return pg.ref(inv, true) }

func (pg *Page) ref(inv *shortcodes.Invocation, rel bool) error {
	target, err := required(inv, "path", 0)
	if err != nil {
		return err
	}
	if f := arg(inv, "outputFormat", 1); f != "" && !strings.EqualFold(f, "html") {
		return inv.Errorf("shortcode %q: outputFormat %q: affsite writes HTML pages only", inv.Name, f)
	}
	if l := arg(inv, "lang", -1); l != "" {
		return inv.Errorf("shortcode %q: lang %q: links to a translation are not supported", inv.Name, l)
	}
	p, frag, _ := strings.Cut(target, "#")
	link := ""
	if p != "" {
		var ix *PageIndex
		if pg.Refs != nil {
			ix = pg.Refs()
		}
		page, err := ix.Find(pg.File, p)
		if err != nil {
			return inv.Errorf("shortcode %q: %v", inv.Name, err)
		}
		link = page.Permalink
		if rel {
			link = page.RelPermalink
		}
	}
	if frag != "" {
		link += "#" + frag
	}
	inv.Data = link
	return nil
}
