package generator

import (
	"fmt"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/affsite/affsite/highlight"
	"github.com/affsite/affsite/hugoshortcodes"
	"github.com/affsite/affsite/shortcodes"
	"github.com/yuin/goldmark"
)

// hugoFeatures is what the site's configuration says of Hugo's
// highlighting, embedded shortcodes and inline shortcodes (the page
// index that ref and relref read is the build's: refindex.go). Its settings are read from the
// configuration here, apart from Config, so the two grow separately.
type hugoFeatures struct {
	highlight        highlight.Config
	privacy          hugoshortcodes.Privacy
	inlineShortcodes bool // enableInlineShortcodes
}

// loadHugoFeatures reads the settings from the site's merged
// configuration (every file of config/ too; none: the defaults); an
// error is at the key's file and line.
func loadHugoFeatures(cfg *Config) (*hugoFeatures, error) {
	hf := &hugoFeatures{highlight: highlight.Default(), privacy: hugoshortcodes.DefaultPrivacy()}
	if err := hf.decode(cfg.Values()); err != nil {
		return nil, configKeyError(cfg, err)
	}
	return hf, hf.decodeHighlight(cfg)
}

// configKeyError places an error of decode, "key.path: message", at the file
// and line where the configuration set that key.
func configKeyError(cfg *Config, err error) error {
	key, _, _ := strings.Cut(err.Error(), ": ")
	o := cfg.Origin(key)
	return o.Errorf("%v", err)
}

// decode reads the settings from a whole configuration, as decoded from
// any of its formats. Keys are matched ignoring case, as Hugo does.
func (hf *hugoFeatures) decode(values map[string]any) error {
	// Hugo's settings from the Pygments days, which markup.highlight replaced.
	legacy := map[string]string{
		"pygmentsstyle": "style", "pygmentscodefences": "codeFences",
		"pygmentscodefencesguesssyntax": "guessSyntax",
	}
	for k, v := range values {
		lk := strings.ToLower(k)
		if opt, ok := legacy[lk]; ok {
			if err := hf.highlight.Set(opt, v); err != nil {
				return fmt.Errorf("%s: %v", k, err)
			}
		}
		switch lk {
		case "pygmentsuseclasses":
			b, ok := v.(bool)
			if !ok {
				return fmt.Errorf("%s: must be true or false", k)
			}
			hf.highlight.NoClasses = !b
		case "pygmentsoptions":
			s, _ := v.(string)
			if err := hf.highlight.SetOptions(s); err != nil {
				return fmt.Errorf("%s: %v", k, err)
			}
		case "enableinlineshortcodes":
			b, ok := v.(bool)
			if !ok {
				return fmt.Errorf("%s: must be true or false", k)
			}
			hf.inlineShortcodes = b
		}
	}
	return hf.decodePrivacy(table(values, "privacy"))
}

// decodeHighlight reads markup.highlight from the merged configuration
// (siteconfig's Markup.Highlight: every file of config/ too), over the
// Pygments settings; an error is at the key's file and line.
func (hf *hugoFeatures) decodeHighlight(cfg *Config) error {
	if cfg.Markup.Highlight == nil {
		return nil
	}
	c, err := hf.highlight.Decode(cfg.Markup.Highlight)
	if err != nil {
		return configKeyError(cfg, err)
	}
	hf.highlight = c
	return nil
}

// decodePrivacy reads Hugo's [privacy] table and affsite's
// privacy.thirdPartyScripts.
func (hf *hugoFeatures) decodePrivacy(v any) error {
	p := &hf.privacy
	flags := []struct {
		service, key string
		dst          *bool
	}{
		{"", "thirdPartyScripts", &p.Scripts},
		{"youtube", "disable", &p.YouTube.Disable},
		{"youtube", "privacyEnhanced", &p.YouTube.PrivacyEnhanced},
		{"vimeo", "disable", &p.Vimeo.Disable},
		{"vimeo", "enableDNT", &p.Vimeo.EnableDNT},
		{"vimeo", "simple", &p.Vimeo.Simple},
		{"instagram", "disable", &p.Instagram.Disable},
		{"instagram", "simple", &p.Instagram.Simple},
		// Hugo's privacy.twitter became privacy.x; both set the same.
		{"twitter", "disable", &p.X.Disable},
		{"twitter", "enableDNT", &p.X.EnableDNT},
		{"twitter", "simple", &p.X.Simple},
		{"x", "disable", &p.X.Disable},
		{"x", "enableDNT", &p.X.EnableDNT},
		{"x", "simple", &p.X.Simple},
	}
	for _, f := range flags {
		t := v
		name := "privacy." + f.key
		if f.service != "" {
			t = table(v, f.service)
			name = "privacy." + f.service + "." + f.key
		}
		val := table(t, f.key)
		if val == nil {
			continue
		}
		b, ok := val.(bool)
		if !ok {
			return fmt.Errorf("%s: must be true or false", name)
		}
		*f.dst = b
	}
	return nil
}

