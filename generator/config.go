package generator

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/diag"
)

// Config is a site's configuration, read from site.toml or from any of
// Hugo's configuration files and folders (see readConfigTree).
type Config struct {
	Title        string           `toml:"title"`
	BaseURL      string           `toml:"baseURL"`
	LanguageCode string           `toml:"languageCode"`
	Theme        ThemeList        `toml:"theme"`
	Copyright    string           `toml:"copyright"`
	Author       string           `toml:"author"`
	Paginate     int              `toml:"paginate"`
	Pagination   PaginationConfig `toml:"pagination"`
	Minify       MinifySetting    `toml:"minify"`
	Params       map[string]any   `toml:"params"`
	Affiliate    affiliate.Config `toml:"affiliate"`
	// MainSections are the sections whose pages are posts (reviews):
	// Hugo's mainSections, here or under [params] (see mainSections).
	MainSections []string `toml:"mainSections"`

	// Permalinks maps a section (or, under "page", a section) to the
	// URL pattern of its pages, with Hugo's tokens (:year, :slug, …);
	// see permalink.go.
	Permalinks map[string]any `toml:"permalinks"`
	// RSSLimit is Hugo's rssLimit, how many items a feed holds (all
	// when below 0); services.rss.limit is its newer name and wins.
	RSSLimit int            `toml:"rssLimit"`
	Services ServicesConfig `toml:"services"`
	// SummaryLength is how many words an automatic summary has.
	SummaryLength int `toml:"summaryLength"`
	// Menus are the configured menu entries by menu ([[menus.main]], or
	// Hugo's older [[menu.main]]); SectionPagesMenu names the menu every
	// top-level section joins. See menus.go.
	Menus            map[string][]MenuConfig `toml:"menus"`
	SectionPagesMenu string                  `toml:"sectionPagesMenu"`
	// Taxonomies are Hugo's [taxonomies] (singular = plural), which
	// replace tags and categories; DisableKinds turns kinds of pages off.
	// See taxonomies.go.
	Taxonomies   map[string]string `toml:"taxonomies"`
	DisableKinds []string          `toml:"disableKinds"`

	// File is the path of the file the configuration came from, relative
	// to the site root; empty when the site has none. With a config/
	// folder it is the first file read.
	File string `toml:"-"`
	// Files lists every configuration file read, in merge order.
	Files []string `toml:"-"`
	// Environment is the configuration's environment ("production",
	// "development"): config/<environment>/ was merged over
	// config/_default/.
	Environment string `toml:"-"`
	// Ignored lists the settings affsite read and does not use; a build
	// warns once with all of them (IgnoredWarning).
	Ignored []IgnoredSetting `toml:"-"`

	// Unsupported are warnings about Hugo features the configuration
	// uses that affsite does not have yet (see hugounsupported.go).
	Unsupported diag.List `toml:"-"`

	tree *configTree
	// pagePermalinks are Permalinks checked: patterns by section, lower
	// case.
	pagePermalinks map[string]string
}

// IgnoredSetting is a configuration key affsite accepts and does not use.
type IgnoredSetting struct {
	File string
	Line int
	Key  string // as written, dotted: "markup.goldmark"
}

// PaginationConfig is Hugo's [pagination] table.
type PaginationConfig struct {
	// PagerSize is how many pages a pager lists; it wins over paginate.
	PagerSize int `toml:"pagerSize"`
}

// ServicesConfig is the part of Hugo's [services] table affsite uses.
type ServicesConfig struct {
	RSS struct {
		Limit int `toml:"limit"`
	} `toml:"rss"`
}

// ThemeList is the theme key: one theme's name, or a list of them (as
// Hugo allows), the first one's files winning.
type ThemeList []string

// UnmarshalTOML implements toml.Unmarshaler.
func (t *ThemeList) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case string:
		*t = nil
		if x != "" {
			*t = ThemeList{x}
		}
		return nil
	case []any:
		out := ThemeList{}
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return fmt.Errorf("theme must be a name or a list of names")
			}
			out = append(out, s)
		}
		*t = out
		return nil
	}
	return fmt.Errorf("theme must be a name or a list of names")
}

