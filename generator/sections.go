package generator

import (
	"path"
	"sort"
	"strings"
	"time"

	"github.com/affsite/affsite/tplfuncs"
)

// Sections form a tree, as in Hugo: every folder at the top of content/
// is a section, and so is a folder below it that has an _index.md (a
// nested section). A page belongs to the nearest section above it; a
// section's list holds its own pages and its child sections, each with
// its paginated list page and feed at the section's path
// (/posts/guides/). Site.Sections maps each section's folder below
// content/ ("posts", "posts/guides") to its list page.

// sectionTree is what a page knows of the tree; the zero value is a page
// outside it.
type sectionTree struct {
	parent   *Page   // the section above (home for top-level sections and pages)
	sections []*Page // a section's child sections, by path
	regular  []*Page // a section's own regular pages, newest first
	key      string  // a section's folder below content/, "posts/guides"
}

// Parent is the section the page is in (the home page for a top-level
// section or page), nil for the home page, as Hugo's .Parent.
func (p *Page) Parent() *Page { return p.tree.parent }

// CurrentSection is the page itself for the home page and sections, else
// the section it is in, as Hugo's .CurrentSection.
func (p *Page) CurrentSection() *Page {
	if p.Kind == KindSection || p.Kind == KindHome || p.tree.parent == nil {
		return p
	}
	return p.tree.parent
}

// FirstSection is the top-level section the page is in (the home page
// for pages outside sections), as Hugo's .FirstSection.
func (p *Page) FirstSection() *Page {
	s := p.CurrentSection()
	for s.tree.parent != nil && s.tree.parent.Kind != KindHome {
		s = s.tree.parent
	}
	return s
}

// Sections are a section's (or the home page's) child sections.
func (p *Page) Sections() []*Page { return p.tree.sections }

// RegularPages are a section's own regular pages, those of its child
// sections left out; on the home page, the pages outside sections.
func (p *Page) RegularPages() []*Page { return p.tree.regular }

// RegularPagesRecursive are the regular pages of a section and of every
// section below it, newest first.
func (p *Page) RegularPagesRecursive() []*Page {
	out := append([]*Page(nil), p.tree.regular...)
	for _, s := range p.tree.sections {
		out = append(out, s.RegularPagesRecursive()...)
	}
	sortPages(out)
	return out
}

// IsSection tells whether p is a section's list page.
func (p *Page) IsSection() bool { return p.Kind == KindSection }

// IsAncestor tells whether p is a section above other.
func (p *Page) IsAncestor(other *Page) bool {
	for s := other.tree.parent; s != nil; s = s.tree.parent {
		if s == p {
			return true
		}
	}
	return false
}

// IsDescendant tells whether p is below the section other.
func (p *Page) IsDescendant(other *Page) bool { return other.IsAncestor(p) }

// InSection tells whether p is in the section other (directly).
func (p *Page) InSection(other *Page) bool { return p.CurrentSection() == other }

// sectionKeyOf is the folder of the section a content page is in: the
// nearest folder above it with an _index.md below the top level, else
// its top-level section; "" for pages outside sections.
func sectionKeyOf(p *Page, sections map[string]*source) string {
	if p.Section == "" {
		return ""
	}
	rel := strings.TrimPrefix(p.key, "content/")
	dir := path.Dir(rel)
	if path.Base(rel) == "index.md" {
		dir = path.Dir(dir) // a bundle's folder is not a section
	}
	for ; strings.Contains(dir, "/"); dir = path.Dir(dir) {
		if _, ok := sections[dir]; ok {
			return dir
		}
	}
	return p.Section
}

// assembleSections makes every section's list page, from the content
// pages (newest first) and the _index.md files by folder, into
// b.site.Sections, and links the tree below home.
func (b *builder) assembleSections(pages []*Page, sections map[string]*source, home *Page) {
	b.site.Sections = map[string]*Page{}
	b.placePages(pages, sections, home)
	// Sections with an _index.md and no pages still get a list.
	for _, key := range sortedKeys(sections) {
		if key != "" {
			b.section(key, sections)
		}
	}
	for _, key := range sortedKeys(b.site.Sections) {
		top, _, _ := strings.Cut(key, "/")
		b.section(top, sections) // a top-level folder is always a section
	}
	b.linkSections(home)
}

// section returns the section of key, made (with its _index.md's front
// matter) the first time.
func (b *builder) section(key string, sections map[string]*source) *Page {
	if sec, ok := b.site.Sections[key]; ok {
		return sec
	}
	top, _, _ := strings.Cut(key, "/")
	var segs []string
	for _, s := range strings.Split(key, "/") {
		segs = append(segs, tplfuncs.URLize(s))
	}
	dir := strings.Join(segs, "/") + "/" // where its pages are: content/Posts/ lists at /posts/, as in Hugo
	sec := b.listPage(KindSection, b.sectionTitle(key), dir)
	sec.Section = top
	sec.tree.key = key
	if s, ok := sections[key]; ok {
		b.fillFromIndex(sec, s)
	}
	b.site.Sections[key] = sec
	return sec
}

// placePages puts each page in its section's tree and list, or the
// home page's.
func (b *builder) placePages(pages []*Page, sections map[string]*source, home *Page) {
	home.tree = sectionTree{}
	for _, p := range pages {
		p.tree = sectionTree{parent: home}
		key := sectionKeyOf(p, sections)
		if key == "" {
			home.tree.regular = append(home.tree.regular, p)
			continue
		}
		if !inSectionList(p) {
			// Of type page: in the tree, not on the list.
			if sec, ok := b.site.Sections[key]; ok {
				p.tree.parent = sec
			}
			continue
		}
		sec := b.section(key, sections)
		p.tree.parent = sec
		sec.Pages = append(sec.Pages, p)
		sec.tree.regular = append(sec.tree.regular, p)
	}
}

// linkSections gives each section its parent (the nearest section
// above it, or home) and its child sections, in key order.
func (b *builder) linkSections(home *Page) {
	keys := sortedKeys(b.site.Sections)
	for _, key := range keys {
		sec := b.site.Sections[key]
		parent := home
		for dir := path.Dir(key); dir != "."; dir = path.Dir(dir) {
			if sp, ok := b.site.Sections[dir]; ok {
				parent = sp
				break
			}
		}
		sec.tree.parent = parent
		parent.tree.sections = append(parent.tree.sections, sec)
	}
	byKey := func(ps []*Page) {
		sort.Slice(ps, func(i, j int) bool { return ps[i].tree.key < ps[j].tree.key })
	}
	for _, key := range keys {
		sec := b.site.Sections[key]
		byKey(sec.tree.sections)
		if len(sec.tree.sections) > 0 {
			listChildSections(sec)
		}
	}
	byKey(home.tree.sections)
}

// listChildSections lists a section's child sections with its pages, as
// Hugo does; a nested section is dated by its newest page.
func listChildSections(sec *Page) {
	for _, c := range sec.tree.sections {
		for _, p := range c.RegularPagesRecursive() {
			c.Date = later(c.Date, p.Date)
			c.Lastmod = later(c.Lastmod, p.Lastmod)
		}
	}
	sec.Pages = append(sec.Pages, sec.tree.sections...)
	sortPages(sec.Pages)
}

// isNestedSection tells whether a Site.Sections key is a section below
// the top level, which the navigation leaves out as Hugo's
// sectionPagesMenu does.
func isNestedSection(key string) bool { return strings.Contains(key, "/") }

// later is the later of a and b.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
