// Package generator is affsite's build pipeline: it reads a site (config,
// content, program data, layouts, static files), renders every page in
// parallel and writes the result to an Output, replacing the previous
// output only when the whole build succeeded.
//
// A build is made of three values: the environment the configuration
// determines (siteEnv, env.go), the site value that loading and
// assembling the site make (siteValue, sitevalue.go; rendering a page
// returns its result, pageResult), and the builder, one per build, that
// renders the site value and holds what the build writes (build.go).
// The site-wide outputs are one table (siteoutputs.go). A Session
// (session.go) keeps the environment and site value of its last good
// build, with each page's result (sessionstate.go), and makes a new
// builder for each rebuild, over a copy of that value that shares the
// pages it does not write (sessionown.go): a failed rebuild leaves the
// last good value as it was.
package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/memlimit"
	"github.com/affsite/affsite/internal/share"
	"github.com/affsite/affsite/internal/sitefile"
	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/outdir"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
	"github.com/affsite/affsite/themes"
	"github.com/yuin/goldmark"
)

// Options says what to build and how.
type Options struct {
	// Source is the site's root folder (holding site.toml and content/).
	Source string
	// Dest is the output folder; default Source/public. Ignored when
	// Output is set.
	Dest string
	// Output, when set, receives the files instead of Dest.
	Output Output
	// BaseURL overrides the configuration's baseURL.
	BaseURL string
	// Host overrides site.toml's [affiliate] host; HostDefault is the
	// host when neither names one (the CLI sets it from the build's
	// environment: Netlify's NETLIFY, Cloudflare's CF_PAGES).
	Host, HostDefault string
	// Environment selects config/<environment>/ to merge over
	// config/_default/, as Hugo's --environment does; default
	// "production" (the preview server passes "development").
	Environment string
	// Drafts, Future and Expired include pages that are left out by default.
	Drafts, Future, Expired bool
	// Minify minifies HTML, CSS, JS, JSON, SVG and XML output.
	Minify bool
	// Now is the time future and expired pages are judged against;
	// default time.Now().
	Now time.Time
	// Workers is how many pages render at once; default GOMAXPROCS.
	Workers int
	// Markdown adds goldmark extensions to the Markdown renderer, after
	// affsite's own (GFM, footnotes, definition lists, typographer).
	Markdown []goldmark.Extender
	// Shortcodes, when set, adds shortcodes to (or replaces built-ins of)
	// each page's registry, after the built-ins are registered.
	Shortcodes func(r *shortcodes.Registry)
	// Waiting, when set, is called if another build is writing Dest,
	// before this one waits for it to finish.
	Waiting func()
	// CacheDir, when set, is the build cache's folder (the CLI's default
	// is SITE/.affsite/cache): output files whose inputs did not change
	// since the build that saved it are hard-linked from it instead of
	// rendered (see cache.go). Used only when the build writes Dest.
	CacheDir string
	// Progress, when set, is called as content pages render, with how
	// many of total are done: at most every 100 ms, and always for the
	// last page. Calls never overlap. The CLI shows it on a terminal.
	Progress func(done, total int)
	// racyWindow, when set, replaces racyWindow for the build cache's
	// stat data (tests: a file written just before a build is otherwise
	// read again every build).
	racyWindow time.Duration
	// clock, when set, replaces time.Now for when a content file's stat
	// data were taken, which its snapshot's racy window counts from
	// (tests: a loaded machine must not move a file out of the window).
	clock func() time.Time
}

// Report tells what a build did.
type Report struct {
	Pages    int // content pages rendered
	Files    int // files written
	Reused   int // of them, the ones reused from the build cache
	Duration time.Duration
	// Warnings are problems that did not stop the build, sorted.
	Warnings diag.List
	// Links is the affiliate-link manifest, as written to
	// affiliate-links.json.
	Links []ManifestLink
	// Sources describes each content page built, in URL order.
	Sources []PageRecord
	// Config, Programs and Registry are the configuration, program data
	// and links registry the build read (with --baseURL applied), so that
	// affsite check audits what was built instead of reading them again.
	Config   *Config
	Programs *programs.Set
	Registry *links.Set
	// MovedAside is where a folder of Hugo's output found at Dest was
	// moved to, or "".
	MovedAside string
	// snapshots is how many content files came from their snapshots in
	// the build cache (sourcesnap.go), for tests.
	snapshots int
}

