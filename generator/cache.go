package generator

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/sitefile"
	"github.com/affsite/affsite/internal/version"
	"github.com/affsite/affsite/outdir"
)

// The build cache (Options.CacheDir) lets a build reuse the output
// files of the last one whose inputs did not change, hard-linked from
// the cache's objects into the new output folder, so the atomic swap
// stays. What an output depends on is declared here, once:
//
//   - every output: the global key — affsite's binary, the build
//     options, the UTC day of Options.Now (its full time when a template
//     calls now), which registry links have expired, and the bytes of
//     every file at the site's top level and under config/, layouts/,
//     themes/, data/, i18n/, assets/ and archetypes/, of static/'s CSS
//     and JS (fingerprint reads them) and of the pictures of static/ and
//     content/ (product boxes read their size), with the names of the other files
//     under static/ and content/ (shortcodes may test that a file
//     exists);
//   - every output: the view key — the menu front matter of the pages
//     that have one, the menus, the sections and main sections, the
//     _index.md files, the menu and the build date (its year when the
//     templates read only that); and, when a page's templates read
//     lists of other pages (templateUse.singleReadsLists, the rule
//     Session follows) or GetPage, every content page's file, URL and
//     output and everything each page shows in lists;
//   - a content page: its own file's bytes, what it shows in lists and
//     its terms; the page set when its body uses ref or relref;
//   - a pager or feed: what decides which lists hold which pages and in
//     which order (orderFacts, the same rule as Session's), the terms,
//     and what the pages it shows show in lists; everything every page
//     shows in lists when a list template may read more than its pager.
//
// Taxonomy pages, _index.md texts, the 404 page, the sitemap, aliases,
// redirects, the manifest, static files and bundle resources are made
// by every build: they are few, or copies.
//
// A stale page is a worse bug than a slow build: when in doubt (a Go
// shortcode or Markdown extension given in Options, an output that is
// not a folder, templates showing rendered parts of other pages in
// lists without the cache recording them) the cache is not used or the
// key takes in more.

// pageCache is the build cache as one build uses it.
type pageCache struct {
	c   *buildcache.Cache
	out cacheOutput // where reused files go (cacheoutput.go)

	once   sync.Once
	global buildcache.Sum
	view   buildcache.Sum
	// keepRendered tells whether list templates may show the table of
	// contents or JSON-LD of the pages they list, which rendering sets:
	// a reused page then gets them back from the cache.
	keepRendered bool
	wordCount    bool // a template shows .WordCount

	// pageSet is what ref, relref and GetPage find: every content
	// page's file, URL and output; in the key of a page that reads it.
	pageSet buildcache.Sum

	listOnce sync.Once
	lists    buildcache.Sum
	// pagers is what every pager's key holds: lists, or only the view
	// key when the pagers' templates read no page but those they show
	// (prepareLists).
	pagers buildcache.Sum

	reused    atomic.Int64
	snapshots atomic.Int64 // content files taken from their snapshots

	// post holds each page's facts after rendering, as sums
	// (postSums): computed once a page, or restored from the cache.
	post sync.Map // *Page → postSums
	// pre holds the content pages' facts before rendering when the
	// view key read them too (prepare), for their own keys.
	pre map[*source]pageFacts

	prose sync.Map // content file → its proseFacts this build (proseSummaryCached)
	// window replaces racyWindow when set (Options.racyWindow): see
	// statWindow.
	window time.Duration

	metas sync.Map // entry id → the last build's cachedPage, decoded (lastMetaAny)

	mu       sync.Mutex
	pictures map[string][]string // content file → static pictures read (sawPicture)
	pending  map[string]*pendingPage
	err      error // the first error of the cache itself: nothing is saved

	ml *langCache // on a multilingual site, what its languages share (langcache.go)
}

// pendingPage is a content page's entry, recorded when the build ends,
// with the warnings its rendering gave.
type pendingPage struct {
	src   *source
	file  string
	entry buildcache.Entry
	meta  cachedPage
	// last is the last build's record of a page reused (entry.Meta is
	// its encoding), nil for one rendered.
	last *cachedPage
}

