package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/sitefile"
	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/shortcodes"
	"github.com/affsite/affsite/tplfuncs"
)

// ManifestLink is one affiliate link of the built site, as listed in
// affiliate-links.json.
type ManifestLink struct {
	Page      string `json:"page"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Program   string `json:"program"`
	Plan      string `json:"plan,omitempty"`
	Placement string `json:"placement,omitempty"`
	SubID     string `json:"subid,omitempty"`
	URL       string `json:"url"`
	Source    string `json:"source"` // "shortcode", "markdown" or "auto" (a keyword auto-link)
}

// pageResult is what rendering one content page made and found out: the
// files it writes and the warnings it gives, which its keeper
// (keepResult) writes and adds, and what the manifest lists and what a
// rebuild (Session) compares to know what else an edit changes.
type pageResult struct {
	outputs    []pageOutput  // the page's files, written by keepResult and then dropped
	warnings   diag.List     // problems that do not stop the build
	links      packedLinks   // the page's affiliate links, for the manifest
	programs   []string      // programs its shortcodes and links use, sorted
	shortcodes []string      // names of the shortcodes its body uses, sorted
	pictures   []string      // static pictures its product boxes read ("static/images/x.png")
	index      template.HTML // an _index.md's text, which its list page shows (renderIndexBody)
}

// pageOutput is one output file of a page: its path in the output and
// its bytes, in a buffer of the builder's pool that keepResult gives back
// once it wrote them.
type pageOutput struct {
	name string
	buf  *bytes.Buffer
}

// warn adds a warning to the result.
func (r *pageResult) warn(d diag.Diagnostic) {
	d.Severity = diag.Warning
	r.warnings = append(r.warnings, d)
}

// renderPages renders and writes every content page, in parallel, and
// keeps each one's result with its source (manifest gathers their
// links).
func (b *builder) renderPages(srcs []*source) error {
	if b.tmpl.use.othersBody {
		b.renderBodies(srcs)
		defer b.dropBodies(srcs)
	}
	rendered := b.progress(len(srcs))
	errs := b.parallel(len(srcs), func(i int) error {
		defer rendered()
		if !srcs[i].build.rendered() {
			return nil // _build render: never or link (buildopts.go)
		}
		_, err := b.renderContentPageCached(srcs[i])
		return err
	})
	return diag.Join(errs)
}

// keepResult is where a content page's rendering, fresh or reused from
// the build cache, takes effect: it writes the page's outputs, records
// the pictures it read (sawPicture) and keeps the rest of the result,
// its warnings too (reportWarnings), with its source. Each keeper calls
// it in the worker that rendered the page, so a build holds the bytes of
// one page a worker.
func (b *builder) keepResult(s *source, r pageResult) error {
	for _, o := range r.outputs {
		err := b.write(o.name, s.file, o.buf.Bytes())
		b.putBuffer(o.buf)
		if err != nil {
			return err
		}
	}
	r.outputs = nil
	s.result = r
	for _, pic := range r.pictures {
		b.sawPicture(s.file, pic)
	}
	return nil
}

// renderAndKeep renders a content page and keeps its result
// (keepResult), which it returns without its outputs.
func (b *builder) renderAndKeep(s *source) (pageResult, error) {
	r, err := b.renderContentPage(s)
	if err != nil {
		return pageResult{}, err
	}
	if err := b.keepResult(s, r); err != nil {
		return pageResult{}, err
	}
	return s.result, nil
}

// renderContentPage renders one content page's body (shortcodes, then
// Markdown, then the shortcodes' HTML put back), enforces the disclosure
// rule and executes its layout, and returns the page it made and what it
// found, writing nothing (keepResult does). It sets the fields of s's
// Page that its layout and the lists show, and leaves s itself as it
// was.
func (b *builder) renderContentPage(s *source) (pageResult, error) {
	p := s.page
	first, ok := b.bodies[s]
	if !ok {
		first = b.renderFirst(s)
	}
	if first.err != nil {
		return pageResult{}, first.err
	}
	r, state := first.r, first.state
	// As in Hugo, layouts are looked up by the page's type: its front
	// matter's type, else its section, else "page".
	typ := p.Type()
	layouts := []string{typ + "/single.html", "_default/single.html"}
	if s.layout != "" {
		layouts = append([]string{typ + "/" + s.layout + ".html", "_default/" + s.layout + ".html"}, layouts...)
	}
	buf, err := b.executeLayout(p, layouts, s.file)
	if err != nil {
		return pageResult{}, err
	}
	r.outputs = []pageOutput{{name: s.outPath, buf: buf}}
	if b.bodies == nil {
		b.dropRendered(p)
	}
	r.links, r.programs = b.manifestOf(s, state), b.shared.List(programsUsed(state))
	return r, nil
}

// renderedBody is a content page's body rendered (renderFirst): what
// it found, and its state for the shortcodes.
type renderedBody struct {
	r     pageResult
	state *builtins.PageState
	err   error
}

// renderFirst renders s's body and sets what rendering sets on its page
// (Content, ReadingTime, JSONLD, TableOfContents), for its layout and
// the templates that show it.
func (b *builder) renderFirst(s *source) renderedBody {
	p := s.page
	buf := b.readBufs.get()
	defer b.readBufs.put(buf) // renderBody copies what it keeps of the body
	head, body, err := b.readBodyInto(s, buf)
	if err != nil {
		return renderedBody{err: err}
	}
	state := b.newPageState()
	state.Slug, state.Title, state.Author, state.File = p.Slug, p.Title, b.cfg.Author, s.file
	state.FrontMatter = head
	state.SubIDPrefix = b.subIDPrefixes[strings.TrimPrefix(p.RelPermalink, b.basePath)]
	state.Date, state.Lastmod, state.Program = p.Date, p.Lastmod, p.Program
	state.Permalink = p.Permalink
	if a, ok := p.Params["author"].(string); ok && a != "" {
		state.Author = a
	}
	html, r, err := b.renderBody(s, body, state, p)
	if err != nil {
		return renderedBody{err: err}
	}
	p.Content = template.HTML(html)
	p.ReadingTime = max(p.ReadingTime, b.renderedReadingTime(html))
	p.JSONLD = state.JSONLD
	return renderedBody{r: r, state: state}
}

// renderBodies renders the body of every page srcs renders before any
// layout runs, one after another in their order (templateUse.othersBody):
// a template that shows another page's body then shows what a clean
// build shows whichever worker runs it, and reads no field a worker
// writes.
func (b *builder) renderBodies(srcs []*source) {
	b.bodies = make(map[*source]renderedBody, len(srcs))
	for _, s := range srcs {
		if s.build.rendered() {
			b.bodies[s] = b.renderFirst(s)
		}
	}
}

// dropBodies drops what renderBodies kept once every layout ran.
func (b *builder) dropBodies(srcs []*source) {
	b.bodies = nil
	for _, s := range srcs {
		b.dropRendered(s.page)
	}
}

// dropRendered drops p's body once its layouts ran: lists need only the
// summary, so memory stays flat; the table of contents and JSON-LD go
// too unless a list shows them.
func (b *builder) dropRendered(p *Page) {
	p.Content = ""
	if !b.tmpl.use.listsShowRendered {
		p.TableOfContents, p.JSONLD = "", nil
	}
}

// executeLayout executes the first of layouts found for p into a buffer
// of the builder's pool.
func (b *builder) executeLayout(p *Page, layouts []string, from string) (*bytes.Buffer, error) {
	t, name := b.tmpl.lookupPage(layouts...)
	if t == nil {
		return nil, diag.Errorf(from, 0, 0, diag.Template, "no layout found (looked for %s)", strings.Join(layouts, ", "))
	}
	buf := b.getBuffer()
	if b.writeGoLayout(buf, name, p) {
		return buf, nil
	}
	buf.Reset()
	if err := t.Execute(buf, p); err != nil {
		b.putBuffer(buf)
		return nil, diag.Errorf(from, 0, 0, diag.Template, "%v", templateError(err))
	}
	return buf, nil
}

// programsUsed lists the programs a page's shortcodes and links use,
// sorted.
func programsUsed(state *builtins.PageState) []string {
	used := map[string]bool{}
	for id := range state.Used {
		used[id] = true
	}
	for _, l := range state.Links {
		used[l.Program] = true
	}
	return sortedKeys(used)
}

// newPageState is a page's state for the built-in shortcodes, sharing
// the build's programs' facts.
func (b *builder) newPageState() *builtins.PageState {
	st := builtins.NewPageState(b.programs, b.cfg.Affiliate)
	st.FactCache = b.factCache
	return st
}

// pageSubIDPrefixes gives each page that can hold affiliate links (the
// content pages and the lists of _index.md files) its sub-id prefix,
// unique across the site (builtins.SubIDPrefixes), keyed by its path
// below the base path.
func (b *builder) pageSubIDPrefixes(srcs []*source, sections map[string]*source) map[string]string {
	slugs := make(map[string]string, len(srcs)+len(sections))
	for _, s := range srcs {
		slugs[strings.TrimPrefix(s.page.RelPermalink, b.basePath)] = s.page.Slug
	}
	for name := range sections {
		if name != "" {
			slugs[name+"/"] = tplfuncs.URLize(name)
		}
	}
	return builtins.SubIDPrefixes(slugs)
}

// readBody reads a content file again and returns its body, the part
// after the front matter the first stage read, and head, the part up to
// it (the front matter as written, for errors at its items' lines: a
// copy, which the page's state keeps).
func (b *builder) readBody(s *source) (head, body []byte, err error) {
	return b.readBodyInto(s, new([]byte))
}

// readBodyInto is readBody into the space of *buf, a buffer the build
// lends (readBuffers), which then holds the file: the body is valid
// until buf is given back, so what rendering keeps of it is copied.
func (b *builder) readBodyInto(s *source, buf *[]byte) (head, body []byte, err error) {
	raw, err := sitefile.ReadInto(filepath.Join(b.opts.Source, filepath.FromSlash(s.file)), s.file, (*buf)[:0])
	if err != nil {
		return nil, nil, err
	}
	*buf = raw
	raw = values.TrimBOM(raw)
	if s.bodyStart > len(raw) {
		return nil, nil, diag.Errorf(s.file, 0, 0, diag.Content, "file changed during the build")
	}
	return bytes.Clone(raw[:s.bodyStart]), raw[s.bodyStart:], nil
}

// renderBody turns a page body into its HTML content, and returns the
// shortcodes it uses (shortcodeNames), the pictures they read and the
// warnings it gives in r.
func (b *builder) renderBody(s *source, body []byte, state *builtins.PageState, p *Page) (html string, r pageResult, err error) {
	saw := func(pic string) { r.pictures = append(r.pictures, pic) }
	htmlContent := isHTMLContent(s.file)
	env := &shortcodes.Env{
		File: s.file, LineOffset: s.lineOffset, Registry: b.shortcodes(state, saw), Templates: b.tmpl,
		Markdown: func(src []byte) (string, error) {
			h, err := b.md.renderPlain(src)
			return string(h), err
		},
		Page: p, Site: b.site, Inline: b.inlineShortcodes(), HTML: htmlContent,
	}
	opts := shortcodes.ParseOptions{InnerUse: env.InnerUse}
	doc, err := shortcodes.ParseWith(body, opts)
	if err != nil {
		if se, ok := err.(*shortcodes.Error); ok {
			return "", pageResult{}, se.At(s.file, s.lineOffset)
		}
		return "", pageResult{}, diag.Errorf(s.file, 0, 0, diag.Content, "%v", err)
	}
	if b.cfg.EnableEmoji {
		body, doc = emojifyBody(body, doc, opts)
	}
	r.shortcodes = b.shared.List(shortcodeNames(doc.Nodes, nil))
	b.warnDuplicateParams(s, body, doc.Nodes, r.warn)
	res, err := shortcodes.Expand(body, doc, env)
	if err != nil {
		return "", pageResult{}, err
	}
	auto, err := b.autoLinksFor(s, state, body, res.Markdown)
	if err != nil {
		return "", pageResult{}, err
	}
	links := &pageLinks{links: b.links}
	st := &mdState{links: links, auto: auto, placeholders: func(text string) (string, bool) {
		return resolvePlaceholders(text, res)
	}}
	buf := b.getBuffer()
	defer b.putBuffer(buf)
	if htmlContent {
		buf.Write(res.Markdown) // HTML content is used as is, as in Hugo
	} else if err := b.md.renderTo(buf, res.Markdown, st); err != nil {
		return "", pageResult{}, diag.Errorf(s.file, 0, 0, diag.Content, "%v", err)
	}
	if auto != nil && auto.err != nil {
		return "", pageResult{}, fmt.Errorf("%s: keyword auto-link: %v", s.file, auto.err)
	}
	// The page's HTML goes from pooled buffer to pooled buffer (buf, rep,
	// then buf again for the click data) and is copied once, at the end.
	rep := b.getBuffer()
	defer b.putBuffer(rep)
	res.WriteReplaced(rep, buf.Bytes())
	out := rep.Bytes()
	buf.Reset()
	p.TableOfContents = st.toc
	for _, l := range st.affLinks {
		state.Links = append(state.Links, builtins.Link{
			Program: l.program, Placement: "markdown", URL: l.href,
			Line: lineOfText(body, l.href, s.lineOffset),
		})
	}
	out, found, err := b.enforceDisclosure(s, body, out, state, env, links, r.warn)
	if err != nil {
		return "", pageResult{}, err
	}
	out = b.addClickData(buf, s, out, found, state, links)
	return string(out), r, nil
}

// resolvePlaceholders replaces the shortcode placeholders in text with
// the plain text of the HTML they stand for, and tells whether it found
// any.
func resolvePlaceholders(text string, res *shortcodes.Result) (string, bool) {
	locs := res.FindPlaceholders([]byte(text))
	if len(locs) == 0 {
		return text, false
	}
	var sb strings.Builder
	last := 0
	for _, l := range locs {
		sb.WriteString(text[last:l[0]])
		if h, ok := res.HTML(text[l[0]:l[1]]); ok {
			sb.WriteString(tplfuncs.Plainify(h))
		}
		last = l[1]
	}
	sb.WriteString(text[last:])
	return sb.String(), true
}

// shortcodeNames adds the names of the shortcodes in nodes, nested ones
// included, to names and returns them sorted and unique.
func shortcodeNames(nodes []shortcodes.Node, names []string) []string {
	for _, n := range nodes {
		if sc, ok := n.(*shortcodes.Shortcode); ok {
			names = append(names, sc.Name)
			names = shortcodeNames(sc.Inner, names)
		}
	}
	sort.Strings(names)
	return slices.Compact(names)
}

// lineOfText is the file line where text first occurs in body, or the
// first body line when it does not occur.
func lineOfText(body []byte, text string, lineOffset int) int {
	i := bytes.Index(body, []byte(text))
	if i < 0 {
		return lineOffset + 1
	}
	return lineOffset + 1 + bytes.Count(body[:i], []byte("\n"))
}

// manifestOf packs a page's affiliate links for the manifest.
func (b *builder) manifestOf(s *source, state *builtins.PageState) packedLinks {
	links := append([]builtins.Link(nil), state.Links...)
	sort.SliceStable(links, func(i, j int) bool {
		if links[i].Line != links[j].Line {
			return links[i].Line < links[j].Line
		}
		return links[i].Col < links[j].Col
	})
	out := make([]ManifestLink, 0, len(links))
	for _, l := range links {
		src := "shortcode"
		switch l.Placement {
		case "markdown", affiliate.AutoLinkPlacement:
			src = l.Placement
		}
		out = append(out, ManifestLink{
			Page: s.page.RelPermalink, File: s.file, Line: l.Line, Program: l.Program, Plan: l.Plan,
			Placement: l.Placement, SubID: l.SubID, URL: l.URL, Source: src,
		})
	}
	return packLinks(out)
}

// shortcodes is the registry a page expands with: the built-ins bound to
// the page's state, then what Options.Shortcodes adds. saw is told the
// static pictures the product boxes read.
func (b *builder) shortcodes(state *builtins.PageState, saw func(pic string)) *shortcodes.Registry {
	state.AssetURL = b.assetURL
	r := builtins.Registry(state)
	r.Fallback(b.hugoRegistry())
	builtins.AddLink(r, state, b.linkSet, b.now)
	builtins.AddDeal(r, state, b.now)
	builtins.AddProduct(r, state, b.linkSet, b.now, b.productImages(state.File, saw))
	if b.opts.Shortcodes != nil {
		b.opts.Shortcodes(r)
	}
	return r
}
