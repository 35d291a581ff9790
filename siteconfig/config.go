// Package siteconfig reads a site's configuration: site.toml or Hugo's
// hugo.* and config.* files in TOML, YAML or JSON, and the config/ folder
// (_default, then an environment's) merged as Hugo merges them, keys in
// any case; it checks each used setting's type at its file and line, and
// lists the settings affsite accepts and does not use for one warning.
package siteconfig

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

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
	// PaginatePath is Hugo's paginatePath, the folder of a list's later
	// pagers: "page" (/posts/page/2/) unless set.
	PaginatePath string           `toml:"paginatePath"`
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
	// DisableAliases turns off the pages front matter aliases write
	// (not the pagers' /page/1/), as in Hugo.
	DisableAliases bool `toml:"disableAliases"`
	// Languages are Hugo's [languages.<lang>] tables; a site with two or
	// more is built once per language (see languages.go).
	Languages                      map[string]LanguageConfig `toml:"languages"`
	DefaultContentLanguage         string                    `toml:"defaultContentLanguage"`
	DefaultContentLanguageInSubdir bool                      `toml:"defaultContentLanguageInSubdir"`
	// EnableMissingTranslationPlaceholders shows a string that i18n/
	// lacks as "[i18n] id" instead of the default language's text.
	EnableMissingTranslationPlaceholders bool `toml:"enableMissingTranslationPlaceholders"`
	// I18nDir is the site's folder of string files, "i18n" unless set
	// (see normalizeI18nDir).
	I18nDir string `toml:"i18nDir"`
	// Markup is Hugo's [markup] table (see markup.go); EnableEmoji
	// turns :smile: into its emoji, as Hugo's enableEmoji does.
	Markup      MarkupConfig `toml:"markup"`
	EnableEmoji bool         `toml:"enableEmoji"`
	// PluralizeListTitles is Hugo's pluralizeListTitles, unset when the
	// configuration does not have it (see ListTitlesPlural).
	PluralizeListTitles *bool `toml:"pluralizeListTitles"`

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

// IgnoredSetting is a configuration key affsite accepts and does not
// use: where it was set, Name the key as written, dotted
// ("markup.goldmark").
type IgnoredSetting = Origin

// PaginationConfig is Hugo's [pagination] table.
type PaginationConfig struct {
	// PagerSize is how many pages a pager lists; it wins over paginate.
	PagerSize int `toml:"pagerSize"`
	// Path is the folder of a list's later pagers (/posts/page/2/); it
	// wins over paginatePath.
	Path string `toml:"path"`
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

// Load reads the configuration of the site rooted at dir for the
// production environment. A site without a configuration gets the
// defaults.
func Load(dir string) (*Config, error) {
	return LoadEnv(dir, EnvProduction)
}

// LoadEnv reads the configuration of the site rooted at dir, with
// config/<env>/ merged over config/_default/ (env empty: production).
func LoadEnv(dir, env string) (*Config, error) {
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
	cfg.Markup = DefaultMarkup(!cfg.HugoConfigured())
	if err := cfg.decode(); err != nil {
		return nil, err
	}
	if err := cfg.checkMarkup(); err != nil {
		return nil, err
	}
	if cfg.Unsupported, err = cfg.unsupportedSettings(); err != nil {
		return nil, err
	}
	return cfg, cfg.Normalize()
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

// Normalize fills defaults and checks values; a build calls it again
// when it overrides the base URL.
func (c *Config) Normalize() error {
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
	if err := c.normalizePaginatePath(); err != nil {
		return err
	}
	if err := c.normalizeI18nDir(); err != nil {
		return err
	}
	if err := c.normalizeContentDirs(); err != nil {
		return err
	}
	if c.Params == nil {
		c.Params = map[string]any{}
	}
	if c.tree == nil {
		c.tree = &configTree{origins: map[string]Origin{}}
	}
	perma, err := c.parsePermalinks(c.Permalinks, c.TaxonomyPlurals())
	if err != nil {
		return err
	}
	c.pagePermalinks = perma
	c.Affiliate.BasePath = c.BasePath()
	if err := c.Affiliate.Normalize(); err != nil {
		return diag.Errorf(file, 0, 0, diag.Config, "%v", err)
	}
	return nil
}

// MenuConfig is one entry of a menu in the configuration.
type MenuConfig struct {
	Name       string         `toml:"name"`
	URL        string         `toml:"url"`
	PageRef    string         `toml:"pageRef"`
	Weight     int            `toml:"weight"`
	Identifier string         `toml:"identifier"`
	Parent     string         `toml:"parent"`
	Pre        string         `toml:"pre"`
	Post       string         `toml:"post"`
	Title      string         `toml:"title"`
	Params     map[string]any `toml:"params"`
}

// BasePath returns the path of the base URL, with slashes on both ends.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// normalizePaginatePath settles the pagers' folder: pagination.path over
// paginatePath, slashes trimmed, "page" by default; a path leaving the
// list's folder is an error at its key.
func (c *Config) normalizePaginatePath() error {
	key, raw := "paginatePath", c.PaginatePath
	if c.Pagination.Path != "" {
		key, raw = "pagination.path", c.Pagination.Path
	}
	p := strings.Trim(raw, "/")
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." || (seg == "" && p != "") {
			o := c.Origin(key)
			return o.Errorf("%s %q must be a folder name below the list (like \"page\")", key, raw)
		}
	}
	if p == "" {
		p = "page"
	}
	c.PaginatePath = p
	return nil
}