// SourceDirs lists the folders of a site, relative to it, that a build
// reads: an output folder is never one of them, inside one or above one.
func SourceDirs() []string {
	return []string{"content", "data", "layouts", "themes", "static", "assets", "i18n", "archetypes", "config"}
}

// PageRecord is what a build knows of one content page, for checks.
type PageRecord struct {
	File        string // "content/posts/x.md"
	URL         string // RelPermalink, "/posts/x/"
	Out         string // output file, "posts/x/index.html"
	Title       string
	Description string
	Lastmod     time.Time
	Program     string   // front matter "program"
	Programs    []string // programs its shortcodes and links use, sorted
	Aliases     []string
	Images      []string
	// OwnDisclosure is the front matter's own_disclosure: the author
	// says the page discloses in words of their own.
	OwnDisclosure bool
}

// builder is one build: it renders a site value (sitevalue.go), in the
// environment the configuration makes (env.go), and holds what the build
// writes. Every build has a new one, a Session's rebuild too (over the
// site value its last build left, sessionstate.go), so nothing of one
// build's state reaches the next and nothing is reset by hand.
type builder struct {
	*siteEnv
	*siteValue
	links linkClassifier
	out   Output
	cache *pageCache   // nil without Options.CacheDir
	tmpl  *templateSet // the site value's templates, their functions this build's (forBuild)
	refs  refIndex     // the pages ref, relref and GetPage find (refindex.go)
	langs []*builder   // a multilingual site's: the languages' builders (languages.go)
	// bodies holds the pages' bodies while renderPages runs, rendered
	// before any layout when a template shows other pages' (renderBodies).
	bodies map[*source]renderedBody
	// shared holds one copy of the strings its pages have alike: their
	// params' keys, tags, categories, shortcode names (internal/share).
	shared *share.Set
	// unlimit puts back the memory limit set before the sources were
	// read (memlimit.go).
	unlimit func()
	// wrote is what the build wrote of the lists and site-wide outputs
	// when it wrote them all (render; a Session's rebuild that writes
	// them again).
	wrote siteWrites
	// hugoShortcodes are Hugo's embedded shortcodes, registered once
	// for every page (hugoshortcodes.go).
	hugoShortcodes hugoShortcodes
	// readBufs are the buffers content files are read into (readbuf.go).
	readBufs readBuffers

	mdCache      sync.Map // markdownify results by source, for short strings
	cardPrograms sync.Map // listCard's program images and ratings, by program id (cardProgramOf)

	mu       sync.Mutex
	errs     []error
	files    int
	written  map[string]string // output path → what wrote it
	claimed  map[string]bool   // the output paths claimed while a step records them (writes); nil otherwise
	warnings diag.List
}

// siteWrites is what a build wrote of a site's lists and site-wide
// outputs: a Session's rebuild that writes them again removes these
// first, since an edit may leave fewer.
type siteWrites struct {
	lists     map[string]bool // pagers and feeds (renderLists)
	siteFiles []string        // the site-wide outputs (writeSiteOutputs)
	aliases   []langAlias     // a language's alias pages, which the root writes (languages.go)
}

// Build builds the site described by opts.
func Build(opts Options) (*Report, error) {
	start := time.Now()
	b, err := newBuilder(opts)
	if err != nil {
		return nil, err
	}
	// The output folder's own rules come first (a refused folder is
	// exit 2, whatever the cache), then the cache's against it.
	spare, spareErr := b.cacheSpare()
	var dir *outdir.Dir
	if opts.Output != nil {
		b.out = opts.Output
	} else {
		dir, err = outdir.Open(b.opts.Dest, outdir.Options{Site: b.opts.Source, Protect: SourceDirs(), Waiting: opts.Waiting, Spare: spare})
		if err != nil {
			return nil, err
		}
		b.out = dir
	}
	if spareErr != nil {
		dir.Abort()
		return nil, spareErr
	}
	if err := b.openCache(dir, spare); err != nil {
		dir.Abort()
		return nil, err
	}
	if b.opts.Minify || bool(b.cfg.Minify) {
		b.out = minified{Output: b.out, min: newMinifier()}
	}
	rep, err := b.runAll()
	if err != nil {
		if dir != nil {
			dir.Abort()
		}
		return nil, err
	}
	if dir != nil {
		if err := dir.Commit(); err != nil {
			return nil, err
		}
		rep.MovedAside = dir.MovedAside()
		b.saveCache(rep)
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// CheckSource reports a site folder that does not exist or is not a
// folder, as "DIR: site folder not found".
func CheckSource(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: site folder not found", dir)
		}
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s: not a folder", dir)
	}
	return nil
}

