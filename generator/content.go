package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/frontmatter"
	"github.com/affsite/affsite/internal/sitefile"
	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/shortcodes"
	"github.com/affsite/affsite/tplfuncs"
)

// source is a content page as read in the first stage: what lists and
// menus need, without the rendered body (which the second stage makes
// and writes page by page, so memory does not grow with the site).
type source struct {
	page       *Page
	file       string         // "content/posts/x.md"
	key        string         // file as its language sees it (languages.go contentKey)
	bodyStart  int            // byte offset of the body in the file
	lineOffset int            // lines before the body
	outPath    string         // "posts/x/index.html"
	layout     string         // front matter "layout"
	result     pageResult     // what rendering the page found (render.go)
	menus      []pageMenu     // the front matter's menu entries
	build      buildOptions   // _build / build / headless (buildopts.go)
	cascade    []cascadeEntry // an _index.md's cascade (cascade.go)
	sum        buildcache.Sum // the file's SHA-256 when the build has a cache
	stat       fileSum        // the file's stat data with sum, when it has one
	// ownDisclosure is the front matter's own_disclosure (disclosure.go).
	ownDisclosure bool
	// warnings are what reading its front matter warned of (readSource);
	// its rendering's are its result's.
	warnings diag.List
}

// loadContent reads every content file's front matter and makes its
// page. Section _index.md files come back separately, by section ("" for
// the home page).
func (b *builder) loadContent() ([]*source, map[string]*source, error) {
	root := filepath.Join(b.opts.Source, filepath.FromSlash(b.contentDir()))
	var files, others []string
	err := sitefile.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Symlinks are followed only to files; a linked folder could loop.
			st, err := os.Stat(p)
			if err != nil {
				return diag.Errorf(b.rel(p), 0, 0, diag.Content, "%v", sitefile.UnwrapPathError(err))
			}
			if st.IsDir() {
				b.warn(diag.Warningf(b.rel(p), 0, 0, diag.Source, "symlinked folder skipped"))
				return nil
			}
		}
		if d.IsDir() {
			if p != root && b.skipContentDir(p, d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if ignoredContentName(d.Name()) {
			return nil
		}
		// A plain HTML document (an .html file with "<" first) is a file,
		// not a page, as in Hugo (contentformats.go).
		if f := contentFormat(d.Name()); f != "" && !(f == formatHTML && isHTMLDocumentFile(p)) {
			if b.ownsContent(b.rel(p)) {
				files = append(files, p)
			}
		} else {
			others = append(others, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(files)
	files = b.withoutBundledMarkdown(files)
	b.limitForSources(len(files))
	b.sectionDirs = sectionDirs(func(full string) string { return b.contentKey(b.rel(full)) }, files)
	srcs := make([]*source, len(files))
	rest, errs := b.readIndexFirst(files, srcs) // cascade.go
	errs = append(errs, b.parallel(len(rest), func(j int) error {
		s, err := b.readSource(files[rest[j]])
		srcs[rest[j]] = s
		return err
	})...)
	if err := diag.Join(errs); err != nil {
		return nil, nil, err
	}
	var pages []*source
	sections := map[string]*source{}
	for _, s := range srcs {
		if s == nil {
			continue // a draft, future or expired page
		}
		if path.Base(s.key) == "_index.md" {
			sections[s.page.Section] = s
			continue
		}
		pages = append(pages, s)
	}
	if err := b.checkDuplicates(pages); err != nil {
		return nil, nil, err
	}
	b.resources = bundleResources(pages, others, b.rel, b.contentDir())
	return pages, sections, nil
}

// bundleResources pairs the files below content/ that are not pages
// with their output paths: a page bundle's beside its page
// (content/posts/x/index.md with content/posts/x/chart.png is
// posts/x/chart.png), so that relative links in the page work; any other
// at its path below contentDir (content/posts/chart.png is
// posts/chart.png), as Hugo publishes a section's files.
func bundleResources(pages []*source, others []string, rel func(string) string, contentDir string) [][2]string {
	bundles := map[string]string{} // "content/posts/x/" → "posts/x/"
	for _, s := range pages {
		if path.Base(s.key) != "index.md" {
			continue
		}
		outDir := path.Dir(s.outPath) + "/"
		if s.build.noResources {
			outDir = "" // publishResources: false, headless
		}
		bundles[path.Dir(s.file)+"/"] = outDir
	}
	var out [][2]string
next:
	for _, full := range others {
		f := rel(full)
		for dir := path.Dir(f) + "/"; dir != "content/" && dir != "./"; dir = path.Dir(strings.TrimSuffix(dir, "/")) + "/" {
			if outDir, ok := bundles[dir]; ok {
				if outDir != "" {
					out = append(out, [2]string{full, outDir + strings.TrimPrefix(f, dir)})
				}
				continue next
			}
		}
		if name, ok := strings.CutPrefix(f, contentDir+"/"); ok {
			out = append(out, [2]string{full, name})
		}
	}
	return out
}

// rel gives p relative to the site root, slash-separated, for messages.
func (b *builder) rel(p string) string {
	r, err := filepath.Rel(b.opts.Source, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}

// readSource reads one content file's front matter; it returns nil for a
// page the options leave out, whose warnings the site value keeps
// (unpublished).
func (b *builder) readSource(full string) (*source, error) {
	file := b.rel(full)
	if f := contentFormat(file); f != formatMarkdown && f != formatHTML {
		return nil, diag.Errorf(file, 1, 0, diag.Content, "%s content (%s files) is not supported: affsite renders Markdown and HTML content only", f, path.Ext(file))
	}
	in, err := b.readInput(full, file) // sourcesnap.go
	if err != nil {
		return nil, err
	}
	fm, head := in.keys, in.head
	key := b.contentKey(file)
	kind := KindPage
	if path.Base(key) == "_index.md" {
		kind = KindSection
	}
	fm = b.applyCascade(fm, key, kind)
	at := &fmPlaces{head: head}
	meta, err := decodeMeta(file, fm, at)
	if err != nil {
		return nil, err
	}
	if err := checkTerms(file, meta, at); err != nil {
		return nil, err
	}
	warnings := append(slices.Clone(in.warnings), unsupportedFrontMatter(file, fm, at)...)
	if !b.published(meta) {
		b.keepUnpublished(file, warnings)
		return nil, nil
	}
	rel := strings.TrimPrefix(key, "content/")
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	section, _, _ := strings.Cut(dir, "/")
	if !strings.Contains(rel, "/") || base == "index.md" && !strings.Contains(dir, "/") {
		// A top-level page bundle (content/about/index.md) owns its
		// folder, as in Hugo: it is no section, so no list claims /about/.
		section = ""
	}
	b.shared.Strings(meta.tags)
	b.shared.Strings(meta.categories)
	p := &Page{
		Kind: KindPage, Title: meta.title, Description: meta.description,
		Date: meta.date, Lastmod: meta.lastmod, PublishDate: meta.publishDate, ExpiryDate: meta.expiryDate,
		Draft: meta.draft, Slug: meta.slug, Aliases: meta.aliases, Tags: meta.tags, Categories: meta.categories,
		Weight: meta.weight, Images: meta.images, Program: meta.program, Params: lowerKeys(fm, b.shared),
		Section: section, File: file, Site: b.site, key: key,
	}
	s := &source{page: p, file: file, key: key, bodyStart: len(head), lineOffset: in.lines, layout: meta.layout, sum: in.stat.Sum, stat: in.stat, warnings: warnings}
	if err := s.readOptions(fm, base, at); err != nil {
		return nil, err
	}
	if base == "_index.md" {
		p.Kind = KindSection
		if dir == "" {
			p.Kind = KindHome
		}
		p.Section = dir
	} else if err := b.placePage(s, dir, base, section, meta, at); err != nil {
		return nil, err
	}
	if p.Title == "" && p.Kind == KindPage {
		p.Title = tplfuncs.Humanize(strings.TrimSuffix(base, ".md"))
	}
	b.summarize(p, in.body, meta.summary)
	return s, nil
}

// frontMatter splits a content file into its front matter and body, and
// returns the warnings its reading gives. A Hugo site's front matter is
// read as Hugo reads it (a YAML key given twice is a warning, the last
// value used); site.toml's sites keep the error.
func (b *builder) frontMatter(file string, src []byte) (frontmatter.Result, diag.List, error) {
	fm, err := frontmatter.Parse(file, src)
	if err != nil {
		return frontmatter.Result{}, nil, err
	}
	hugo := b.hugoConfigured()
	var warnings diag.List
	for _, d := range fm.Duplicates {
		if !hugo {
			return frontmatter.Result{}, nil, &d
		}
		d.Severity = diag.Warning
		d.Message += " (the last value is used, as in Hugo)"
		warnings = append(warnings, d)
	}
	return fm, warnings, nil
}

// published tells whether the build's options publish a page: not a
// draft, not future, not expired (unless the options say so).
func (b *builder) published(meta pageMeta) bool {
	return !(meta.draft && !b.opts.Drafts ||
		!meta.publishDate.IsZero() && meta.publishDate.After(b.now) && !b.opts.Future ||
		!meta.expiryDate.IsZero() && !meta.expiryDate.After(b.now) && !b.opts.Expired)
}

// readOptions reads the front matter's build options, an _index.md's
// cascade, own_disclosure and the page's menu entries.
func (s *source) readOptions(fm map[string]any, base string, at *fmPlaces) (err error) {
	if s.build, err = buildOptionsOf(s.file, fm, at); err != nil {
		return err
	}
	if s.cascade, err = cascadeOf(s.file, fm, base, at); err != nil {
		return err
	}
	if s.ownDisclosure, err = ownDisclosureOf(s.file, fm, at); err != nil {
		return err
	}
	s.menus, err = pageMenus(s.file, fm, at)
	return err
}

// cascadeOf is the cascade of an _index.md's front matter fm (none for
// other files, named base).
func cascadeOf(file string, fm map[string]any, base string, at *fmPlaces) ([]cascadeEntry, error) {
	if base != "_index.md" {
		return nil, nil
	}
	c, _ := values.LookupKey(fm, "cascade")
	return parseCascade(file, c, at)
}

// placePage gives a regular page its URL (from url, slug, the folder or
// the section's permalink pattern), output path and slug.
func (b *builder) placePage(s *source, dir, base, section string, meta pageMeta, at *fmPlaces) error {
	p := s.page
	urlPath, err := pageURLPath(dir, base, meta)
	if pattern, ok := b.cfg.PagePermalink(section); ok && err == nil && meta.url == "" {
		urlPath, err = expandPermalink(pattern, permalinkOf(dir, base, section, meta, b.sectionDirs))
	}
	if err != nil {
		line, col := 1, 0
		var ke *keyError
		if errors.As(err, &ke) {
			line, col = at.value(ke.key)
		}
		return diag.Errorf(s.file, line, col, diag.Content, "%v", err)
	}
	s.outPath = urlPath + "index.html"
	p.RelPermalink = b.basePath + urlPath
	p.Permalink = b.absURL(urlPath)
	if s.build.render == "never" {
		p.RelPermalink, p.Permalink = "", "" // as in Hugo: no URL
	}
	if p.Slug == "" {
		p.Slug = path.Base(strings.TrimSuffix(urlPath, "/"))
	}
	return nil
}

// readContentFile reads a content file into buf's space when it has
// room (sitefile.ReadInto), refusing what sitefile.Read refuses and
// files that are not UTF-8 text.
func readContentFile(full, file string, buf []byte) ([]byte, error) {
	src, err := sitefile.ReadInto(full, file, buf)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line, col := diag.LineCol(src, off)
		return nil, diag.Errorf(file, line, col, diag.Content, "file is not UTF-8 text")
	}
	return src, nil
}

// keyError is an error about the value of one front-matter key, reported
// at that value (placePage).
type keyError struct {
	key string
	msg string
}

func (e *keyError) Error() string { return e.msg }

func keyErrorf(key, format string, args ...any) error {
	return &keyError{key: key, msg: fmt.Sprintf(format, args...)}
}

// pageURLPath is the page's path below the site root, with a trailing
// slash: front matter url wins, else the folder plus slug or file name.
// Its errors about url or slug are *keyError.
func pageURLPath(dir, base string, meta pageMeta) (string, error) {
	if meta.url != "" {
		u := path.Clean("/" + strings.TrimSpace(meta.url))
		if strings.Contains(meta.url, "..") || strings.ContainsAny(meta.url, "?#\\") {
			return "", keyErrorf("url", "url %q is not a plain path", meta.url)
		}
		if strings.ContainsFunc(meta.url, unicode.IsControl) {
			return "", keyErrorf("url", "url %q has a control character", meta.url)
		}
		if u == "/" {
			return "", keyErrorf("url", "url %q would replace the home page", meta.url)
		}
		p := strings.TrimPrefix(u, "/")
		if writtenBySite(p) {
			return "", keyErrorf("url", "url %q is the path of a file affsite writes", meta.url)
		}
		if err := checkSegments(p); err != nil {
			return "", keyErrorf("url", "url %q: %v", meta.url, err)
		}
		return p + "/", nil
	}
	name := strings.TrimSuffix(base, ".md")
	if name == "index" && dir != "" {
		// A page bundle: content/posts/x/index.md is /posts/x/.
		dir, name = path.Split(dir)
		dir = strings.TrimSuffix(dir, "/")
	}
	if meta.slug != "" {
		name = meta.slug
	}
	name = tplfuncs.URLize(name)
	key := "slug"
	if meta.slug == "" {
		key = "" // the file's name: line 1
	}
	if name == "" {
		return "", keyErrorf(key, "slug %q has no letters or digits", meta.slug)
	}
	if err := checkSegments(name); err != nil {
		if meta.slug == "" {
			return "", fmt.Errorf("file name %q: %v", base, err)
		}
		return "", keyErrorf(key, "slug %q: %v", meta.slug, err)
	}
	var segs []string
	for _, s := range strings.Split(dir, "/") {
		if s != "" {
			segs = append(segs, tplfuncs.URLize(s))
		}
	}
	segs = append(segs, name)
	return strings.Join(segs, "/") + "/", nil
}

// maxSegment is the longest segment of an output path, in bytes: most
// file systems allow 255 in a file name.
const maxSegment = 255

// checkSegments refuses a slash-separated output path whose folders
// cannot be written: "." or ".." segments, control characters, and
// segments longer than maxSegment.
func checkSegments(p string) error {
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		switch {
		case seg == "." || seg == "..":
			return fmt.Errorf("%q is not a name a folder can have", seg)
		case len(seg) > maxSegment:
			return fmt.Errorf("it is %d bytes long, more than the %d a file name may be", len(seg), maxSegment)
		case strings.ContainsFunc(seg, unicode.IsControl):
			return fmt.Errorf("it has a control character")
		}
	}
	return nil
}

// checkTerms refuses tags and categories whose list pages cannot be
// written (see checkSegments). A term with no letters or digits is left
// out of the lists, as before.
func checkTerms(file string, meta pageMeta, at *fmPlaces) error {
	for _, tax := range [...]struct {
		key   string
		terms []string
	}{{"tags", meta.tags}, {"categories", meta.categories}} {
		for i, term := range tax.terms {
			if slug := tplfuncs.URLize(term); slug != "" {
				if err := checkSegments(slug); err != nil {
					line, col := at.value(tax.key, strconv.Itoa(i)) // a term alone: at the key's value
					return diag.Errorf(file, line, col, diag.FrontMatter, "front matter: %s: %q: %v", tax.key, term, err)
				}
			}
		}
	}
	return nil
}

// checkDuplicates reports two pages that would write the same file.
func (b *builder) checkDuplicates(pages []*source) error {
	seen := map[string]*source{}
	var errs []error
	for _, s := range pages {
		if prev, dup := seen[s.outPath]; dup {
			errs = append(errs, diag.Errorf(s.file, 1, 0, diag.Content, "%s and %s both have the URL %s", prev.file, s.file, s.page.RelPermalink))
			continue
		}
		seen[s.outPath] = s
	}
	return diag.Join(errs)
}

// summaryWords is how long an automatic summary is by default, as in
// Hugo; summaryLength changes it.
const summaryWords = 70

// summarize sets the page's Summary, WordCount and ReadingTime from its
// source: front matter summary, else the text before <!--more-->, else
// the first 70 words of the text (shortcodes left out). body is what
// bodyFactsOf read of the body.
func (b *builder) summarize(p *Page, body bodyFacts, fmSummary string) {
	p.WordCount = body.prose.Words
	p.ReadingTime = (body.prose.Words + 212) / 213
	switch {
	case fmSummary != "":
		h, err := b.md.renderPlain([]byte(fmSummary))
		if err == nil {
			p.Summary = template.HTML(template.HTMLEscapeString(tplfuncs.Plainify(string(h))))
		}
		return
	case body.hasMore:
		p.Summary = template.HTML(template.HTMLEscapeString(body.moreSummary))
		return
	}
	summary := body.prose.Summary
	if body.prose.More {
		summary += " …"
	}
	p.Summary = template.HTML(template.HTMLEscapeString(summary))
}

// bodyFactsOf reads the prose of the body of the content file file for
// summarize, its automatic summary max words long.
func (b *builder) bodyFactsOf(file string, body []byte, max int) bodyFacts {
	prose := func(body []byte) []byte { return body }
	if isHTMLContent(file) {
		prose = htmlProse
	}
	f := bodyFacts{prose: b.proseSummaryCached(file, prose(body), max)}
	if i := bytes.Index(body, []byte("<!--more-->")); i >= 0 {
		f.hasMore = true
		_, f.moreSummary, _ = proseSummary(prose(body[:i]), -1)
	}
	return f
}

// proseSummary counts the words of a Markdown body's prose (see
// proseLines) and returns its first max words joined by spaces (all of
// them when max < 0), and whether more words follow.
func proseSummary(body []byte, max int) (words int, summary string, more bool) {
	var sb strings.Builder
	if max > 0 {
		sb.Grow(max * 8) // a word and a space are about 8 bytes
	}
	var scratch [1024]byte
	line := scratch[:0] // reused for every line; a longer one grows it
	proseLines(body, func(l []byte) {
		line = appendProse(line[:0], l)
		rest := line
		for max < 0 || words < max {
			var w []byte
			if w, rest = nextWord(rest); w == nil {
				return
			}
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.Write(w)
			words++
		}
		if n := countWords(rest); n > 0 { // past the summary: only counted
			words, more = words+n, true
		}
	})
	return words, sb.String(), more
}

// nextWord splits the first word (a run of bytes that are not
// isSpaceByte) from s, returning nil when s has none.
func nextWord(s []byte) (word, rest []byte) {
	i := 0
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	if i == len(s) {
		return nil, nil
	}
	j := i
	for j < len(s) && !isSpaceByte(s[j]) {
		j++
	}
	return s[i:j], s[j:]
}

// countWords is how many words nextWord would split from s, counted
// without a branch on each byte.
func countWords(s []byte) int {
	n, prev := 0, uint8(1) // prev: the byte before was a space
	for _, c := range s {
		sp := spaceBytes[c]
		n += int(prev &^ sp)
		prev = sp
	}
	return n
}

// spaceBytes marks the bytes isSpaceByte accepts with 1.
var spaceBytes = [256]uint8{' ': 1, '\t': 1, '\n': 1, '\r': 1, '\v': 1, '\f': 1}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// proseLines calls f with each line of prose in a Markdown body:
// shortcodes, escaped shortcodes, headings, tables, HTML lines and code
// fences are left out, and list and quote markers trimmed. It is for
// summaries and word counts, not for display.
func proseLines(body []byte, f func(line []byte)) {
	lines := func(text []byte) {
		for len(text) > 0 {
			var line []byte
			if i := bytes.IndexByte(text, '\n'); i >= 0 {
				line, text = text[:i], text[i+1:]
			} else {
				line, text = text, nil
			}
			l := bytes.TrimSpace(line)
			if len(l) == 0 || l[0] == '#' || l[0] == '|' || l[0] == '<' || bytes.HasPrefix(l, []byte("```")) {
				continue
			}
			f(bytes.TrimLeft(l, "-*+>0123456789. "))
		}
	}
	doc, err := shortcodes.Parse(body)
	if err != nil {
		lines(body)
		return
	}
	var walk func(nodes []shortcodes.Node)
	walk = func(nodes []shortcodes.Node) {
		for _, n := range nodes {
			switch n := n.(type) {
			case *shortcodes.Text:
				// Escaped shortcodes ({{</* x */>}}) are examples, not prose.
				if n.Value == "" {
					lines(body[n.Start:n.End])
				}
			case *shortcodes.Shortcode:
				// The inner text of a paired shortcode (a link's text, a
				// verdict's summary) is what the reader sees.
				walk(n.Inner)
			}
		}
	}
	walk(doc.Nodes)
}

// appendProse appends a line of Markdown as plain text: link and image
// syntax reduced to their text, HTML tags and emphasis marks dropped.
func appendProse(out, l []byte) []byte {
	for i := 0; i < len(l); i++ {
		j := i
		for j < len(l) && !proseMarks[l[j]] {
			j++
		}
		out = append(out, l[i:j]...) // a run of plain text, copied at once
		if i = j; i == len(l) {
			break
		}
		c := l[i]
		switch c {
		case '*', '_', '`':
			continue
		case '!':
			if i+1 < len(l) && l[i+1] == '[' {
				continue
			}
		case '[':
			// Footnote references and task-list boxes are not prose.
			if j := bytes.IndexByte(l[i:], ']'); j >= 0 {
				inner := l[i+1 : i+j]
				if bytes.HasPrefix(inner, []byte("^")) || len(inner) == 1 && (inner[0] == ' ' || inner[0] == 'x' || inner[0] == 'X') {
					i += j
					if i+1 < len(l) && l[i+1] == ':' {
						i++
					}
					continue
				}
			}
			continue
		case ']':
			// Skip a link's destination: "](…)".
			if i+1 < len(l) && l[i+1] == '(' {
				if j := bytes.IndexByte(l[i+1:], ')'); j >= 0 {
					i += j + 1
				}
			}
			continue
		case '<':
			if j := bytes.IndexByte(l[i:], '>'); j >= 0 {
				// An autolink (<https://…>) shows its address; a tag
				// shows nothing.
				if inner := l[i+1 : i+j]; bytes.HasPrefix(inner, []byte("http://")) || bytes.HasPrefix(inner, []byte("https://")) {
					out = append(out, inner...)
				}
				i += j
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// proseMarks are the bytes appendProse looks at; it copies the others.
var proseMarks = [256]bool{'*': true, '_': true, '`': true, '!': true, '[': true, ']': true, '<': true}

// loadData reads data/*.{yaml,yml,toml,json} into a map by file name,
// and each folder below data/ into a map of its own under the folder's
// name, as Hugo does (.Site.Data.programs.kartra).
func loadData(siteFS fs.FS) (map[string]any, error) {
	return loadDataDir(siteFS, "data")
}

// loadDataDir is loadData for the folder dir. A file and a folder of the
// same name (data/x.yaml and data/x/) are merged when the file holds a
// mapping, its own keys winning, as Hugo merges them.
func loadDataDir(siteFS fs.FS, dir string) (map[string]any, error) {
	out := map[string]any{}
	entries, err := fs.ReadDir(siteFS, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	folders := map[string]map[string]any{}
	for _, e := range entries {
		if e.IsDir() {
			sub, err := loadDataDir(siteFS, dir+"/"+e.Name())
			if err != nil {
				return nil, err
			}
			folders[e.Name()] = sub
			continue
		}
		ext := path.Ext(e.Name())
		name := strings.TrimSuffix(e.Name(), ext)
		if !isDataExt(ext) {
			continue
		}
		src, err := fs.ReadFile(siteFS, dir+"/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", dir, e.Name(), sitefile.UnwrapPathError(err))
		}
		v, err := decodeData(dir+"/"+e.Name(), ext, src)
		if err != nil {
			return nil, err
		}
		if v != nil {
			out[name] = v
		}
	}
	for name, sub := range folders {
		switch own := out[name].(type) {
		case nil:
			out[name] = sub
		case map[string]any:
			for k, v := range sub {
				if _, ok := own[k]; !ok {
					own[k] = v
				}
			}
		}
	}
	return out, nil
}