// MinifySetting is site.toml's minify key: true or false. A Hugo
// configuration's [minify] table (Hugo's minifier options) reads as
// false, so a Hugo site's config loads unchanged.
type MinifySetting bool

// UnmarshalTOML implements toml.Unmarshaler.
func (m *MinifySetting) UnmarshalTOML(v any) error {
	switch t := v.(type) {
	case bool:
		*m = MinifySetting(t)
	case map[string]any:
		*m = false
	default:
		return fmt.Errorf("minify must be true or false")
	}
	return nil
}

// Environments a build and a preview read config/<environment>/ for,
// as Hugo's do by default.
const (
	EnvProduction  = "production"
	EnvDevelopment = "development"
)

// LoadConfig reads the configuration of the site rooted at dir for the
// production environment. A site without a configuration gets the
// defaults.
func LoadConfig(dir string) (*Config, error) {
	return LoadConfigEnv(dir, EnvProduction)
}

// LoadConfigEnv reads the configuration of the site rooted at dir, with
// config/<env>/ merged over config/_default/ (env empty: production).
func LoadConfigEnv(dir, env string) (*Config, error) {
	if env == "" {
		env = EnvProduction
	}
	tree, err := readConfigTree(dir, env)
	if err != nil {
		return nil, err
	}
	cfg := &Config{Environment: env, tree: tree, Files: tree.files}
	if len(tree.files) > 0 {
		cfg.File = tree.files[0]
	}
	if err := cfg.decode(); err != nil {
		return nil, err
	}
	if cfg.Unsupported, err = cfg.unsupportedSettings(); err != nil {
		return nil, err
	}
	return cfg, cfg.normalize()
}