// cachedPage is what a reused content page restores.
type cachedPage struct {
	Links             packedLinks
	Programs          []string
	HasAffiliateLinks bool
	TableOfContents   string
	JSONLD            []string
	Warnings          diag.List
	// What rendering sets on the page besides (render.go): lists may
	// show it. A field rendering comes to set belongs here too.
	ReadingTime, WordCount int
	Summary, Description   string
	// Prose is what reading the file found in its body (not restored:
	// proseSummaryCached reuses it).
	Prose proseFacts
	// Post is what the page shows of itself after rendering, a function
	// of its key like the rest; HasPost tells whether it was taken.
	Post    postSums
	HasPost bool
	// Pre is what the page showed of itself before rendering, with what
	// that was read from (prefacts.go).
	Pre preSums
	// What a preview Session needs of a page it did not render: the
	// shortcodes its body uses and the static pictures its product
	// boxes read (session.go).
	Shortcodes, Pictures []string
}

// postSums are the hashes of a content page's facts after rendering:
// its order facts with where it is written (the lists' key reads them)
// and what it shows in lists (the key of each pager and feed showing it).
type postSums struct {
	Order, List buildcache.Sum
}

// cacheSpare checks the cache folder against the output folder and
// returns where the output folder's spare goes (outdir.Options.Spare):
// the cache keeps the build a swap takes out, for the next build to
// start from. It returns "" when the build uses no cache.
func (b *builder) cacheSpare() (string, error) {
	if b.opts.CacheDir == "" || b.opts.Output != nil || b.opts.Markdown != nil || b.opts.Shortcodes != nil {
		return "", nil
	}
	cacheAbs, err1 := filepath.Abs(b.opts.CacheDir)
	destAbs, err2 := filepath.Abs(b.opts.Dest)
	if err := errors.Join(err1, err2); err != nil {
		return "", err
	}
	if within(cacheAbs, destAbs) || within(destAbs, cacheAbs) {
		// An output folder refused for where it is (the site, a root)
		// holds the cache too: its refusal says more.
		if err := outdir.Check(b.opts.Dest, outdir.Options{Site: b.opts.Source, Protect: SourceDirs()}); err != nil {
			return "", err
		}
		return "", fmt.Errorf("%s: the cache folder and the output folder %s must not hold one another", b.opts.CacheDir, b.opts.Dest)
	}
	sum := sha256.Sum256([]byte(destAbs))
	return filepath.Join(cacheAbs, "outputs", fmt.Sprintf("%x", sum[:12])), nil
}

// openCache opens the build cache for a build into dir, or leaves
// b.cache nil when the build does not use one (cacheSpare "").
func (b *builder) openCache(dir *outdir.Dir, spare string) error {
	if spare == "" {
		return nil
	}
	id, err := binaryID()
	if err != nil {
		return err
	}
	c, err := buildcache.Open(b.opts.CacheDir, id)
	if err != nil {
		b.warn(diag.Warningf(b.opts.CacheDir, 0, 0, diag.Source, "build cache ignored: %v", sitefile.UnwrapPathError(err)))
	}
	b.cache = b.newPageCache(c, dirCache{dir})
	return nil
}

// newPageCache is the build's page cache over c, its reused files going
// to out.
func (b *builder) newPageCache(c *buildcache.Cache, out cacheOutput) *pageCache {
	return &pageCache{c: c, out: out, pending: map[string]*pendingPage{}, window: b.opts.racyWindow}
}

// within reports whether p is dir or inside it; both are absolute.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// statWindow is how long after a read a file's stat data must be
// before they are trusted: racyWindow unless the options say otherwise
// (a pageCache made without a window gets the safe one).
func (pc *pageCache) statWindow() time.Duration { return cmp.Or(pc.window, racyWindow) }

// failed records the cache's first error; the build goes on without
// saving the cache.
func (pc *pageCache) failed(err error) {
	pc.mu.Lock()
	if pc.err == nil {
		pc.err = err
	}
	pc.mu.Unlock()
}

