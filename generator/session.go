package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/sitefile"
	"github.com/affsite/affsite/programs"
)

// Session keeps a site built in memory and rebuilds it on request, for
// the preview server. After an edit it re-renders only what the edit
// affects, from what the last build recorded: a post's text re-renders
// that page (and, when its title, date, summary, terms or links change,
// the pagers and feeds that show it, or all lists when its place in them
// changes or a list's cards read other pages through theirs, and every
// page when a page's layout lists others or calls GetPage, and the pages
// using ref or relref, when a page comes, goes or moves); a program data
// file re-renders the pages that use the program; a shortcode template re-renders the pages that use the
// shortcode; a static file is copied (a picture a product box shows
// rebuilds the site: the box has its size). Anything else (site.toml, other
// layouts, other data, _index.md files, page bundles, removed static
// files, the disclosure's template) rebuilds the whole site.
// The result equals a clean build; tests hold it to that.
//
// Each rebuild makes a new builder over what the last good build left
// (sessionState: its environment, its site value with each page's
// result, the files its lists and site-wide outputs wrote), so no
// build's output, warnings or caches reach the next, and edits a site
// value of its own, which shares with the last one only what it does
// not write (sessionown.go, derive.go). The Session keeps the new state
// only when the rebuild succeeds: a failed rebuild leaves the last good
// build being served and its state as it was, and the next rebuild
// starts from it again, with the files the failed one was told of
// (pending) besides its own. (A failed full build makes the next one
// full.)
//
// With Options.CacheDir set, the first build reuses the pages of the
// last session's first build whose inputs did not change, and their
// per-page results (links, programs and shortcodes used, pictures
// read), from the cache's own folder for sessions (SessionCacheDir), and
// saves what it built there for the next session. Later full builds
// (after a configuration or layout edit, which change every page's key)
// neither read nor write it: saving every page again would cost them a
// fifth more.
type Session struct {
	opts Options

	mu    sync.Mutex
	files *MemOutput
	last  *sessionState // what the last good build left; nil forces a full build
	// pending are the files that changed since the last good build, that
	// rebuilds which failed were told of.
	pending []string
}

// RebuildReport tells what a rebuild changed.
type RebuildReport struct {
	*Report
	// Changed and Removed list the output files (slash paths, as in
	// MemOutput) that differ from the previous build, sorted.
	Changed []string
	Removed []string
	// Full tells whether the whole site was rebuilt.
	Full bool
}

// NewSession returns a session for the site opts describe. opts.Output
// and opts.Dest are ignored: the session keeps its files in memory.
func NewSession(opts Options) *Session {
	opts.Output = nil
	return &Session{opts: opts}
}

// Files returns the last good build, or nil before the first one.
func (s *Session) Files() *MemOutput {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files
}

// Rebuild brings the build up to date after the files named in changed
// (paths relative to the site root, slash-separated) were created,
// edited or removed. With no paths, or the first time, it builds all.
func (s *Session) Rebuild(changed []string) (*RebuildReport, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	var rr *RebuildReport
	var err error
	if s.files != nil && s.files.Lost() {
		s.last = nil // a page the cache held is missing (memlazy.go)
	}
	full := s.last == nil || len(changed) == 0
	if !full {
		changed = append(slices.Clone(s.pending), changed...)
		if full = needsFullBuild(s.last.sessionPaths(changed)); !full {
			rr, err = s.incremental(changed)
			full = errors.Is(err, errFullBuild)
		}
	}
	if full {
		rr, err = s.full()
	}
	switch {
	case err == nil:
		s.pending = nil
	case full:
		s.last, s.pending = nil, nil
	default:
		s.pending = changed // the last good state has not seen them
	}
	if err != nil {
		return nil, err
	}
	rr.Duration = time.Since(start)
	return rr, nil
}

// errFullBuild means an incremental rebuild found a change it does not
// track, so the whole site must be built.
var errFullBuild = errors.New("full build needed")

