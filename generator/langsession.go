package generator

import (
	"slices"
)

// This file is a Session's incremental rebuild of a multilingual site.
// Each language has a new builder over what the last build left of it
// (sessionstate.go), which applies the edits of its own content as a
// site of one language does (session.go), and edits copies of what it
// writes: the pages it renders, with their translations, and the lists
// that hold them, or every page of every language when the lists are
// assembled again (sessionown.go);
// program data, shortcode templates and static files are every
// language's. What crosses languages:
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

// incrementalLanguages is incremental for a multilingual site.
func (s *Session) incrementalLanguages(changed []string) (*RebuildReport, error) {
	old := s.files
	out := old.clone()
	root := s.last.builds(s.last.root.env.sessionOutput(out))
	incs := map[*builder]*increment{}
	for i, lb := range root.langs {
		incs[lb] = newIncrement(lb, s.last.langs[i], out)
	}
	groups, changedStatic, err := root.applyEdits(changed, incs, s.last.envs())
	if err != nil {
		return nil, err
	}
	if err := root.relink(incs, groups); err != nil {
		return nil, err
	}
	static, err := readStatic(root.opts.Source, changedStatic)
	if err != nil {
		return nil, err
	}
	next := &sessionState{root: s.last.root}
	dirty := false
	var touched []string
	for _, lb := range root.langs {
		inc := incs[lb]
		if err := inc.finish(static); err != nil {
			return nil, err
		}
		dirty = dirty || inc.listsDirty
		next.langs = append(next.langs, inc.next())
		touched = append(touched, inc.touched...)
	}
	reps := make([]*Report, len(root.langs))
	for i, lb := range root.langs {
		reps[i] = lb.report()
	}
	rep := root.joinReports(reps)
	if dirty {
		gone := rootAliases(s.last.langs)
		for _, n := range gone {
			out.remove(n)
		}
		wrote, err := root.writeLanguageRoot(next.langs, rep)
		if err != nil {
			return nil, err
		}
		touched = append(append(touched, gone...), wrote...)
	}
	rep.Files = out.count()
	s.files, s.last = out, next
	rr := &RebuildReport{Report: rep}
	rr.Changed, rr.Removed = diffTouched(old, out, touched)
	return rr, nil
}

// applyEdits hands each change to the languages it concerns (envs are
// their environments, in order), and returns the translation groups of
// the content pages edited, as they were, and the static files changed,
// which every language copies after its pages.
func (b *builder) applyEdits(changed []string, incs map[*builder]*increment, envs []*siteEnv) ([][]*Page, []string, error) {
	langOf := func(c string) *builder {
		if i := languageOf(envs, c); i >= 0 {
			return b.langs[i]
		}
		return nil
	}
	content := func(c string) bool { return langOf(c) != nil }
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
		lb := langOf(c)
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

// relink marks the translations of the edited pages (groups, as they
// were, and as they are) for rendering, and gives each language's
// rebuild its own copy of what it renders (ownRendered: the groups
// stay as they were, an edit that changes one changes the lists).
// When a language's lists must be assembled again (reassemble), every
// language copies its whole value first and every page is linked to
// its translations again; a change to what the languages' home pages
// and section lists show then rebuilds all.
func (b *builder) relink(incs map[*builder]*increment, groups [][]*Page) error {
	all := make([]*increment, len(b.langs))
	dirty := false
	for i, lb := range b.langs {
		all[i] = incs[lb]
		dirty = dirty || all[i].listsDirty
	}
	if !dirty {
		b.markTranslations(incs, groups)
		ownRendered(all) // sessionown.go
		return nil
	}
	r := ownAll(all) // sessionown.go
	for i, g := range groups {
		groups[i] = r.list(g) // the copies of the pages, in a new list
	}
	before := crossFacts(b.langs)
	for _, inc := range all {
		if !inc.listsDirty {
			continue
		}
		if err := inc.reassemble(); err != nil {
			return err
		}
		inc.assembled = true
	}
	linkTranslations(b.langs)
	if crossFacts(b.langs) != before {
		return errFullBuild
	}
	b.markTranslations(incs, groups)
	return nil
}

// markTranslations marks for rendering the pages of the groups and the
// translations of the pages marked; as relisted too when list cards
// reach other pages (listsReachPages), whose cards may show them.
func (b *builder) markTranslations(incs map[*builder]*increment, groups [][]*Page) {
	for _, lb := range b.langs {
		for s := range incs[lb].render {
			groups = append(groups, s.page.AllTranslations())
		}
	}
	// One pass over the pages marks those of the groups: a set of the
	// few pages the edits reach, not a map of every page.
	marked := map[*Page]bool{}
	for _, g := range groups {
		for _, p := range g {
			marked[p] = true
		}
	}
	for _, lb := range b.langs {
		for _, s := range lb.srcs {
			if marked[s.page] {
				incs[lb].render[s] = true
				if lb.tmpl.use.listsReachPages { // a card may show its page's translations
					incs[lb].relisted[s.page] = true
				}
			}
		}
	}
}

// rootAliases are the files of the aliases the languages' pages asked
// for, which the root has.
func rootAliases(langs []*siteState) []string {
	var names []string
	for _, l := range langs {
		for _, a := range l.wrote.aliases {
			names = append(names, a.out)
		}
	}
	return names
}

// drop removes the output file n of inc's builder, where its output
// puts it (below a language's prefix).
func (inc *increment) drop(n string) {
	n = inc.outName(n)
	inc.touched = append(inc.touched, n)
	inc.out.remove(n)
}