// renderContentPageCached is renderAndKeep, reusing the last build's
// output when the page's key is unchanged.
func (b *builder) renderContentPageCached(s *source) (pageResult, error) {
	pc := b.cache
	if pc == nil {
		return b.renderAndKeep(s)
	}
	pc.once.Do(func() { pc.prepare(b) })
	id := "page " + s.file
	prev, had := pc.lastMetaAny(id)
	prefix := b.subIDPrefixes[strings.TrimPrefix(s.page.RelPermalink, b.basePath)]
	key, pre := pc.pageKey(s, prefix, readsRefs(prev.Shortcodes))
	if e, ok := pc.c.Lookup(id, key); ok {
		if m := prev; had && b.place(e, s.file) {
			last := m
			m.Pre = pre
			p := s.page
			p.HasAffiliateLinks = m.HasAffiliateLinks
			p.ReadingTime, p.WordCount = m.ReadingTime, m.WordCount
			p.Summary, p.Description = template.HTML(m.Summary), m.Description
			p.TableOfContents = template.HTML(m.TableOfContents)
			p.JSONLD = nil
			for _, j := range m.JSONLD {
				p.JSONLD = append(p.JSONLD, template.JS(j))
			}
			if m.HasPost {
				pc.post.Store(p, m.Post)
			}
			pc.keep(id, s, e, m, &last)
			pc.reused.Add(1)
			// The page's file is in place already: its result has no outputs.
			r := pageResult{warnings: m.Warnings, links: m.Links, programs: m.Programs, shortcodes: m.Shortcodes, pictures: m.Pictures}
			return r, b.keepResult(s, r)
		}
	}
	r, err := b.renderAndKeep(s)
	if err != nil {
		return pageResult{}, err
	}
	if refs := readsRefs(r.shortcodes); refs != readsRefs(prev.Shortcodes) {
		key, pre = pc.pageKey(s, prefix, refs)
	}
	p := s.page
	m := cachedPage{Links: r.links, Programs: r.programs, HasAffiliateLinks: p.HasAffiliateLinks,
		ReadingTime: p.ReadingTime, WordCount: p.WordCount, Summary: string(p.Summary), Description: p.Description,
		Shortcodes: r.shortcodes, Pre: pre}
	if pc.keepRendered {
		m.TableOfContents = string(p.TableOfContents)
		for _, j := range p.JSONLD {
			m.JSONLD = append(m.JSONLD, string(j))
		}
	}
	if e, ok := pc.put(key, s.outPath); ok {
		pc.keep(id, s, e, m, nil)
	}
	return r, nil
}

// readsRefs tells whether a page whose body uses shortcodes finds
// other pages by their paths (ref and relref; a template's GetPage
// puts the page set in the view key).
func readsRefs(shortcodes []string) bool {
	return slices.Contains(shortcodes, "ref") || slices.Contains(shortcodes, "relref")
}

// lastMetaAny returns what the last build recorded of the content page
// of entry id, whatever its key (a caller that needs the key checked
// looks the entry up first), decoded once a build.
func (pc *pageCache) lastMetaAny(id string) (cachedPage, bool) {
	if v, ok := pc.metas.Load(id); ok {
		if m := v.(*cachedPage); m != nil {
			return *m, true
		}
		return cachedPage{}, false
	}
	var m *cachedPage
	if e, ok := pc.c.Last(id); ok {
		if d, err := decodeCachedPage(e.Meta); err == nil {
			m = &d
		}
	}
	pc.metas.Store(id, m)
	return pc.lastMetaAny(id)
}

// proseFacts is what proseSummary found in a page's body, kept so that
// a build does not scan an unchanged body again (a tenth of a warm
// build's time went there).
type proseFacts struct {
	Sum        buildcache.Sum // the body's SHA-256
	Max, Words int
	Summary    string
	More       bool
}

// proseSummaryCached is proseSummary(body, max) of the content file
// file, taken from the cache when the last build saw the same body.
func (b *builder) proseSummaryCached(file string, body []byte, max int) proseFacts {
	pc := b.cache
	if pc == nil {
		words, summary, more := proseSummary(body, max)
		return proseFacts{Max: max, Words: words, Summary: summary, More: more}
	}
	sum := buildcache.Sum(sha256.Sum256(body))
	if m, ok := pc.lastMetaAny("page " + file); ok && m.Prose.Sum == sum && m.Prose.Max == max {
		pc.prose.Store(file, m.Prose)
		return m.Prose
	}
	words, summary, more := proseSummary(body, max)
	f := proseFacts{Sum: sum, Max: max, Words: words, Summary: summary, More: more}
	pc.prose.Store(file, f)
	return f
}