// full builds the whole site into a new MemOutput.
func (s *Session) full() (*RebuildReport, error) {
	out := NewMemOutput()
	b, err := newBuilder(s.opts)
	if err != nil {
		return nil, err
	}
	if s.files == nil {
		if err := b.openSessionCache(out); err != nil {
			return nil, err
		}
	}
	b.out = b.sessionOutput(out)
	rep, err := b.runAll()
	if err != nil {
		return nil, err
	}
	// Incremental rebuilds render what changed (their builders have no
	// cache); the cache is for the next session's start.
	b.saveCache(rep)
	prev := s.files
	s.files, s.last = out, b.sessionState()
	rr := &RebuildReport{Report: rep, Full: true}
	rr.Changed, rr.Removed = diffOutputs(prev, out)
	return rr, nil
}

// needsFullBuild tells whether a change touches something incremental
// rebuilds do not track.
func needsFullBuild(changed []string) bool {
	for _, c := range changed {
		c = path.Clean(filepath.ToSlash(c))
		switch {
		case strings.HasPrefix(c, "content/") && strings.HasSuffix(c, ".md") && path.Base(c) != "_index.md" && path.Base(c) != "index.md":
			// A post. (_index.md gives a list its text; index.md heads a
			// page bundle, whose resources only a full build copies.)
		case strings.HasPrefix(c, "data/programs/"):
		case strings.HasPrefix(c, "static/") && !mergedStatic(strings.TrimPrefix(c, "static/")) && c != "static/robots.txt" && !fingerprintable(c):
			// A static file is copied; not those merged with, or
			// replacing, files the build writes (hostfiles.go), nor CSS
			// and JavaScript, whose new names every page links.
		case shortcodeTemplate(c) != "":
		default:
			return true
		}
	}
	return false
}

// incremental applies changed to the last build. It works on a copy of
// the served files, so a failure leaves them as they were.
func (s *Session) incremental(changed []string) (*RebuildReport, error) {
	if s.last.langs != nil {
		return s.incrementalLanguages(changed) // langsession.go
	}
	old := s.files
	out := old.clone()
	b := s.last.builds(s.last.root.env.sessionOutput(out))
	inc := newIncrement(b, s.last.root, out)

	cs, err := sortChanges(changed, func(c string) bool { return strings.HasPrefix(c, "content/") }, b.showsPicture)
	if err != nil {
		return nil, err
	}
	if err := inc.reload(cs); err != nil {
		return nil, err
	}
	for _, c := range cs.content {
		if err := inc.content(c); err != nil {
			return nil, err
		}
	}
	static, err := readStatic(b.opts.Source, cs.static)
	if err != nil {
		return nil, err
	}
	if err := inc.finish(static); err != nil {
		return nil, err
	}
	s.files, s.last = out, &sessionState{root: inc.next()}
	rr := &RebuildReport{Report: b.report()}
	rr.Files = out.count()
	rr.Changed, rr.Removed = diffTouched(old, out, inc.touched)
	return rr, nil
}

// changeSet is the files a rebuild is told of, by what they are.
type changeSet struct {
	content, static []string // each sorted once
	programs        bool     // program data (any other file rebuilds all)
	templates       map[string]bool
}

// sortChanges sorts the changed files: content tells a content file,
// shown a static picture a product box shows, whose change rebuilds all
// (the box has its size).
func sortChanges(changed []string, content, shown func(string) bool) (changeSet, error) {
	cs := changeSet{templates: map[string]bool{}}
	for _, c := range changed {
		c = path.Clean(filepath.ToSlash(c))
		switch {
		case shortcodeTemplate(c) != "":
			cs.templates[shortcodeTemplate(c)] = true
		case content(c):
			cs.content = append(cs.content, c)
		case strings.HasPrefix(c, "static/"):
			if shown(c) {
				return changeSet{}, errFullBuild
			}
			cs.static = append(cs.static, c)
		default:
			cs.programs = true
		}
	}
	cs.content, cs.static = dedupe(cs.content), dedupe(cs.static)
	return cs, nil
}

// reload reads again the program data and the shortcode templates when
// cs changes them.
func (inc *increment) reload(cs changeSet) error {
	if inc.b.tmpl.use.othersBody && (len(cs.content) > 0 || cs.programs || len(cs.templates) > 0) {
		return errFullBuild // a page may show any other's body, rendered first (renderBodies)
	}
	if cs.programs {
		if err := inc.reloadPrograms(); err != nil {
			return err
		}
	}
	if len(cs.templates) > 0 {
		return inc.reloadShortcodes(cs.templates)
	}
	return nil
}