// table returns the value of key in v, a table, ignoring the key's case;
// nil when v is no table or has no such key.
func table(v any, key string) any {
	m, _ := v.(map[string]any)
	for k, x := range m {
		if strings.EqualFold(k, key) {
			return x
		}
	}
	return nil
}

// markdownExtenders are the goldmark extensions the settings add.
func (hf *hugoFeatures) markdownExtenders() []goldmark.Extender {
	if e := hf.highlight.Extender(); e != nil {
		return []goldmark.Extender{e}
	}
	return nil
}

// hugoShortcodes is a build's Registry of Hugo's embedded shortcodes,
// made at the first page that renders and shared by all: each page's
// Registry falls back to it (shortcodes.Registry.Fallback), and a Hugo
// shortcode finds its page when it is used (hugoPage). It is made again
// for other templates (a Session's rebuild that reloads the shortcode
// templates), since which of Hugo's a site's own replace may change.
type hugoShortcodes struct {
	mu   sync.Mutex
	tmpl *templateSet // the templates r was made for
	r    *shortcodes.Registry
}

// hugoRegistry returns the build's Registry of Hugo's embedded
// shortcodes, leaving out those the site or its theme has a template of
// its own for, which then run as template shortcodes do, as in Hugo.
func (b *builder) hugoRegistry() *shortcodes.Registry {
	h := &b.hugoShortcodes
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.r == nil || h.tmpl != b.tmpl {
		tmpl := b.tmpl
		h.r, h.tmpl = shortcodes.NewRegistry(), tmpl
		hugoshortcodes.Register(h.r, b.hugoPage, func(name string) bool {
			return strings.HasPrefix(tmpl.sources[shortcodes.TemplateName(name)], "[default theme]")
		})
	}
	return h.r
}

// hugoPage is what Hugo's shortcodes need of the page inv is in (its
// Env's File).
func (b *builder) hugoPage(inv *shortcodes.Invocation) *hugoshortcodes.Page {
	var file string
	if inv.Env != nil {
		file = inv.Env.File
	}
	hf := b.hugo
	s := b.refPage(file)
	if s == nil {
		s = b.sectionSourceOf(file) // an _index.md: param reads its front matter
	}
	pg := &hugoshortcodes.Page{
		File: file, Highlight: hf.highlight, Privacy: hf.privacy,
		Markdown: func(src string) (template.HTML, error) {
			h, err := b.md.renderPlain([]byte(src))
			return template.HTML(h), err
		},
		Markdownify: func(src string) (template.HTML, error) { return b.markdownify(src) },
	}
	pg.Refs = b.pageIndex // built at the first ref
	if s != nil {
		pg.File = s.key // refs are relative to the page as its language sees it
		p := s.page
		pg.Param = func(key string) (any, bool) {
			if v, ok := lookupParam(p.Params, key); ok {
				return v, true
			}
			return lookupParam(b.cfg.Params, key)
		}
		if path.Base(s.key) == "index.md" {
			dir := path.Dir(file)
			pg.Resource = func(name string) (string, bool) {
				st, err := os.Stat(filepath.Join(b.opts.Source, filepath.FromSlash(path.Join(dir, name))))
				if err != nil || !st.Mode().IsRegular() {
					return "", false
				}
				return p.RelPermalink + strings.TrimPrefix(path.Clean(name), "./"), true
			}
		}
	}
	return pg
}

// lookupParam finds a dotted key in params, ignoring case.
func lookupParam(params map[string]any, key string) (any, bool) {
	var v any = params
	for _, k := range strings.Split(key, ".") {
		if v = table(v, k); v == nil {
			return nil, false
		}
	}
	return v, true
}

// inlineShortcodes compiles inline shortcodes with the template
// functions, or is nil when the site has not set enableInlineShortcodes.
func (b *builder) inlineShortcodes() func(name, text string) (shortcodes.InlineTemplate, error) {
	if !b.hugo.inlineShortcodes {
		return nil
	}
	return func(name, text string) (shortcodes.InlineTemplate, error) {
		t, err := template.New(name).Funcs(b.templateFuncs()).Parse(text)
		if err != nil {
			return nil, templateError(err)
		}
		lowerParamChains(t)
		return t, nil
	}
}