// sameRecord tells whether what a build sets on a reused page's record
// (its warnings, prose, pictures and facts' sums) is as in the last
// build's, last: the rest is copied from it, so the last encoding
// stands (a tenth of a warm build went to encoding 10,000 records
// again).
func sameRecord(m, last *cachedPage) bool {
	return m.Prose == last.Prose && m.Post == last.Post && m.HasPost == last.HasPost && m.Pre == last.Pre &&
		slices.Equal(m.Pictures, last.Pictures) && slices.EqualFunc(m.Warnings, last.Warnings, sameDiagnostic)
}

// sameDiagnostic compares what a record keeps of a diagnostic.
func sameDiagnostic(a, b diag.Diagnostic) bool {
	return a.File == b.File && a.Line == b.Line && a.Col == b.Col && a.Severity == b.Severity && a.Code == b.Code && a.Message == b.Message
}

// keep records a content page's entry for saveCache.
func (pc *pageCache) keep(id string, s *source, e buildcache.Entry, m cachedPage, last *cachedPage) {
	pc.mu.Lock()
	pc.pending[id] = &pendingPage{src: s, file: s.file, entry: e, meta: m, last: last}
	pc.mu.Unlock()
}

// put makes the cache's object of the output file name just written,
// for an entry of key key.
func (pc *pageCache) put(key buildcache.Sum, name string) (buildcache.Entry, bool) {
	f, err := pc.out.put(pc.c, key, name)
	if err != nil {
		pc.failed(err)
		return buildcache.Entry{}, false
	}
	return buildcache.Entry{Key: key, Files: []buildcache.File{f}}, true
}

// place puts the files of a cached entry in the output, as write would
// have; it reports false, having placed nothing, when one cannot be
// reused.
func (b *builder) place(e buildcache.Entry, from string) bool {
	for i, f := range e.Files {
		if err := b.claim(f.Name, from); err != nil {
			b.unclaim(e.Files[:i])
			return false
		}
		if b.cache.out.keep(b.cache.c, e.Key, f) {
			continue // the spare's file is the object already
		}
		if err := b.cache.out.place(b.cache.c, e.Key, f); err != nil {
			b.unclaim(e.Files[:i+1])
			return false
		}
	}
	return true
}

// unclaim takes back claims of files that will be rendered instead. Only
// a one-file entry (all the generator makes) can fail after a claim, so
// no placed file is left behind.
func (b *builder) unclaim(files []buildcache.File) {
	b.mu.Lock()
	for _, f := range files {
		delete(b.written, f.Name)
		b.files--
	}
	b.mu.Unlock()
}

// cachedList writes one pager (pg) or feed (pg nil) of a list through
// render, or reuses the last build's when its key is unchanged.
func (b *builder) cachedList(list *Page, pg *Pager, out string, render func() error) error {
	pc := b.cache
	if pc == nil {
		return render()
	}
	pc.once.Do(func() { pc.prepare(b) }) // a site may have lists and no content page
	pc.listOnce.Do(func() { pc.prepareLists(b) })
	shown := list.Pages[:b.feedLimit(len(list.Pages))]
	h := sha256.New()
	if pg == nil {
		h.Write(pc.lists[:])
	} else {
		h.Write(pc.pagers[:])
	}
	fields(h, "list", out, list.Kind, list.Title, list.Description, list.Section, list.File, list.RelPermalink, string(list.Content))
	if pg != nil {
		shown = pg.Pages
		fmt.Fprintf(h, "pager %d %d %s\x00", pg.PageNumber, pg.TotalPages, pg.URL)
	}
	// Beyond its pages, what a list page has of them (pagers): a nested
	// section's dates are its newest page's, a term's count is of all
	// of its pages (term.html shows it).
	fields(h, list.Date.String(), list.Lastmod.String())
	if t := list.Term; t != nil {
		fields(h, t.Taxonomy, t.Name, t.Slug, t.RelPermalink, fmt.Sprint(t.Count))
	}
	if pc.ml != nil {
		pc.ml.writeTranslations(h, list)
	}
	for _, p := range shown {
		pc.writePageFacts(h, p)
	}
	var key buildcache.Sum
	h.Sum(key[:0])
	id := "list " + b.langPrefix() + out
	if e, ok := pc.c.Lookup(id, key); ok && b.place(e, "list "+list.RelPermalink) {
		pc.c.Record(id, e)
		pc.reused.Add(1)
		return nil
	}
	if err := render(); err != nil {
		return err
	}
	if e, ok := pc.put(key, out); ok {
		pc.c.Record(id, e)
	}
	return nil
}