// newBuilder makes the builder of a build of the site opts points at:
// its environment, and an empty site value for load to fill.
func newBuilder(opts Options) (*builder, error) {
	env, err := newSiteEnv(opts)
	if err != nil {
		return nil, err
	}
	return newBuild(env, &siteValue{}, nil), nil
}

// newBuild makes the builder of one build of the site value sv in env,
// writing to out. A site value already loaded (a Session's) is bound to
// it.
func newBuild(env *siteEnv, sv *siteValue, out Output) *builder {
	b := &builder{siteEnv: env, siteValue: sv, out: out, written: map[string]string{}, warnings: slices.Clone(env.configWarnings), shared: &share.Set{}}
	b.links = b
	if sv.templates != nil {
		b.tmpl = sv.templates.forBuild(b.buildFuncs())
		b.bindSite()
	}
	return b
}

// bindSite points the hooks of the site value's Site, which templates
// call, at this build: GetPage reads its page index, ProgramView its
// program data. (The hooks are the one thing a Session's rebuild shares
// with the last build and sets: siteHooks.)
func (b *builder) bindSite() {
	if b.site.hooks == nil {
		b.site.hooks = &siteHooks{}
	}
	*b.site.hooks = siteHooks{getPage: b.getPage, programView: b.programView}
}

// run does the build's stages in order.
func (b *builder) run() (*Report, error) {
	defer b.releaseMemory()
	if err := b.load(); err != nil {
		return nil, err
	}
	return b.render()
}

// load reads the site and assembles its pages, lists and menus.
func (b *builder) load() error {
	siteFS := newSourceFS(b.opts.Source, "")
	set, err := programs.Load(siteFS, "data/programs")
	if err != nil {
		return err
	}
	b.programs = set
	if b.linkSet, err = loadLinks(siteFS, b.cfg.Affiliate.LinksPrefix, set); err != nil {
		return err
	}

	data, err := loadData(siteFS)
	if err != nil {
		return err
	}
	b.site = &Site{
		Title: b.cfg.Title, BaseURL: b.cfg.BaseURL, LanguageCode: b.cfg.LanguageCode,
		Copyright: b.cfg.Copyright, Author: b.cfg.Author, Params: lowerKeys(b.cfg.Params, nil),
		Data: data, Disclosure: b.cfg.Affiliate.DisclosureText,
	}
	b.site.Language, b.site.Languages = b.siteLanguages()
	tmpl, err := loadTemplates(b.layers(), b.templateFuncs())
	if err != nil {
		return err
	}
	b.templates, b.tmpl = tmpl, tmpl
	static, err := b.staticFiles()
	if err != nil {
		return err
	}
	if err := b.loadAssets(static); err != nil {
		return err
	}

	var pages []*source
	var sections map[string]*source
	err = b.step("content", func() (err error) {
		pages, sections, err = b.loadContent()
		return err
	})
	if err != nil {
		return err
	}
	compactPages(pages) // pagecompact.go
	b.srcs = pages
	b.assemble(pages, sections)
	compactTerms(pages)
	b.bindSite()
	return nil
}

// render writes the pages, the lists and the files of the site.
func (b *builder) render() (*Report, error) {
	pages := b.srcs
	if b.opts.Output == nil {
		defer memlimit.Limit(len(pages), b.cache != nil)()
	}
	if err := b.renderPages(pages); err != nil {
		return nil, err
	}
	// The files of lists and of the site as a whole are kept, so an
	// incremental rebuild (Session) can replace them.
	lists, err := b.writes(b.renderLists)
	if err != nil {
		return nil, err
	}
	siteFiles, err := b.writes(func() error { return b.writeSiteOutputs(allSiteInputs) })
	if err != nil {
		return nil, err
	}
	b.wrote.lists, b.wrote.siteFiles = lists, sortedKeys(siteFiles)
	if err := b.copyResources(); err != nil {
		return nil, err
	}
	if err := b.copyStatic(); err != nil {
		return nil, err
	}
	return b.report(), nil
}

