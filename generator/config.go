package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Config is a site's configuration, read from site.toml (or, for sites
// moving from Hugo, hugo.toml or config.toml).
type Config struct {
	Title        string         `toml:"title"`
	BaseURL      string         `toml:"baseURL"`
	LanguageCode string         `toml:"languageCode"`
	Theme        string         `toml:"theme"`
	Copyright    string         `toml:"copyright"`
	Author       string         `toml:"author"`
	Paginate     int            `toml:"paginate"`
	Minify       MinifySetting  `toml:"minify"`
	Params       map[string]any `toml:"params"`
	Affiliate    Affiliate      `toml:"affiliate"`

	// File is the path of the file the configuration came from, relative
	// to the site root; empty when the site has none.
	File string `toml:"-"`
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

// Affiliate holds the [affiliate] table of site.toml.
type Affiliate struct {
	// RefID is the affiliate's id, used when a program has no ref_id.
	RefID string `toml:"ref_id"`
	// Disclosure is "auto" (insert one where missing), "require" (fail
	// the build) or "off".
	Disclosure string `toml:"disclosure"`
	// DisclosureText is the default disclosure's text.
	DisclosureText string `toml:"disclosure_text"`
	// LinkMode is "direct" (links go to the program) or "cloaked" (links
	// go to /go/<program>/ redirect pages).
	LinkMode string `toml:"link_mode"`
	// Target is the target attribute of affiliate links ("_blank" or "").
	Target string `toml:"target"`
	// UTM parameters added to every affiliate link when set.
	UTMSource   string `toml:"utm_source"`
	UTMMedium   string `toml:"utm_medium"`
	UTMCampaign string `toml:"utm_campaign"`
	// StaleAfterDays is the age in days after which a program's
	// prices_checked date is reported as stale.
	StaleAfterDays int `toml:"stale_after_days"`
	// Currency overrides the default currency (USD, "$").
	CurrencyCode   string `toml:"currency"`
	CurrencySymbol string `toml:"currency_symbol"`
}

// Disclosure modes.
const (
	DisclosureAuto    = "auto"
	DisclosureRequire = "require"
	DisclosureOff     = "off"
)

// Link modes.
const (
	LinkDirect  = "direct"
	LinkCloaked = "cloaked"
)

// DefaultDisclosureText is the disclosure shown when site.toml gives none.
const DefaultDisclosureText = "This page contains affiliate links: if you buy through them, we may earn a commission at no extra cost to you. It does not change what we recommend."

// configFiles are the names a site's configuration may have, in the
// order they are looked for.
var configFiles = [...]string{"site.toml", "hugo.toml", "config.toml"}

// LoadConfig reads the configuration of the site rooted at dir. A site
// without a configuration file gets the defaults.
func LoadConfig(dir string) (*Config, error) {
	cfg := &Config{}
	for _, name := range configFiles {
		src, err := readSourceFile(filepath.Join(dir, name), name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		md, err := toml.Decode(string(src), cfg)
		if err != nil {
			return nil, tomlError(name, err)
		}
		if undecoded := md.Undecoded(); len(undecoded) > 0 {
			if err := unknownConfigKeys(name, undecoded); err != nil {
				return nil, err
			}
		}
		cfg.File = name
		break
	}
	return cfg, cfg.normalize()
}

// unknownConfigKeys reports keys that affsite does not know, except in
// tables that are free-form or that Hugo configurations commonly carry.
func unknownConfigKeys(file string, keys []toml.Key) error {
	var bad []string
	for _, k := range keys {
		if len(k) == 0 || k[0] == "params" || isHugoOnlyKey(strings.ToLower(k[0])) {
			continue
		}
		bad = append(bad, k.String())
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Strings(bad)
	return fmt.Errorf("%s: unknown key %q", file, bad[0])
}

// isHugoOnlyKey tells whether k (lower case) is a Hugo setting that
// affsite accepts and ignores, so a Hugo site's configuration reads
// without errors.
func isHugoOnlyKey(k string) bool {
	switch k {
	case "build", "builddrafts", "buildexpired", "buildfuture", "caches", "canonifyurls",
		"contentdir", "datadir", "defaultcontentlanguage", "disablekinds", "disablepathtolower",
		"enableemoji", "enablegitinfo", "enableinlineshortcodes", "enablerobotstxt", "frontmatter",
		"googleanalytics", "hastcjklanguage", "imaging", "languages", "layoutdir", "markup",
		"mediatypes", "menu", "menus", "minify", "module", "outputformats", "outputs",
		"paginatepath", "pagination", "params", "permalinks", "pluralizelisttitles", "privacy",
		"publishdir", "related", "relativeurls", "rsslimit", "security", "server", "services",
		"sitemap", "staticdir", "summarylength", "taxonomies", "timezone", "titlecasestyle",
		"uglyurls":
		return true
	}
	return false
}

func tomlError(file string, err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		return fmt.Errorf("%s:%d: %s", file, perr.Position.Line, perr.Message)
	}
	return fmt.Errorf("%s: %v", file, err)
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
	if c.Paginate <= 0 {
		c.Paginate = 10
	}
	if c.Params == nil {
		c.Params = map[string]any{}
	}
	a := &c.Affiliate
	switch a.Disclosure {
	case "":
		a.Disclosure = DisclosureAuto
	case DisclosureAuto, DisclosureRequire, DisclosureOff:
	default:
		return fmt.Errorf("%s: [affiliate] disclosure must be \"auto\", \"require\" or \"off\", not %q", file, a.Disclosure)
	}
	switch a.LinkMode {
	case "":
		a.LinkMode = LinkDirect
	case LinkDirect, LinkCloaked:
	default:
		return fmt.Errorf("%s: [affiliate] link_mode must be \"direct\" or \"cloaked\", not %q", file, a.LinkMode)
	}
	if a.DisclosureText == "" {
		a.DisclosureText = DefaultDisclosureText
	}
	if a.StaleAfterDays <= 0 {
		a.StaleAfterDays = 180
	}
	return nil
}