// writePageFacts adds what a page shows in lists. It is called once
// the pages rendered, when they no longer change, for every list a page
// is on (five or more): the facts are read once a page (postFacts).
func (pc *pageCache) writePageFacts(h hash.Hash, p *Page) {
	sum := pc.postFacts(&source{page: p}).List
	h.Write(sum[:])
}

// postFacts returns the sums of s's page's facts after rendering,
// reading them the first time. A page that is not a content page (a
// section listed in its parent) comes as a source of its page alone.
func (pc *pageCache) postFacts(s *source) postSums {
	if v, ok := pc.post.Load(s.page); ok {
		return v.(postSums)
	}
	p := s.page
	f := factsOf(s)
	var ps postSums
	ps.Order = sha256.Sum256([]byte(f.order()))
	lh := sha256.New()
	body := f.body
	if pc.wordCount {
		body += f.wordCount
	}
	fields(lh, "page", p.File, f.fields, body, fmt.Sprint(p.HasAffiliateLinks))
	if pc.keepRendered {
		fields(lh, string(p.TableOfContents))
		for _, j := range p.JSONLD {
			fields(lh, string(j))
		}
	}
	lh.Sum(ps.List[:0])
	v, _ := pc.post.LoadOrStore(p, ps)
	return v.(postSums)
}

