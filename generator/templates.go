package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/sitefile"
)

// layer is one folder of layouts: the site's, a theme's, or the
// embedded default theme's.
type layer struct {
	fsys fs.FS  // rooted at the layouts folder
	name string // shown in messages: "layouts", "themes/x/layouts"
}

// templateSet holds every template a build can use, compiled once. A
// name is looked up in the site's layouts first, then the theme's, then
// the embedded default theme's.
type templateSet struct {
	pages      map[string]*template.Template // "_default/single.html", with baseof when it defines blocks
	partials   map[string]*template.Template // "head.html"
	shortcodes map[string]*template.Template // "shortcodes/afflink.html"
	sources    map[string]string             // logical name → display path
	use        templateUse                   // what the templates read
	cached     sync.Map                      // partialCached results, by name and variants
	calls      partialCalls
	bufs       *sync.Pool // of *bytes.Buffer, for partials: shared by the sets bound to other builds (forBuild)
	// directPartials and directShortcodes are the default theme's
	// templates that are one Go-written call, run without executing them
	// (directtmpl.go), by the names of partials and shortcodes.
	directPartials, directShortcodes map[string]directCall
	goLayouts                        goLayouts // the layouts written from Go (layoutgo.go)
}

// loadTemplates compiles every .html file found in the layers.
func loadTemplates(layers []layer, funcs template.FuncMap) (*templateSet, error) {
	ts := &templateSet{
		pages:      map[string]*template.Template{},
		partials:   map[string]*template.Template{},
		shortcodes: map[string]*template.Template{},
		sources:    map[string]string{},
		bufs:       new(sync.Pool),
	}
	texts, err := readLayers(layers, ts.sources)
	if err != nil {
		return nil, err
	}
	// funcs' partial closes over ts, so it must see the partials map.
	funcs["partial"] = ts.partial
	funcs["partialCached"] = ts.partialCached
	funcs["listCards"] = ts.listCards
	names := make([]string, 0, len(texts))
	for n := range texts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		text := texts[name]
		display := ts.sources[name]
		switch {
		case strings.HasPrefix(name, "partials/"):
			t, err := template.New(display).Funcs(funcs).Parse(text)
			if err != nil {
				return nil, templateError(err)
			}
			ts.partials[strings.TrimPrefix(name, "partials/")] = t
		case strings.HasPrefix(name, "shortcodes/"):
			t, err := template.New(display).Funcs(funcs).Parse(text)
			if err != nil {
				return nil, templateError(err)
			}
			ts.shortcodes[name] = t
		case path.Base(name) == "baseof.html":
			// Used by the layouts below.
		default:
			t, err := compileLayout(name, text, display, texts, ts.sources, funcs)
			if err != nil {
				return nil, err
			}
			ts.pages[name] = t
		}
	}
	for _, m := range [...]map[string]*template.Template{ts.pages, ts.partials, ts.shortcodes} {
		for _, t := range m {
			lowerParamChains(t) // see params.go
		}
	}
	ts.calls = partialCalls{recursive: recursivePartials(ts.partials), chains: map[uint64][]string{}}
	ts.use = ts.fieldUse()
	ts.findDirect(funcs)
	ts.goLayouts = ts.findGoLayouts()
	return ts, nil
}

// readLayers reads the .html files of the layers, the first layer's file
// of a name winning, into their texts by name, and records in sources
// the name each is shown by in errors.
func readLayers(layers []layer, sources map[string]string) (map[string]string, error) {
	texts := map[string]string{}
	for _, l := range layers {
		err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == "." {
					return fs.SkipAll
				}
				return err
			}
			if d.IsDir() || path.Ext(p) != ".html" {
				return nil
			}
			if _, seen := texts[p]; seen {
				return nil // an earlier layer overrides this one
			}
			b, err := fs.ReadFile(l.fsys, p)
			if err != nil {
				return diag.Errorf(path.Join(l.name, p), 0, 0, diag.Template, "%w", sitefile.UnwrapPathError(err))
			}
			texts[p] = string(b)
			sources[p] = path.Join(l.name, p)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return texts, nil
}

// compileLayout compiles a page layout. A layout that defines blocks is
// compiled together with its base template (the baseof.html of its own
// folder, else _default/baseof.html), which is what then executes.
func compileLayout(name, text, display string, texts, sources map[string]string, funcs template.FuncMap) (*template.Template, error) {
	t, err := template.New(display).Funcs(funcs).Parse(text)
	if err != nil {
		return nil, templateError(err)
	}
	if !definesBlocks(t) {
		return t, nil
	}
	base := baseName(name, texts)
	bt, ok := texts[base]
	if !ok {
		return t, nil
	}
	t, err = template.New(sources[base]).Funcs(funcs).Parse(bt)
	if err != nil {
		return nil, templateError(err)
	}
	if _, err := t.New(display).Parse(text); err != nil {
		return nil, templateError(err)
	}
	return t, nil
}