// shortcodeTemplate returns the shortcode a changed file is the template
// of (layouts/shortcodes/NAME.html, in the site or a theme), or "". The
// disclosure's template is left out: "auto" mode puts it on pages that
// do not name it, so a change to it rebuilds all.
func shortcodeTemplate(file string) string {
	rest, ok := strings.CutPrefix(file, "layouts/shortcodes/")
	if !ok {
		if t, ok2 := strings.CutPrefix(file, "themes/"); ok2 {
			_, rest, ok = strings.Cut(t, "/layouts/shortcodes/")
		}
	}
	name, isHTML := strings.CutSuffix(rest, ".html")
	if !ok || !isHTML || name == "" || strings.Contains(name, "/") || name == "disclosure" {
		return ""
	}
	return name
}

func dedupe(ss []string) []string {
	sort.Strings(ss)
	return slices.Compact(ss)
}

// sessionOutput is where a rebuild into out writes: out, minified when
// the site is.
func (e *siteEnv) sessionOutput(out *MemOutput) Output {
	if e.opts.Minify || bool(e.cfg.Minify) {
		return minified{Output: out, min: newMinifier()}
	}
	return out
}

// newIncrement is the work of a rebuild by b, a new builder over what
// the last build left of its site (last), into out.
func newIncrement(b *builder, last *siteState, out *MemOutput) *increment {
	return &increment{
		b: b, last: last, out: out, render: map[*source]bool{}, relisted: map[*Page]bool{},
		shared: true, swaps: map[*Page]*Page{}, fresh: map[*source]bool{}, // sessionown.go
	}
}

// next is what the rebuild leaves of its site: the files of the lists
// and site-wide outputs are the last build's unless it wrote them all
// again.
func (inc *increment) next() *siteState {
	st := inc.b.state()
	if !inc.listsDirty {
		st.wrote = inc.last.wrote
	}
	return st
}

// finish renders what the edits made stale (apply), then copies the
// changed static files.
func (inc *increment) finish(static []staticFile) error {
	if err := inc.apply(); err != nil {
		return err
	}
	for _, c := range static {
		if err := inc.static(c); err != nil {
			return err
		}
	}
	return nil
}

// increment is the work of one incremental rebuild.
type increment struct {
	b               *builder
	last            *siteState // what the last build left of the site
	out             *MemOutput
	render          map[*source]bool // content pages to render again
	listsDirty      bool             // lists, feeds and sitemap must be rendered again
	relisted        map[*Page]bool   // pages whose look in lists changed, not their place
	programsChanged bool             // program data changed: /go/ pages and hosting files
	linksDirty      bool             // the manifest or the /go/ pages must be written again
	touched         []string         // output files written or removed, by their names in out
	assembled       bool             // the lists were assembled again already (langsession.go)
	ownsAll         bool             // the rebuild owns its whole site value (ownAll)
	// shared tells whether the site value shares its sources and pages
	// with the last build's, which the rebuild must not write
	// (sessionown.go): swaps are the pages it replaced, by the page
	// replaced, and fresh the sources it read again.
	shared bool
	swaps  map[*Page]*Page
	fresh  map[*source]bool
}

// reloadPrograms reads the program data again and marks the pages that
// use a changed program.
func (inc *increment) reloadPrograms() error {
	b := inc.b
	set, err := programs.Load(newSourceFS(b.opts.Source, ""), "data/programs")
	if err != nil {
		return err
	}
	oldIDs, newIDs := b.programs.IDs(), set.IDs()
	if !slices.Equal(oldIDs, newIDs) {
		return errFullBuild // links to a new or removed program change everywhere
	}
	changed := map[string]bool{}
	for _, id := range newIDs {
		o, _ := b.programs.Get(id)
		n, _ := set.Get(id)
		if !reflect.DeepEqual(o, n) {
			if !slices.Equal(o.Domains, n.Domains) || hostOf(o.URL) != hostOf(n.URL) || hostOf(o.SignupURL) != hostOf(n.SignupURL) {
				return errFullBuild // which links count as affiliate links changed
			}
			changed[id] = true
		}
	}
	b.programs = set
	for _, s := range b.srcs {
		if changed[s.page.Program] {
			inc.render[s] = true
			// Its list cards show the program's image and rating.
			inc.relisted[s.page] = true
			continue
		}
		for _, id := range s.result.programs {
			if changed[id] {
				inc.render[s] = true
				break
			}
		}
	}
	inc.linksDirty = len(changed) > 0
	inc.programsChanged = len(changed) > 0
	return nil
}