// decode fills the configuration from its merged tree. The tree is
// written out as TOML and decoded by the TOML decoder, so that one set
// of struct tags and Unmarshalers serves every format Hugo reads; the
// decoder's errors then name a key, which the tree places in its file.
func (c *Config) decode() error {
	t := c.tree
	values := t.values
	if menu, ok := lookupKey(values, "menu"); ok {
		// Hugo's older name: [[menu.main]] is [[menus.main]].
		for k := range values {
			if strings.EqualFold(k, "menu") {
				delete(values, k)
			}
		}
		if m, ok := menu.(map[string]any); ok {
			mergeValues(values, map[string]any{"menus": m})
			if o, ok := t.origins["menu"]; ok {
				t.origins["menus"] = o
			}
		}
	}
	if a, ok := lookupKey(values, "author"); ok {
		// Hugo's [author] table: its name is the site's author.
		if m, ok := a.(map[string]any); ok {
			v, _ := lookupKey(m, "name")
			name, _ := v.(string)
			for k := range values {
				if strings.EqualFold(k, "author") {
					values[k] = name
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(values); err != nil {
		return diag.Errorf(t.origin("").file, 1, 0, diag.Config, "%v", err)
	}
	md, err := toml.Decode(buf.String(), c)
	if err != nil {
		return c.decodeError(err)
	}
	for _, key := range []string{"paginate", "pagination.pagerSize"} {
		if md.IsDefined(strings.Split(strings.ToLower(key), ".")...) || md.IsDefined(strings.Split(key, ".")...) {
			n := c.Paginate
			if key != "paginate" {
				n = c.Pagination.PagerSize
			}
			if n <= 0 {
				o := t.origin(key)
				return diag.Errorf(o.file, o.line, 0, diag.Config, "%s must be 1 or more, not %d", key, n)
			}
		}
	}
	return c.unknownKeys(md.Undecoded())
}

// tomlTypeErrorRE matches the decoder's error for a value of the wrong
// type, which is no ParseError.
var tomlTypeErrorRE = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (?:incompatible types: TOML value has type (\S+); destination has type (\S+)|(.*))$`)

// decodeError gives an error of decode at the key's file and line.
func (c *Config) decodeError(err error) error {
	m := tomlTypeErrorRE.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Errorf(c.tree.origin("").file, 1, 0, diag.Config, "%s", strings.TrimPrefix(err.Error(), "toml: "))
	}
	o := c.tree.origin(m[2])
	name := o.name
	if !strings.EqualFold(name, m[2]) {
		name = m[2] // a key inside a list: the list's line, the key's name
	}
	if m[3] != "" {
		return diag.Errorf(o.file, o.line, 0, diag.Config, "%s must be %s, not %s", name, tomlTypeName(m[4]), tomlTypeName(m[3]))
	}
	msg := m[5]
	if !strings.HasPrefix(msg, path.Base(strings.ReplaceAll(name, ".", "/"))+" ") {
		msg = name + ": " + msg
	}
	return diag.Errorf(o.file, o.line, 0, diag.Config, "%s", msg)
}

// unknownKeys sorts the keys the decoder did not use. Settings Hugo
// knows, and any setting of a Hugo configuration file, are accepted and
// listed in c.Ignored (Hugo itself ignores keys it does not know). A key
// of site.toml that neither affsite nor Hugo knows is a typo, and an
// unknown key of affsite's own [affiliate] table is one in any file:
// those are errors.
func (c *Config) unknownKeys(keys []toml.Key) error {
	undecoded := map[string]bool{}
	for _, k := range keys {
		undecoded[strings.ToLower(k.String())] = true
	}
	var ignored []keyOrigin
	var bad []string
	for _, k := range keys {
		lk := strings.ToLower(k.String())
		if len(k) == 0 || strings.EqualFold(k[0], "params") {
			continue
		}
		if i := strings.LastIndexByte(lk, '.'); i >= 0 && undecoded[lk[:i]] {
			continue // within a table that is listed itself
		}
		o := c.tree.origin(k.String())
		top := strings.ToLower(k[0])
		switch {
		case top == "affiliate":
			bad = append(bad, fmt.Sprintf("%s: unknown key %q in [affiliate]", o.file, strings.Join(k[1:], ".")))
		case o.file == "site.toml" && !isHugoOnlyKey(top):
			bad = append(bad, fmt.Sprintf("%s: unknown key %q", o.file, k.String()))
		default:
			if o.name == "" {
				o.name = k.String()
			}
			ignored = append(ignored, o)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return errors.New(bad[0])
	}
	c.tree.sortOrigins(ignored)
	for _, o := range ignored {
		c.Ignored = append(c.Ignored, IgnoredSetting{File: o.file, Line: o.line, Key: o.name})
	}
	return nil
}

// IgnoredWarning is the one warning that lists the settings affsite
// does not use, or "" when there are none.
func (c *Config) IgnoredWarning() string {
	d, ok := c.ignoredDiagnostic()
	if !ok {
		return ""
	}
	return d.Error()
}

// ignoredDiagnostic is IgnoredWarning as a diagnostic.
func (c *Config) ignoredDiagnostic() (diag.Diagnostic, bool) {
	if len(c.Ignored) == 0 {
		return diag.Diagnostic{}, false
	}
	first := c.Ignored[0]
	var keys []string
	for _, s := range c.Ignored {
		k := s.Key
		if s.File != first.File {
			k += " (" + s.File + ":" + strconv.Itoa(s.Line) + ")"
		} else if s.Line != first.Line {
			k += " (line " + strconv.Itoa(s.Line) + ")"
		}
		keys = append(keys, k)
	}
	word := "settings"
	if len(keys) == 1 {
		word = "setting"
	}
	return diag.Warningf(first.File, first.Line, 0, diag.Config, "%d %s that affsite does not use, ignored: %s", len(keys), word, strings.Join(keys, ", ")), true
}

// CheckSiteHere refuses to build a folder that is no site: one with
// neither a configuration file nor a content/ folder (an empty folder,
// or content/ itself), where a build would write a site of nothing.
func CheckSiteHere(dir string, cfg *Config) error {
	if cfg.File != "" {
		return nil
	}
	if st, err := os.Stat(filepath.Join(dir, "content")); err == nil && st.IsDir() {
		return nil
	}
	return diag.Errorf(dir, 0, 0, diag.Config, "no site here (no site.toml, hugo.toml or config.toml, and no content/)")
}

// isHugoOnlyKey tells whether k (a top-level key, lower case) is a Hugo
// setting, which affsite accepts (with a warning when it does not use
// it) so that a Hugo site's configuration reads.
func isHugoOnlyKey(k string) bool {
	switch k {
	case "archetypedir", "assetdir", "build", "builddrafts", "buildexpired", "buildfuture",
		"cachedir", "caches", "canonifyurls", "capitalizelisttitles", "cascade", "cleandestinationdir",
		"contentdir", "contenttypes", "datadir", "defaultcontentlanguage", "defaultcontentlanguageinsubdir",
		"deployment", "disablealiases", "disabledefaultlanguageredirect", "disablefastrender",
		"disablehugogeneratorinject", "disablekinds", "disablelanguages", "disablelivereload",
		"disablepathtolower", "disqusshortname", "enableemoji", "enablegitinfo", "enableinlineshortcodes",
		"enablemissingtranslationplaceholders", "enablerobotstxt", "environment", "footnotereturnlinkcontents",
		"frontmatter", "googleanalytics", "hascjklanguage", "httpcache", "i18ndir", "ignorecache",
		"ignoreerrors", "ignorefiles", "ignorelogs", "ignorevendorpaths", "imaging", "languages",
		"layoutdir", "locale", "mainsections", "markup", "mediatypes", "menu", "menus", "minify", "module",
		"newcontenteditor", "notimes", "nochmod", "outputformats", "outputs", "page", "paginatepath",
		"pagination", "paniconwarning", "permalinks", "pluralizelisttitles",
		"printpathwarnings", "printunusedtemplates", "privacy", "publishdir", "pygmentscodefences",
		"pygmentscodefencesguesssyntax", "pygmentsoptions", "pygmentsstyle", "pygmentsuseclasses",
		"pygmentsuseclassic", "reflinkserrorlevel", "reflinksnotfoundurl", "related", "relativeurls",
		"removepathaccents", "resourcedir", "rsslimit", "sectionpagesmenu", "security", "segments",
		"server", "services", "sitemap", "social", "staticdir", "summarylength", "taxonomies",
		"templatemetrics", "templatemetricshints", "themesdir", "timeout", "timezone", "titlecasestyle",
		"uglyurls", "verbose", "watch", "workingdir", "blackfriday", "paginate":
		return true
	}
	return false
}

// tomlError gives a TOML decoding error as "file:line: message", with
// the key when the error is about a value's type.
func tomlError(file string, err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		return diag.Errorf(file, perr.Position.Line, 0, diag.Config, "%s", perr.Message)
	}
	if m := tomlTypeErrorRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		line = max(line, 1)
		if m[3] != "" {
			return diag.Errorf(file, line, 0, diag.Config, "%s must be %s, not %s", m[2], tomlTypeName(m[4]), tomlTypeName(m[3]))
		}
		return diag.Errorf(file, line, 0, diag.Config, "%s: %s", m[2], m[5])
	}
	return diag.Errorf(file, 1, 0, diag.Config, "%s", strings.TrimPrefix(err.Error(), "toml: "))
}

// tomlTypeName names a type of the TOML decoder's messages for an author.
func tomlTypeName(t string) string {
	switch t {
	case "integer", "int64":
		return "a whole number"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "float64", "float":
		return "a number"
	case "map", "map[string]interface", "map[string]any":
		return "a table"
	case "slice", "[]interface", "[]any", "array":
		return "a list"
	case "datetime", "time.Time":
		return "a date"
	}
	return t
}

// normalize fills defaults and checks values.
func (c *Config) normalize() error {
	file := c.File
	if file == "" {
		file = "site.toml"
	}
	if c.Title == "" {
		c.Title = "My affiliate site"
	}
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	if c.Pagination.PagerSize > 0 {
		c.Paginate = c.Pagination.PagerSize
	}
	if c.Paginate <= 0 {
		c.Paginate = 10
	}
	if c.Params == nil {
		c.Params = map[string]any{}
	}
	if c.tree == nil {
		c.tree = &configTree{origins: map[string]keyOrigin{}}
	}
	perma, err := c.parsePermalinks(c.Permalinks, c.taxonomyPlurals())
	if err != nil {
		return err
	}
	c.pagePermalinks = perma
	c.Affiliate.BasePath = basePathOf(c.BaseURL)
	if err := c.Affiliate.Normalize(); err != nil {
		return diag.Errorf(file, 0, 0, diag.Config, "%v", err)
	}
	return nil
}