// isListLayout tells whether a layout renders list pages only.
func isListLayout(name string) bool {
	switch path.Base(name) {
	case "list.html", "index.html", "taxonomy.html", "term.html", "terms.html", "404.html":
		return true
	}
	return false
}

// definesBlocks tells whether a parsed layout fills blocks of a base
// template: it defines templates besides itself.
func definesBlocks(t *template.Template) bool {
	for _, d := range t.Templates() {
		if d.Name() != t.Name() {
			return true
		}
	}
	return false
}

func templateError(err error) error {
	return errors.New(strings.TrimPrefix(err.Error(), "template: "))
}

// lookupPage returns the first layout that exists among names.
func (ts *templateSet) lookupPage(names ...string) (*template.Template, string) {
	for _, n := range names {
		if t, ok := ts.pages[n]; ok {
			return t, n
		}
	}
	return nil, ""
}

// partial executes partials/name with ctx; it is the "partial" function
// of templates.
func (ts *templateSet) partial(name string, ctx ...any) (template.HTML, error) {
	if !strings.HasSuffix(name, ".html") {
		name += ".html"
	}
	t, ok := ts.partials[name]
	if !ok {
		return "", fmt.Errorf("partial %q not found", name)
	}
	if ts.calls.recursive[name] {
		leave, err := ts.calls.enter(name, ts.sources["partials/"+name])
		if err != nil {
			return "", err
		}
		defer leave()
	}
	var data any
	if len(ctx) > 0 {
		data = ctx[0]
	}
	if d, ok := ts.directPartials[name]; ok {
		if h, ok := d.run(t, data); ok {
			return h, nil
		}
	}
	buf, _ := ts.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	defer ts.bufs.Put(buf)
	if err := t.Execute(buf, data); err != nil {
		var deep *partialDepthError
		if errors.As(err, &deep) {
			return "", deep // one message, not one wrapping per level
		}
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// partialCached executes a partial once per build for each combination
// of name and variants, as Hugo's partialCached does: for partials whose
// output does not depend on the page, such as a footer.
func (ts *templateSet) partialCached(name string, ctx any, variants ...any) (template.HTML, error) {
	key := name
	for _, v := range variants {
		s, ok := v.(string) // a page's URL, mostly: no fmt.Sprint copy
		if !ok {
			s = fmt.Sprint(v)
		}
		key += "\x00" + s
	}
	if h, ok := ts.cached.Load(key); ok {
		return h.(template.HTML), nil
	}
	h, err := ts.partial(name, ctx)
	if err != nil {
		return "", err
	}
	ts.cached.Store(key, h)
	return h, nil
}

// forBuild is the templates of ts bound to another build: a set that
// shares ts's compiled templates, with funcs (the build's buildFuncs) and
// partial and partialCached of its own, so that it starts with no
// partialCached results. Compiling them again would cost a one-post
// rebuild as much again; html/template looks a function up when it
// runs, so the set runs the build's. The build that bound ts before is
// over: one build of a site runs at a time.
func (ts *templateSet) forBuild(funcs template.FuncMap) *templateSet {
	nt := &templateSet{
		pages: ts.pages, partials: ts.partials, shortcodes: ts.shortcodes, sources: ts.sources, use: ts.use, bufs: ts.bufs, goLayouts: ts.goLayouts,
		calls: partialCalls{recursive: ts.calls.recursive, chains: map[uint64][]string{}},
	}
	funcs["partial"], funcs["partialCached"], funcs["listCards"] = nt.partial, nt.partialCached, nt.listCards
	for _, m := range [...]map[string]*template.Template{ts.pages, ts.partials, ts.shortcodes} {
		for _, t := range m {
			t.Funcs(funcs)
		}
	}
	nt.directPartials, nt.directShortcodes = rebind(ts.directPartials, funcs), rebind(ts.directShortcodes, funcs)
	return nt
}

// Has reports whether a shortcode template exists (shortcodes.TemplateSet).
func (ts *templateSet) Has(name string) bool {
	_, ok := ts.shortcodes[name]
	return ok
}

// UsesInner reports whether a shortcode template reads .Inner.
func (ts *templateSet) UsesInner(name string) bool { return ts.use.inner[name] }

// Execute runs a shortcode template.
func (ts *templateSet) Execute(w io.Writer, name string, data any) error {
	t, ok := ts.shortcodes[name]
	if !ok {
		return fmt.Errorf("template %q not found", name)
	}
	if d, ok := ts.directShortcodes[name]; ok {
		if h, ok := d.run(t, data); ok {
			_, err := io.WriteString(w, string(h))
			return err
		}
	}
	if err := t.Execute(w, data); err != nil {
		return templateError(err)
	}
	return nil
}

// Names lists the shortcode templates, for did-you-mean suggestions.
func (ts *templateSet) Names() []string {
	out := make([]string, 0, len(ts.shortcodes))
	for n := range ts.shortcodes {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