// fields writes strings, each ended by a NUL, so that no two lists of
// strings hash alike.
func fields(h io.Writer, ss ...string) {
	for _, s := range ss {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
}

// saveCache writes the cache's state after the build's files were
// committed. Its own errors are warnings: the build succeeded.
func (b *builder) saveCache(rep *Report) {
	pc := b.cache
	if pc == nil {
		return
	}
	parts := []*builder{b}
	if pc.ml != nil {
		// A multilingual site's: each language's pages, one state.
		parts = append(parts, pc.ml.langs...)
		pc.global = pc.ml.global
	}
	rep.Reused = 0
	for _, lb := range parts {
		rep.Reused += int(lb.cache.reused.Load())
		rep.snapshots += int(lb.cache.snapshots.Load())
		if err := lb.cache.err; err != nil {
			b.cacheWarning(rep, err)
			return
		}
	}
	for _, lb := range parts {
		lb.cache.recordPending(lb)
	}
	pc.recordMissing(b) // i18n.go
	if err := pc.c.Save(); err != nil {
		b.cacheWarning(rep, err)
	}
}

// recordPending records the entries of the content pages b built, with
// the warnings each gave.
func (pc *pageCache) recordPending(b *builder) {
	for id, pp := range pc.pending {
		pp.meta.Warnings = pp.src.result.warnings
		if v, ok := pc.prose.Load(pp.file); ok {
			pp.meta.Prose = v.(proseFacts)
		}
		pp.meta.Pictures = dedupe(pc.pictures[pp.file])
		if v, ok := pc.post.Load(pp.src.page); ok {
			pp.meta.Post, pp.meta.HasPost = v.(postSums), true
		}
		if pp.last == nil || !sameRecord(&pp.meta, pp.last) {
			pp.entry.Meta = encodeCachedPage(&pp.meta)
		}
		pc.c.Record(id, pp.entry)
		delete(pc.pending, id)
	}
	// What the last build recorded is no longer read: let it go before
	// the state's encoding, the build's peak of memory.
	pc.metas.Clear()
	pc.prose.Clear()
	pc.post.Clear()
}

func (b *builder) cacheWarning(rep *Report, err error) {
	rep.Warnings = append(rep.Warnings, diag.Warningf(b.opts.CacheDir, 0, 0, diag.Source, "build cache not saved: %v", sitefile.UnwrapPathError(err)))
	rep.Warnings.Sort()
}

// prepare computes the keys every content page's key holds.
func (pc *pageCache) prepare(b *builder) {
	uses := &b.tmpl.use
	pc.keepRendered, pc.wordCount = uses.listsShowRendered, uses.wordCount
	if pc.ml != nil {
		pc.ml.once.Do(func() {
			pc.ml.global = pc.globalKey(b)
			pc.global = pc.ml.global
			pc.restoreMissing(b) // i18n.go: one list for every language
		})
		pc.global = pc.ml.global
	} else {
		pc.global = pc.globalKey(b)
		pc.restoreMissing(b) // i18n.go
	}
	h := sha256.New()
	h.Write(pc.global[:])
	if pc.ml != nil {
		pc.ml.writeLanguage(h, b)
	}
	pc.writeView(h, b)
	h.Sum(pc.view[:0])
}

// globalKey is the key every output's key holds.
func (pc *pageCache) globalKey(b *builder) buildcache.Sum {
	uses := &b.tmpl.use
	h := sha256.New()
	// "warnings 2": a page's record holds its rendering's warnings only
	// (warnings.go); older records held its file's others too.
	fields(h, "affsite build cache global key", version.Release, "warnings 2")
	fields(h, b.cfg.BaseURL, b.opts.Environment, fmt.Sprint(b.opts.Drafts, b.opts.Future, b.opts.Expired, b.opts.Minify || bool(b.cfg.Minify)))
	fields(h, b.now.UTC().Format(time.DateOnly))
	if uses.now {
		fields(h, b.now.UTC().Format(time.RFC3339Nano))
	}
	for _, l := range b.linkSet.All() {
		fields(h, l.ID, fmt.Sprint(l.Expired(b.now)))
	}
	sums := openFileSums(pc.c, time.Now())
	sums.window = pc.statWindow()
	if err := hashSiteFiles(h, b.opts.Source, sums, b.cfg.StringsDir()); err != nil {
		pc.failed(err)
	}
	sums.record(pc.c)
	var global buildcache.Sum
	h.Sum(global[:0])
	return global
}

// writeView adds the view key's facts of the builder's pages.
func (pc *pageCache) writeView(h hash.Hash, b *builder) {
	uses := &b.tmpl.use
	ps := sha256.New()
	for _, s := range b.srcs {
		fields(ps, s.file, s.page.RelPermalink, s.outPath)
		if s.page.Params["menu"] != nil || s.page.Params["menus"] != nil {
			// A page's menu front matter is in every page's .Site.Menus.
			fields(h, s.file, s.page.RelPermalink, fmt.Sprint(s.page.Params["menu"], s.page.Params["menus"]))
		}
	}
	ps.Sum(pc.pageSet[:0])
	fields(h, menusFacts(b.site.Menus), strings.Join(b.site.MainSections, "\x00"))
	for _, name := range sortedKeys(b.site.Sections) {
		if sp := b.site.Sections[name]; sp != nil {
			fields(h, name, sp.Title, sp.RelPermalink)
		}
	}
	for _, name := range sortedKeys(b.sectionSources) {
		s := b.sectionSources[name]
		raw, err := sitefile.Read(filepath.Join(b.opts.Source, filepath.FromSlash(s.file)), s.file)
		if err != nil {
			pc.failed(err)
		}
		fields(h, name, s.file, string(raw))
	}
	for _, m := range b.site.Menu {
		fields(h, m.Name, m.URL)
	}
	switch {
	case uses.buildDates > uses.buildDateYears:
		fields(h, b.site.BuildDate.String())
	case uses.buildDates > 0:
		fields(h, fmt.Sprint(b.site.BuildDate.Year()))
	}
	if uses.othersBody {
		// Any page may show any other's body.
		for _, s := range b.srcs {
			h.Write(s.sum[:])
		}
	}
	if uses.singleReadsLists || uses.getPage {
		// Any page may show any other.
		h.Write(pc.pageSet[:])
		fields(h, "pages read lists")
		pc.pre = make(map[*source]pageFacts, len(b.srcs))
		for _, s := range b.srcs {
			f := factsOf(s)
			pc.pre[s] = f
			fields(h, f.list(uses.wordCount))
		}
		hashTerms(h, b.site)
	}
}

// prepareLists computes the key every pager's and feed's key holds; it
// runs after the content pages rendered, since lists show whether a page
// has affiliate links.
func (pc *pageCache) prepareLists(b *builder) {
	uses := &b.tmpl.use
	h := sha256.New()
	h.Write(pc.view[:])
	fields(h, b.site.BuildDate.String()) // feeds show it
	for _, s := range b.srcs {
		sum := pc.postFacts(s).Order
		h.Write(sum[:])
	}
	hashTerms(h, b.site)
	if uses.listsReadAll {
		fields(h, "lists read all pages")
		for _, s := range b.srcs {
			pc.writePageFacts(h, s.page)
		}
	}
	if uses.listsReachPages && pc.ml != nil {
		for _, s := range b.srcs {
			pc.ml.writeTranslations(h, s.page) // a card may show its page's translations
		}
	}
	h.Sum(pc.lists[:0])
	pc.pagers = pc.lists
	if !uses.pagersReadAll && !uses.listsReachPages {
		// A pager shows its own pages, its list's fields and its term's,
		// which its own key holds, and what the view key holds (the
		// build date as far as templates read it, the menus, the
		// sections): a new post renders only the pagers it shifts.
		h := sha256.New()
		h.Write(pc.view[:])
		fields(h, "pagers show their own pages")
		h.Sum(pc.pagers[:0])
	}
}

// hashTerms adds every term of every taxonomy.
func hashTerms(h io.Writer, site *Site) {
	for _, tax := range sortedKeys(site.Taxonomies) {
		for _, t := range site.Taxonomies[tax] {
			fields(h, tax, t.Name, t.Slug, t.RelPermalink, fmt.Sprint(t.Count))
		}
	}
}

// pageKey is a content page's key, from the file's bytes (their sum,
// taken as the file was read for its front matter: it is read once),
// what the page shows of itself (preFacts, returned for its entry),
// the sub-id prefix its links get (which another page's slug can change)
// and, when refs says its body finds pages (readsRefs), the page set.
func (pc *pageCache) pageKey(s *source, subIDPrefix string, refs bool) (buildcache.Sum, preSums) {
	h := sha256.New()
	h.Write(pc.view[:])
	h.Write(s.sum[:])
	if refs {
		fields(h, "refs")
		h.Write(pc.pageSet[:])
	}
	p := s.page
	pre := pc.preFacts(s)
	h.Write(pre.List[:])
	fields(h, s.file, fmt.Sprint(p.WordCount, " ", p.Kind), p.Permalink, subIDPrefix)
	if pc.ml != nil {
		pc.ml.writeTranslations(h, p)
	}
	for _, terms := range [][]*Term{p.TagTerms, p.CategoryTerms} {
		for _, t := range terms {
			fields(h, t.Taxonomy, t.Name, t.Slug, t.RelPermalink)
		}
		fields(h, "")
	}
	var key buildcache.Sum
	h.Sum(key[:0])
	return key, pre
}

// hashSiteFiles adds the site's files that any output may depend on,
// their bytes by their sums (filesums.go): those of its folders and of
// the string files' (i18nDir, "i18n" by default).
func hashSiteFiles(h io.Writer, site string, sums *fileSums, i18nDir string) error {
	entries, err := os.ReadDir(site)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			sum, err := sums.sum(e.Name(), filepath.Join(site, e.Name()))
			if err != nil {
				return err
			}
			fields(h, "top", e.Name(), string(sum[:]))
		}
	}
	for _, dir := range []string{"config", "layouts", "themes", "data", i18nDir, "assets", "archetypes", "static", "content"} {
		bytesToo := dir != "static" && dir != "content"
		root := filepath.Join(site, dir)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipAll
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(site, p)
			rel = filepath.ToSlash(rel)
			if dir == "content" && strings.HasSuffix(rel, ".md") {
				return nil // pages: in their own keys and the view key
			}
			fields(h, "file", rel)
			// The fingerprint function reads static CSS and JS, product
			// boxes the size of pictures (static or in a bundle).
			if !bytesToo && !(dir == "static" && fingerprintable(rel)) && !productPicture(rel) {
				return nil
			}
			sum, err := sums.sum(rel, p)
			if err != nil {
				return err
			}
			fields(h, string(sum[:]))
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
