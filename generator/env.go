package generator

import (
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/siteconfig"
)

// siteEnv is what a site's configuration determines: the options, the
// configuration (with --baseURL applied), the renderers it sets up and
// the warnings it gives, with what its builds share and that carries no
// build's state (the program facts' cache, the render buffers). Nothing
// changes it once it is made, so every build of a Session shares one (a
// configuration edit rebuilds all, with a new one); only its record of
// missing strings (siteStrings) grows, as the pages a rebuild does not
// render again ask for theirs no more. A multilingual site has one for
// each language (forLanguage) besides the site's.
type siteEnv struct {
	opts      Options
	cfg       *Config
	now       time.Time
	basePath  string // path of baseURL, "/" or "/blog/"
	md        *markdown
	hugo      *hugoFeatures       // Hugo's highlighting and shortcodes, as configured
	strings   *siteStrings        // i18n/ string files, the T function's (i18n.go)
	lang      *langBuild          // the language built, on a site with [languages] (languages.go)
	factCache *builtins.FactCache // programs' facts, by program set: shared by the pages

	configWarnings diag.List // the configuration's, given with every build's

	// bufs are the buffers pages render into, reused across pages and
	// builds: each is emptied when it is taken (getBuffer), so they carry
	// nothing from one page to the next.
	bufs *sync.Pool
}

// newSiteEnv reads the configuration opts points at and sets up what it
// says.
func newSiteEnv(opts Options) (*siteEnv, error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	if err := CheckSource(opts.Source); err != nil {
		return nil, err
	}
	if opts.Dest == "" {
		opts.Dest = filepath.Join(opts.Source, "public")
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.clock == nil {
		opts.clock = time.Now
	}
	if opts.Workers <= 0 {
		opts.Workers = 4 * runtime.GOMAXPROCS(0)
	}
	cfg, err := siteconfig.LoadEnv(opts.Source, opts.Environment)
	if err != nil {
		return nil, err
	}
	if err := siteconfig.CheckSiteHere(opts.Source, cfg); err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
		if err := cfg.Normalize(); err != nil {
			return nil, err
		}
	}
	e := &siteEnv{opts: opts, cfg: cfg, now: opts.Now, basePath: cfg.BasePath(), factCache: builtins.NewFactCache(), bufs: new(sync.Pool)}
	e.configWarnings = slices.Clone(cfg.Unsupported)
	if w, ok := cfg.IgnoredDiagnostic(); ok {
		e.configWarnings = append(e.configWarnings, w)
	}
	if langs := cfg.SiteLanguages(); len(cfg.Languages) > 0 && len(langs) == 1 {
		e.lang = &langBuild{Language: langs[0], all: langs} // a site of one language
	}
	if e.strings, err = loadStrings(opts.Source, cfg); err != nil {
		return nil, err
	}
	return e, e.setUpMarkdown()
}

// setUpMarkdown reads Hugo's features from the configuration and makes
// the Markdown renderer they and the options' extensions give.
func (e *siteEnv) setUpMarkdown() error {
	var err error
	if e.hugo, err = loadHugoFeatures(e.cfg); err != nil {
		return err
	}
	e.md = newMarkdown(e.cfg.Markup, e.hugo.markdownExtenders(), e.opts.Markdown...)
	return nil
}

// forLanguage is the environment of one language of a multilingual
// site: the language's configuration, prefix and strings. The
// configuration's warnings are the site's builder's to give, once
// (joinReports), so a language's environment has none.
func (e *siteEnv) forLanguage(l Language, all []Language) (*siteEnv, error) {
	le := &siteEnv{opts: e.opts, cfg: e.cfg.ForLanguage(l), now: e.now, basePath: e.basePath + l.Prefix, factCache: builtins.NewFactCache(), bufs: e.bufs}
	le.lang = &langBuild{Language: l, all: all}
	le.strings = e.strings.forLanguage(l.Lang, le.cfg)
	return le, le.setUpMarkdown()
}
