package check

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/keypos"
	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/programs"
	"golang.org/x/net/html"
)

// auditor holds one check's state; nothing outlives it.
type auditor struct {
	opts     Options
	cfg      *generator.Config
	progs    *programs.Set
	links    *links.Set // data/links, as the build read it
	rep      *generator.Report
	mem      *generator.MemOutput
	basePath string // "/" or "/blog/"
	siteHost string // host of baseURL; "" when baseURL is a path
	goPath   string // basePath + "go/"

	bySource map[string]generator.PageRecord // output file → its page
	aliasOf  map[string]string               // alias output file → content file
	sources  map[string][]byte               // content file → text, read on demand
	pages    []*page                         // the HTML files, by name

	pending  []occurrence
	findings []Finding
}

// page is one built HTML file, parsed.
type page struct {
	name     string
	raw      []byte
	ids      map[string]bool
	links    []link
	redirect bool // a meta-refresh page (alias or /go/ redirect)
	noindex  bool // a robots meta tag says noindex
	// amazonPrices are the "as of" datetimes of its product boxes that
	// show an Amazon price, in order.
	amazonPrices []string
	deals        []deal   // its deal boxes, in order
	ldScripts    []string // the text of its JSON-LD scripts, in order
	// text is what readers see of it, spaces folded: kept for a page
	// with JSON-LD (not a redirect), whose markup must match it.
	text string
}

// link is one URL-valued attribute of an element.
type link struct {
	tag    string
	href   string // as written, entities decoded
	rel    string
	target string
	alt    *string // img only: nil when there is no alt attribute
	order  int     // the element's index in document order
}

// occurrence is a finding about a built file that still needs a place in
// a source file; see flush.
type occurrence struct {
	name   string // output file
	needle string // text to look for in the source
	level  Level
	msg    string
}

func newAuditor(opts Options, cfg *generator.Config, progs *programs.Set, rep *generator.Report, mem *generator.MemOutput) *auditor {
	a := &auditor{
		opts: opts, cfg: cfg, progs: progs, rep: rep, mem: mem,
		basePath: "/", bySource: map[string]generator.PageRecord{},
		aliasOf: map[string]string{}, sources: map[string][]byte{},
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil {
		a.siteHost = strings.ToLower(u.Host)
		if p := u.Path; p != "" {
			a.basePath = strings.TrimSuffix(p, "/") + "/"
		}
	}
	a.goPath = a.basePath + "go/"
	a.links = rep.Registry
	for _, r := range rep.Sources {
		a.bySource[r.Out] = r
		for _, al := range r.Aliases {
			out := strings.TrimPrefix(path.Clean("/"+strings.TrimSpace(al)), "/")
			if path.Ext(out) != ".html" {
				out += "/index.html"
			}
			a.aliasOf[out] = r.File
		}
	}
	return a
}

// parsePages parses every built HTML file, once: one walk of its tree
// records all that the checks read (see page).
func (a *auditor) parsePages() {
	for _, name := range a.mem.Names() {
		if path.Ext(name) != ".html" {
			continue
		}
		raw, _ := a.mem.File(name)
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			// x/net/html recovers from any markup; only a read error ends here.
			a.add("public/"+name, 1, 0, Error, fmt.Sprintf("cannot parse the HTML: %v", err))
			continue
		}
		p := &page{name: name, raw: raw, ids: map[string]bool{}}
		w := pageWalk{p: p}
		w.walk(doc, false)
		p.amazonPrices = w.boxes.asOfs()
		if len(p.ldScripts) > 0 && !p.redirect {
			p.text = strings.Join(strings.Fields(w.text.String()), " ")
		}
		a.pages = append(a.pages, p)
	}
}

// pageWalk is one walk of a page's tree: the elements' index in
// document order, the text readers see, the product boxes, and the
// JSON-LD script the walk is in.
type pageWalk struct {
	p     *page
	order int
	text  strings.Builder
	boxes priceBoxes
	ld    *html.Node // the JSON-LD script the walk is in, or nil
	ldSrc strings.Builder
}