// reloadShortcodes compiles the templates again after shortcode
// templates changed, and marks the pages that use those shortcodes (the
// lists too when a section's _index.md uses one).
func (inc *increment) reloadShortcodes(names map[string]bool) error {
	b := inc.b
	tmpl, err := loadTemplates(b.layers(), b.templateFuncs())
	if err != nil {
		return err
	}
	if tmpl.use.singleReadsLists != b.tmpl.use.singleReadsLists || tmpl.use.wordCount != b.tmpl.use.wordCount {
		return errFullBuild
	}
	b.templates, b.tmpl = tmpl, tmpl
	uses := func(s *source) bool {
		for _, n := range s.result.shortcodes {
			if names[n] {
				return true
			}
		}
		return false
	}
	for _, s := range b.srcs {
		if uses(s) {
			inc.render[s] = true
		}
	}
	for _, s := range b.sectionSources {
		if uses(s) {
			inc.listsDirty = true
		}
	}
	return nil
}

func hostOf(u string) string {
	_, rest, _ := strings.Cut(u, "://")
	host, _, _ := strings.Cut(rest, "/")
	return strings.ToLower(host)
}

// content handles one changed content file: read again, added or gone.
func (inc *increment) content(file string) error {
	b := inc.b
	idx := slices.IndexFunc(b.srcs, func(s *source) bool { return s.file == file })
	full := filepath.Join(b.opts.Source, filepath.FromSlash(file))
	var ns *source
	b.keepUnpublished(file, nil) // drop what its last reading gave, if it was left out
	if _, err := os.Stat(full); err == nil {
		ns, err = b.readSource(full)
		if err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if idx < 0 && ns == nil {
		return nil // a draft, or a file that came and went
	}
	if idx >= 0 {
		old := b.srcs[idx]
		var fo, fn pageFacts
		if ns != nil {
			fo, fn = factsOf(old), factsOf(ns)
		}
		if ns != nil && fo.order() == fn.order() {
			// Same place in every list: the page changes, and the lists
			// only where they show it, if they show something new.
			if fo.list(b.tmpl.use.wordCount) != fn.list(b.tmpl.use.wordCount) {
				inc.relisted[ns.page] = true
			}
			ns.result = old.result
			ns.page.HasAffiliateLinks = old.page.HasAffiliateLinks
			ns.page.TableOfContents, ns.page.JSONLD = old.page.TableOfContents, old.page.JSONLD // until rendered
			ns.page.TagTerms, ns.page.CategoryTerms = old.page.TagTerms, old.page.CategoryTerms
			ns.page.tree, ns.page.translations = old.page.tree, old.page.translations
			inc.replace(old, ns)
			b.srcs[idx] = ns
			inc.render[ns] = true
			delete(inc.render, old)
			return nil
		}
		inc.removeOutputs(old)
		b.srcs = slices.Delete(b.srcs, idx, idx+1)
		delete(inc.render, old)
	}
	inc.listsDirty, inc.linksDirty = true, true
	if ns != nil {
		i, _ := slices.BinarySearchFunc(b.srcs, ns.file, func(s *source, f string) int { return strings.Compare(s.file, f) })
		b.srcs = slices.Insert(b.srcs, i, ns)
		inc.render[ns] = true
		inc.fresh[ns] = true
	}
	return nil
}

// replace puts the new reading of a content file (n) where the last
// one (o) stands in the site's lists, which are shared with the last
// build: in new lists (ownRendered), or in copies of them (ownAll).
func (inc *increment) replace(o, n *source) {
	inc.fresh[n] = true
	inc.swaps[o.page] = n.page
}

// removeOutputs drops the files a page wrote: the page and its aliases.
func (inc *increment) removeOutputs(s *source) {
	names := []string{s.outPath}
	if !inc.b.multilingual() { // a multilingual site's are at the root (langsession.go)
		for _, a := range s.page.Aliases {
			names = append(names, aliasOut(a))
		}
	}
	for _, n := range names {
		inc.drop(n)
	}
}

// apply renders what the changes marked: the pages first (lists and
// feeds read whether a page has affiliate links), then the lists.
func (inc *increment) apply() error {
	b := inc.b
	if inc.listsDirty && !inc.assembled {
		if err := inc.reassemble(); err != nil {
			return err
		}
	}
	ownRendered([]*increment{inc}) // sessionown.go
	var todo []*source
	for s := range inc.render {
		todo = append(todo, s)
	}
	sort.Slice(todo, func(i, j int) bool { return todo[i].file < todo[j].file })
	hadLinks := make([]bool, len(todo))
	oldLinks := make([]packedLinks, len(todo))
	shown := make([]string, len(todo))
	for i, s := range todo {
		hadLinks[i], oldLinks[i] = s.page.HasAffiliateLinks, s.result.links
		if b.tmpl.use.listsShowRendered {
			shown[i] = shownRendered(s.page)
		}
	}
	errs := b.parallel(len(todo), func(i int) error {
		_, err := b.renderAndKeep(todo[i])
		return err
	})
	if err := diag.Join(errs); err != nil {
		return err
	}
	for i, s := range todo {
		inc.mark(s.outPath)
		if !bytes.Equal(oldLinks[i], s.result.links) {
			inc.linksDirty = true
		}
		if hadLinks[i] != s.page.HasAffiliateLinks || b.tmpl.use.listsShowRendered && shown[i] != shownRendered(s.page) {
			// Feeds carry the disclosure of pages with affiliate links;
			// lists may show a page's table of contents or JSON-LD.
			inc.relisted[s.page] = true
		}
	}
	switch {
	case inc.listsDirty:
		if err := inc.renderLists(); err != nil {
			return err
		}
	case len(inc.relisted) > 0 && b.tmpl.use.listsReachPages && !inc.ownsAll:
		// Cards would show what the pages the rebuild shares link to,
		// the last build's lists (ownRendered).
		return errFullBuild
	case len(inc.relisted) > 0:
		only := inc.relisted
		if b.tmpl.use.listsReachPages {
			only = nil // any list's cards may show them
		}
		lists, err := b.writes(func() error { return b.renderListsOf(only) })
		inc.touch(lists)
		if err != nil {
			return err
		}
	}
	if inc.listsDirty || inc.linksDirty || len(inc.relisted) > 0 {
		return inc.siteFiles()
	}
	return nil
}

// shownRendered is what only rendering sets of what lists may show of
// p (templateUse.listsShowRendered).
func shownRendered(p *Page) string {
	return fmt.Sprint(p.TableOfContents, p.JSONLD)
}

// reassemble builds the lists again from the pages; a change to the
// menu or the build date, which every page shows, needs a full build.
func (inc *increment) reassemble() error {
	ownAll([]*increment{inc}) // assembling writes every page: sessionown.go
	b := inc.b
	menu, buildDate, mainSections := b.site.Menu, b.site.BuildDate, b.site.MainSections
	menus := menusFacts(b.site.Menus)
	oldPrefixes := b.subIDPrefixes
	b.assemble(b.srcs, b.sectionSources)
	if menus != menusFacts(b.site.Menus) || !slices.Equal(menu, b.site.Menu) ||
		!buildDate.Equal(b.site.BuildDate) || !slices.Equal(mainSections, b.site.MainSections) {
		return errFullBuild
	}
	// A page whose sub-id prefix changed (another page took its slug, or
	// gave it back) renders again, as a clean build would.
	for _, s := range b.srcs {
		if k := strings.TrimPrefix(s.page.RelPermalink, b.basePath); oldPrefixes[k] != b.subIDPrefixes[k] {
			inc.render[s] = true
		}
	}
	for _, s := range b.srcs {
		// The page layout lists other pages (or GetPage finds one), or
		// its body finds one by its path (ref, relref), which may have
		// come, gone or moved: the page may change.
		if b.tmpl.use.singleReadsLists || readsRefs(s.result.shortcodes) {
			inc.render[s] = true
		}
	}
	return nil
}

// renderLists renders every list page and feed again, dropping the
// ones the last build wrote that no longer exist.
func (inc *increment) renderLists() error {
	b := inc.b
	for n := range inc.last.wrote.lists {
		inc.drop(n)
	}
	lists, err := b.writes(b.renderLists)
	b.wrote.lists = lists
	inc.touch(lists)
	return err
}

// touch adds the files a step wrote to those the rebuild touched.
func (inc *increment) touch(names map[string]bool) {
	for n := range names {
		inc.mark(n)
	}
}

// mark adds the output file n of inc's builder to those the rebuild
// touched.
func (inc *increment) mark(n string) {
	inc.touched = append(inc.touched, inc.outName(n))
}

// outName is the name in the session's files of the output file n of
// inc's builder: below a language's prefix, where its output puts it.
func (inc *increment) outName(n string) string {
	if lo, ok := inc.b.out.(langOutput); ok {
		return lo.path(n)
	}
	return n
}

// siteFiles writes again the site-wide outputs whose inputs changed
// (siteoutputs.go): every one when the lists changed, dropping first
// what the last build wrote.
func (inc *increment) siteFiles() error {
	b := inc.b
	var changed siteInputs
	if len(inc.relisted) > 0 {
		changed |= inListFacts
	}
	if inc.linksDirty {
		changed |= inLinks
	}
	if inc.programsChanged {
		changed |= inPrograms
	}
	if inc.listsDirty {
		for _, n := range inc.last.wrote.siteFiles {
			inc.drop(n)
		}
		changed = allSiteInputs
	}
	files, err := b.writes(func() error { return b.writeSiteOutputs(changed) })
	if inc.listsDirty {
		b.wrote.siteFiles = sortedKeys(files)
	}
	inc.touch(files)
	return err
}

// staticFile is a changed static file's output name and bytes, read
// once for every language that copies it.
type staticFile struct {
	name string
	data []byte
}

// readStatic reads the changed static files. A removed one needs a full
// build: a theme may have a file of the same name to fall back to.
func readStatic(source string, files []string) ([]staticFile, error) {
	read := make([]staticFile, len(files))
	for i, file := range files {
		data, err := sitefile.Read(filepath.Join(source, filepath.FromSlash(file)), file)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errFullBuild
		}
		if err != nil {
			return nil, err
		}
		read[i] = staticFile{name: strings.TrimPrefix(file, "static/"), data: data}
	}
	return read, nil
}

