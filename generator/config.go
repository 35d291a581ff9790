package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/affiliate"
)

// Config is a site's configuration, read from site.toml (or, for sites
// moving from Hugo, hugo.toml or config.toml).
type Config struct {
	Title        string           `toml:"title"`
	BaseURL      string           `toml:"baseURL"`
	LanguageCode string           `toml:"languageCode"`
	Theme        string           `toml:"theme"`
	Copyright    string           `toml:"copyright"`
	Author       string           `toml:"author"`
	Paginate     int              `toml:"paginate"`
	Minify       MinifySetting    `toml:"minify"`
	Params       map[string]any   `toml:"params"`
	Affiliate    affiliate.Config `toml:"affiliate"`

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
		if md.IsDefined("paginate") && cfg.Paginate <= 0 {
			return nil, fmt.Errorf("%s:%d: paginate must be 1 or more, not %d", name, tomlKeyLine(src, "paginate"), cfg.Paginate)
		}
		cfg.File = name
		break
	}
	return cfg, cfg.normalize()
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
	return fmt.Errorf("%s: no site here (no site.toml, hugo.toml or config.toml, and no content/)", dir)
}

// tomlKeyLine is the line of a top-level key of a TOML text (before any
// [table]), or 1.
func tomlKeyLine(src []byte, key string) int {
	for n, line := range strings.Split(string(src), "\n") {
		l := strings.TrimSpace(line)
		if strings.HasPrefix(l, "[") {
			break
		}
		if k, _, ok := strings.Cut(l, "="); ok && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			return n + 1
		}
	}
	return 1
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

// tomlTypeErrorRE matches the decoder's error for a value of the wrong
// type, which is no ParseError.
var tomlTypeErrorRE = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (?:incompatible types: TOML value has type (\S+); destination has type (\S+)|(.*))$`)

// tomlError gives a TOML decoding error as "file:line: message", with
// the key when the error is about a value's type.
func tomlError(file string, err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		return fmt.Errorf("%s:%d: %s", file, perr.Position.Line, perr.Message)
	}
	if m := tomlTypeErrorRE.FindStringSubmatch(err.Error()); m != nil {
		line := m[1]
		if line == "" {
			line = "1"
		}
		if m[3] != "" {
			return fmt.Errorf("%s:%s: %s must be %s, not %s", file, line, m[2], tomlTypeName(m[4]), tomlTypeName(m[3]))
		}
		return fmt.Errorf("%s:%s: %s: %s", file, line, m[2], m[5])
	}
	return fmt.Errorf("%s:1: %s", file, strings.TrimPrefix(err.Error(), "toml: "))
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
	case "map", "map[string]interface":
		return "a table"
	case "slice", "[]interface", "array":
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
	if c.Paginate <= 0 {
		c.Paginate = 10
	}
	if c.Params == nil {
		c.Params = map[string]any{}
	}
	c.Affiliate.BasePath = basePathOf(c.BaseURL)
	if err := c.Affiliate.Normalize(); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	return nil
}