// walk records n and what is below it. hidden is true inside script,
// style, template and noscript, whose text readers do not see; a JSON-LD
// script's text is kept as such.
func (w *pageWalk) walk(n *html.Node, hidden bool) {
	box, ld := false, false
	switch n.Type {
	case html.ElementNode:
		box = w.p.element(n, w.order)
		w.order++
		w.boxes.element(n, box)
		switch n.Data {
		case "script":
			if ld = isLDJSON(n); ld {
				w.ld = n
			}
			hidden = true
		case "style", "template", "noscript":
			hidden = true
		}
	case html.TextNode:
		w.boxes.text(n.Data)
		if w.ld != nil && n.Parent == w.ld {
			w.ldSrc.WriteString(n.Data)
		}
		if !hidden {
			w.text.WriteString(n.Data)
			w.text.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, hidden)
	}
	if box {
		w.boxes.leave()
	}
	if ld {
		w.p.ldScripts = append(w.p.ldScripts, w.ldSrc.String())
		w.ld = nil
		w.ldSrc.Reset()
	}
}

// linkAttr names the attribute that holds an element's URL.
func linkAttr(tag string) (string, bool) {
	switch tag {
	case "a", "area", "link":
		return "href", true
	case "img", "script", "source", "iframe", "video", "audio":
		return "src", true
	}
	return "", false
}

// element records what one element contributes: its id, its link, a
// deal, a refresh. It reports whether the element is a product box.
func (p *page) element(n *html.Node, order int) (productBox bool) {
	attrs := map[string]string{}
	for _, at := range n.Attr {
		if at.Namespace == "" {
			attrs[at.Key] = at.Val
		}
	}
	productBox = isProductBox(n, attrs)
	var alt *string
	if v, ok := attrs["alt"]; ok {
		alt = &v
	}
	if id := attrs["id"]; id != "" {
		p.ids[id] = true
	}
	if name := attrs["name"]; n.Data == "a" && name != "" {
		p.ids[name] = true
	}
	if d, ok := dealOf(attrs); ok {
		p.deals = append(p.deals, d)
	}
	if n.Data == "meta" && strings.EqualFold(attrs["http-equiv"], "refresh") {
		p.redirect = true
	}
	if n.Data == "meta" && strings.EqualFold(attrs["name"], "robots") && affiliate.HasWord(strings.ReplaceAll(attrs["content"], ",", " "), "noindex") {
		p.noindex = true
	}
	attr, ok := linkAttr(n.Data)
	if !ok {
		return productBox
	}
	v, ok := attrs[attr]
	if !ok {
		if n.Data == "img" {
			p.links = append(p.links, link{tag: n.Data, alt: alt, order: order})
		}
		return productBox
	}
	if n.Data == "link" && (affiliate.HasWord(attrs["rel"], "preconnect") || affiliate.HasWord(attrs["rel"], "dns-prefetch")) {
		return productBox
	}
	p.links = append(p.links, link{tag: n.Data, href: v, rel: attrs["rel"], target: attrs["target"], alt: alt, order: order})
	return productBox
}

// strictLevel is the level of a finding that is a warning, or an error
// with --strict.
func (a *auditor) strictLevel() Level {
	if a.opts.Strict {
		return Error
	}
	return Warning
}

// pageURL is the URL path a built file is served at.
func (a *auditor) pageURL(name string) string {
	if path.Base(name) == "index.html" {
		d := path.Dir(name)
		if d == "." {
			return a.basePath
		}
		return a.basePath + d + "/"
	}
	return a.basePath + name
}

// resolve makes href absolute against the page it is on; internal says
// whether it points into the site.
func (a *auditor) resolve(name, href string) (u *url.URL, internal bool, err error) {
	ref, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return nil, false, err
	}
	base := &url.URL{Scheme: "https", Host: a.siteHost, Path: a.pageURL(name)}
	if a.siteHost == "" {
		base.Host = "site.invalid"
	}
	u = base.ResolveReference(ref)
	switch u.Scheme {
	case "http", "https":
	default:
		return u, false, nil
	}
	return u, strings.EqualFold(u.Host, base.Host), nil
}

// add records a finding at a known place; col 0 is an unknown column.
func (a *auditor) add(file string, line, col int, level Level, msg string) {
	a.findings = append(a.findings, Finding{File: file, Line: line, Col: col, Severity: level, Message: msg})
}