// static copies one changed static file.
func (inc *increment) static(f staticFile) error {
	inc.mark(f.name)
	return inc.b.out.WriteFile(f.name, f.data)
}

// diffTouched lists the touched files of next that are new or differ
// from prev, and those next no longer has: what a rebuild changed, found
// without reading the files it did not write (a warm session's pages
// the cache holds, memlazy.go).
func diffTouched(prev, next *MemOutput, touched []string) (changed, removed []string) {
	for _, n := range dedupe(touched) {
		cur, ok := next.File(n)
		old, had := prev.File(n)
		switch {
		case !ok && had:
			removed = append(removed, n)
		case ok && (!had || !bytes.Equal(old, cur)):
			changed = append(changed, n)
		}
	}
	return changed, removed
}

// manifest joins the pages' affiliate links in file order.
func (b *builder) manifest() []ManifestLink {
	n := b.linkCount()
	if n == 0 {
		return nil
	}
	all, seen := make([]ManifestLink, 0, n), map[string]string{}
	for _, s := range b.srcs {
		all = s.result.links.unpack(all, s.page.RelPermalink, s.file, seen)
	}
	return all
}

// remove drops a file.
func (m *MemOutput) remove(name string) {
	m.mu.Lock()
	delete(m.files, name)
	delete(m.lazy, name)
	m.mu.Unlock()
}

// diffOutputs lists the files of next that are new or different from
// prev, and the files of prev that next lacks.
func diffOutputs(prev, next *MemOutput) (changed, removed []string) {
	if prev == nil {
		return next.Names(), nil
	}
	for _, n := range next.Names() {
		old, ok := prev.File(n)
		cur, _ := next.File(n)
		if !ok || !bytes.Equal(old, cur) {
			changed = append(changed, n)
		}
	}
	for _, n := range prev.Names() {
		if _, ok := next.File(n); !ok {
			removed = append(removed, n)
		}
	}
	return changed, removed
}
