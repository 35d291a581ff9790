package generator

import (
	"maps"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// This file is a Session's incremental rebuild of a multilingual site.
// Each language's builder applies the edits of its own content as a
// site of one language does (session.go); program data, shortcode
// templates and static files are every language's. What crosses
// languages:
//
//   - an edited, added or removed page re-renders its translations, the
//     pages of its translation key before and after the edit, in every
//     language (their hreflang links, a translated title);
//   - the pages are linked to their translations again, since an edit
//     replaces the edited page;
//   - an edit that changes what a language switcher shows of a home
//     page or section list (their facts) rebuilds all;
//   - when a language's lists changed, the root's files (the aliases,
//     the sitemap index, the root redirect) are written again.
//
// The languages apply their edits in their order, as a clean build
// renders them, so a page reads its translations as a clean build has
// them.

// sessionPaths are the changed files as needsFullBuild sees them: a
// content file of a multilingual site by its content key
// ("content-de/posts/a.md" and "content/posts/a.fr.md" are
// "content/posts/a.md"), so that an _index.fr.md rebuilds all as an
// _index.md does.
func (b *builder) sessionPaths(changed []string) []string {
	if b.langs == nil {
		return changed
	}
	out := make([]string, len(changed))
	for i, c := range changed {
		c = path.Clean(filepath.ToSlash(c))
		if lb := b.languageOf(c); lb != nil {
			c = lb.contentKey(c)
		}
		out[i] = c
	}
	return out
}

// languageOf is the builder of the language whose content the file is
// (relative to the site), or nil.
func (b *builder) languageOf(file string) *builder {
	dir := ""
	for _, lb := range b.langs {
		if d := lb.contentDir(); strings.HasPrefix(file, d+"/") && len(d) > len(dir) {
			dir = d
		}
	}
	for _, lb := range b.langs {
		if dir != "" && lb.contentDir() == dir && lb.ownsContent(file) {
			return lb
		}
	}
	return nil
}

// incrementalLanguages is incremental for a multilingual site.
func (s *Session) incrementalLanguages(changed []string) (*RebuildReport, error) {
	root := s.last
	old := s.files
	out := &MemOutput{files: maps.Clone(old.files)}
	to := root.sessionOutput(out)
	root.out = to
	incs := map[*builder]*increment{}
	for _, lb := range root.langs {
		lo := lb.out.(langOutput)
		lo.root = to
		incs[lb] = lb.startIncrement(out, lo)
	}
	groups, static, err := root.applyEdits(changed, incs)
	if err != nil {
		return nil, err
	}
	aliases := rootAliases(root.langs)
	if err := root.relink(incs, groups); err != nil {
		return nil, err
	}
	dirty := false
	for _, lb := range root.langs {
		if err := incs[lb].apply(); err != nil {
			return nil, err
		}
		for _, c := range static {
			if err := incs[lb].static(c); err != nil {
				return nil, err
			}
		}
		dirty = dirty || incs[lb].listsDirty
	}
	rep := root.languagesReport()
	if dirty {
		for _, n := range aliases {
			out.remove(n)
		}
		if err := root.writeLanguageRoot(root.langs, rep); err != nil {
			return nil, err
		}
	}
	rep.Files = len(out.files)
	s.files = out
	rr := &RebuildReport{Report: rep}
	rr.Changed, rr.Removed = diffOutputs(old, out)
	return rr, nil
}

// applyEdits hands each change to the languages it concerns, and
// returns the translation groups of the content pages edited, as they
// were, and the static files changed, which every language copies
// after its pages.
func (b *builder) applyEdits(changed []string, incs map[*builder]*increment) ([][]*Page, []string, error) {
	content := func(c string) bool { return b.languageOf(c) != nil }
	shown := func(c string) bool {
		return slices.ContainsFunc(b.langs, func(lb *builder) bool { return lb.showsPicture(c) })
	}
	cs, err := sortChanges(changed, content, shown)
	if err != nil {
		return nil, nil, err
	}
	for _, lb := range b.langs {
		if err := incs[lb].reload(cs); err != nil {
			return nil, nil, err
		}
	}
	var groups [][]*Page
	for _, c := range cs.content {
		lb := b.languageOf(c)
		for _, s := range lb.srcs {
			if s.file == c {
				groups = append(groups, s.page.AllTranslations())
			}
		}
		if err := incs[lb].content(c); err != nil {
			return nil, nil, err
		}
	}
	return groups, cs.static, nil
}

// relink assembles again the lists of the languages whose edits need
// it, links every page to its translations again, and marks the
// translations of the edited pages (groups, as they were, and as they
// are) for rendering. A change to what the languages' home pages and
// section lists show rebuilds all.
func (b *builder) relink(incs map[*builder]*increment, groups [][]*Page) error {
	before := crossFacts(b.langs)
	for _, lb := range b.langs {
		inc := incs[lb]
		if !inc.listsDirty {
			continue
		}
		if err := inc.reassemble(); err != nil {
			return err
		}
		inc.assembled = true
		lb.lang.aliases = nil // written again with the site's files
	}
	linkTranslations(b.langs)
	if crossFacts(b.langs) != before {
		return errFullBuild
	}
	where := map[*Page]*source{}
	owner := map[*Page]*builder{}
	for _, lb := range b.langs {
		for _, s := range lb.srcs {
			where[s.page], owner[s.page] = s, lb
		}
	}
	for _, lb := range b.langs {
		for s := range incs[lb].render {
			groups = append(groups, s.page.AllTranslations())
		}
	}
	for _, g := range groups {
		for _, p := range g {
			if s, ok := where[p]; ok {
				incs[owner[p]].render[s] = true
			}
		}
	}
	return nil
}

// crossFacts is what a language switcher may show of every language's
// home page and section lists.
func crossFacts(bs []*builder) string {
	var sb strings.Builder
	for _, lb := range bs {
		sb.WriteString("\x00language " + lb.lang.Lang)
		if lb.home != nil {
			sb.WriteString(factsOf(&source{page: lb.home}).list(true))
		}
		for _, name := range sortedKeys(lb.site.Sections) {
			sb.WriteString("\x00" + name + factsOf(&source{page: lb.site.Sections[name]}).list(true))
		}
	}
	return sb.String()
}

// languagesReport is the report of a rebuild of every language.
func (b *builder) languagesReport() *Report {
	rep := &Report{Config: b.cfg}
	for _, lb := range b.langs {
		rep.Pages += len(lb.srcs)
		rep.Warnings = append(rep.Warnings, lb.warnings...)
		rep.Links = append(rep.Links, lb.manifest()...)
		rep.Sources = append(rep.Sources, records(lb.srcs)...)
		if rep.Programs == nil {
			rep.Programs, rep.Registry = lb.programs, lb.linkSet
		}
	}
	rep.Warnings = append(rep.Warnings, b.stringWarnings()...)
	rep.Warnings.Sort()
	sort.Slice(rep.Sources, func(i, j int) bool { return rep.Sources[i].URL < rep.Sources[j].URL })
	return rep
}

// rootAliases are the files of the aliases the languages' pages ask
// for, which the root has.
func rootAliases(bs []*builder) []string {
	var names []string
	for _, lb := range bs {
		for _, a := range lb.lang.aliases {
			names = append(names, a.out)
		}
	}
	return names
}

// drop removes the output file n of inc's builder, where its output
// puts it (below a language's prefix).
func (inc *increment) drop(n string) {
	inc.touched = append(inc.touched, n)
	if lo, ok := inc.b.out.(langOutput); ok {
		n = lo.path(n)
	}
	inc.out.remove(n)
}