// report records a finding about a built file; flush places it.
func (a *auditor) report(name, needle string, level Level, msg string) {
	a.pending = append(a.pending, occurrence{name: name, needle: needle, level: level, msg: msg})
}

// flush places the pending findings. One whose needle (usually the
// href) is in the page's content file is reported at that line. One that
// is not, but recurs on other pages, came from the theme: it is reported
// once, at the first built file, with the number of pages. Any other is
// reported at line 1 of the page's content file, or in the built file
// for pages without one (lists, the home page).
func (a *auditor) flush() {
	notInSource := map[string][]occurrence{} // message → occurrences
	var keys []string
	for _, o := range a.pending {
		if file, line, col, ok := a.locate(o.name, o.needle); ok {
			a.add(file, line, col, o.level, o.msg)
			continue
		}
		if _, seen := notInSource[o.msg]; !seen {
			keys = append(keys, o.msg)
		}
		notInSource[o.msg] = append(notInSource[o.msg], o)
	}
	for _, msg := range keys {
		occ := notInSource[msg]
		names := map[string]bool{}
		first := occ[0]
		for _, o := range occ {
			names[o.name] = true
			if o.name < first.name {
				first = o
			}
		}
		if len(names) > 1 {
			line, col := placeOf(first.raw(a), first.needle)
			a.add("public/"+first.name, line, col, first.level, fmt.Sprintf("%s (on %d pages)", msg, len(names)))
			continue
		}
		if r, ok := a.bySource[first.name]; ok {
			a.add(r.File, 1, 0, first.level, msg)
			continue
		}
		line, col := placeOf(first.raw(a), first.needle)
		a.add("public/"+first.name, line, col, first.level, msg)
	}
	a.pending = nil
}

func (o occurrence) raw(a *auditor) []byte {
	b, _ := a.mem.File(o.name)
	return b
}

// locate finds needle in the content file that made the built file name:
// the file, and the line and column where needle starts.
func (a *auditor) locate(name, needle string) (file string, line, col int, ok bool) {
	if r, ok := a.bySource[name]; ok {
		file = r.File
	} else if f, ok := a.aliasOf[name]; ok {
		file = f
	}
	if file == "" {
		return "", 0, 0, false
	}
	src := a.source(file)
	for _, n := range a.needles(needle) {
		if i := bytes.Index(src, []byte(n)); i >= 0 {
			line, col := diag.LineCol(src, i)
			return file, line, col, true
		}
	}
	if _, alias := a.aliasOf[name]; alias {
		line, col := keyPlace(src, "aliases")
		return file, line, col, true
	}
	return "", 0, 0, false
}

// needles are the forms an href may have in the Markdown that made it.
func (a *auditor) needles(href string) []string {
	if href == "" {
		return nil
	}
	out := []string{href}
	if a.basePath != "/" && strings.HasPrefix(href, a.basePath) {
		out = append(out, "/"+strings.TrimPrefix(href, a.basePath))
	}
	if u, err := url.Parse(href); err == nil && u.RawQuery != "" {
		// A shortcode or the link rewriter may have added query
		// parameters to a URL the author wrote without them.
		out = append(out, strings.SplitN(href, "?", 2)[0])
	}
	return out
}

// source returns a content file's text (empty when unreadable).
func (a *auditor) source(file string) []byte {
	if b, ok := a.sources[file]; ok {
		return b
	}
	b, _ := os.ReadFile(filepath.Join(a.opts.Source, filepath.FromSlash(file)))
	a.sources[file] = b
	return b
}

// placeOf is the line and column of the first needle in b (as written,
// else HTML-escaped), or line 1 at no known column.
func placeOf(b []byte, needle string) (line, col int) {
	if needle == "" {
		return 1, 0
	}
	i := bytes.Index(b, []byte(needle))
	if i < 0 {
		i = bytes.Index(b, []byte(html.EscapeString(needle)))
	}
	if i < 0 {
		return 1, 0
	}
	return diag.LineCol(b, i)
}

// keyPlace is the line and column of a front-matter (or data) key, or
// line 1 at no known column when it is not set.
func keyPlace(src []byte, key string) (line, col int) {
	if line, col, ok := keypos.Find(src, key); ok {
		return line, col
	}
	return 1, 0
}