// report is the build's report of its site.
func (b *builder) report() *Report {
	return &Report{
		Pages: len(b.srcs), Files: b.files, Warnings: b.reportWarnings(), Links: b.manifest(), Sources: records(b.srcs),
		Config: b.cfg, Programs: b.programs, Registry: b.linkSet,
	}
}

// layers lists the layout folders in lookup order: the site's, the
// configured themes' (the first named first, as in Hugo), the embedded
// default theme's.
func (b *builder) layers() []layer {
	ls := []layer{{fsys: newSourceFS(b.opts.Source, "layouts"), name: "layouts"}}
	for _, t := range b.cfg.Theme {
		if t != "" && t != "default" {
			name := path.Join("themes", t, "layouts")
			ls = append(ls, layer{fsys: newSourceFS(b.opts.Source, name), name: name})
		}
	}
	def, _ := fs.Sub(themes.Default(), "layouts")
	return append(ls, layer{fsys: def, name: "[default theme] layouts"})
}

// write sends one output file, refusing a second writer of the same path.
func (b *builder) write(name, from string, data []byte) error {
	if err := b.claim(name, from); err != nil {
		return err
	}
	if err := b.out.WriteFile(name, data); err != nil {
		// Name the output file, not the temporary folder it goes to.
		return diag.Errorf(from, 0, 0, diag.Output, "cannot write %s: %v", name, sitefile.UnwrapPathError(err))
	}
	return nil
}

// claim records that from writes the output file name, refusing a
// second writer of the same path.
func (b *builder) claim(name, from string) error {
	b.mu.Lock()
	if prev, dup := b.written[name]; dup {
		b.mu.Unlock()
		// Point at the content file when one is involved: that is what
		// the author can change.
		if strings.HasPrefix(from, "content/") && !strings.HasPrefix(prev, "content/") {
			prev, from = from, prev
		}
		if strings.HasPrefix(prev, "content/") {
			file, _, _ := strings.Cut(prev, " ")
			return diag.Errorf(file, 1, 0, diag.Output, "%s and %s both write %s", prev, from, name)
		}
		return fmt.Errorf("%s and %s both write %s", prev, from, name)
	}
	b.written[name] = from
	if b.claimed != nil {
		b.claimed[name] = true
	}
	b.files++
	b.mu.Unlock()
	return nil
}

// writes runs f, one step of the build, and returns the output files
// it wrote. Only such a step's claims are recorded: a build's pages, the
// most of its files, are not.
func (b *builder) writes(f func() error) (map[string]bool, error) {
	b.mu.Lock()
	outer := b.claimed
	b.claimed = map[string]bool{}
	b.mu.Unlock()
	err := f()
	b.mu.Lock()
	defer b.mu.Unlock()
	names := b.claimed
	if b.claimed = outer; outer != nil {
		maps.Copy(outer, names) // an enclosing step wrote them too
	}
	return names, err
}

// warn records a problem that does not stop the build.
func (b *builder) warn(d diag.Diagnostic) {
	d.Severity = diag.Warning
	b.mu.Lock()
	b.warnings = append(b.warnings, d)
	b.mu.Unlock()
}

// parallel runs f(i) for i in [0,n) on the build's workers and returns
// the errors, in index order.
func (b *builder) parallel(n int, f func(i int) error) []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < b.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []error
	for _, e := range errs {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

func (b *builder) getBuffer() *bytes.Buffer {
	if buf, ok := b.bufs.Get().(*bytes.Buffer); ok {
		buf.Reset()
		return buf
	}
	return new(bytes.Buffer)
}

func (b *builder) putBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= 4<<20 {
		b.bufs.Put(buf)
	}
}

// records describes the built pages, sorted by URL.
func records(srcs []*source) []PageRecord {
	out := make([]PageRecord, 0, len(srcs))
	for _, s := range srcs {
		if !s.build.rendered() {
			continue // not published (buildopts.go)
		}
		p := s.page
		out = append(out, PageRecord{
			File: s.file, URL: p.RelPermalink, Out: s.outPath, Title: p.Title, Description: p.Description,
			Lastmod: p.Lastmod, Program: p.Program, Programs: s.result.programs, Aliases: p.Aliases, Images: p.Images,
			OwnDisclosure: s.ownDisclosure,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}
