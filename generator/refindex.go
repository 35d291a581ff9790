package generator

import (
	"sort"
	"sync"

	"github.com/affsite/affsite/hugoshortcodes"
)

// refIndex is the page index that ref, relref and .Site.GetPage read:
// the build's content pages and lists, indexed at the first lookup
// (after a Session's edits placed the pages). Each build has its own.
// The pages by file are indexed at the first page's shortcodes, the
// refs only at the first ref: most sites have none, and the refs of a
// large site are sizeable (about 550 B a page).
type refIndex struct {
	pagesOnce, refsOnce sync.Once
	refs                *hugoshortcodes.PageIndex
	pages               map[string]*source // by file and by content key
}

// refPage returns the content page of file.
func (b *builder) refPage(file string) *source {
	b.refs.pagesOnce.Do(b.indexPages)
	return b.refs.pages[file]
}

// pageIndex returns the page index of ref and relref.
func (b *builder) pageIndex() *hugoshortcodes.PageIndex {
	b.refs.refsOnce.Do(b.indexRefs)
	return b.refs.refs
}

// indexPages indexes the build's content pages by file.
func (b *builder) indexPages() {
	pages := make(map[string]*source, 2*len(b.srcs))
	for _, s := range b.srcs {
		pages[s.file], pages[s.key] = s, s
	}
	b.refs.pages = pages
}

// indexRefs indexes the build's pages for ref.
func (b *builder) indexRefs() {
	var refs []hugoshortcodes.PageRef
	for _, s := range b.srcs {
		refs = append(refs, hugoshortcodes.PageRef{File: s.key, RelPermalink: s.page.RelPermalink, Permalink: s.page.Permalink})
	}
	if b.site != nil {
		for name, p := range b.site.Sections {
			if _, ok := b.sectionSources[name]; !ok && p != nil {
				refs = append(refs, hugoshortcodes.PageRef{File: "content/" + name, RelPermalink: p.RelPermalink, Permalink: p.Permalink})
			}
		}
	}
	for name, s := range b.sectionSources {
		p := s.page // the list page's URL, where there is one
		if sp := b.sectionListPage(name); sp != nil {
			p = sp
		}
		if p != nil {
			refs = append(refs, hugoshortcodes.PageRef{File: s.key, RelPermalink: p.RelPermalink, Permalink: p.Permalink})
		}
	}
	// Where two pages claim one path, the first by file wins, on every run.
	sort.Slice(refs, func(i, j int) bool { return refs[i].File < refs[j].File })
	b.refs.refs = hugoshortcodes.NewPageIndex(refs)
}
