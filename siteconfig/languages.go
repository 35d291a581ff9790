package siteconfig

import (
	"maps"
	"slices"
	"sort"
	"strings"
)

// This file is Hugo's multilingual configuration: [languages.<lang>]
// tables (languageName, weight, contentDir, and a language's own title,
// params and menus), defaultContentLanguage and
// defaultContentLanguageInSubdir.

// LanguageConfig is one table of [languages]: what a language sets for
// itself.
type LanguageConfig struct {
	LanguageName string `toml:"languageName"`
	LanguageCode string `toml:"languageCode"`
	Weight       int    `toml:"weight"`
	// ContentDir is the folder of the language's content, relative to
	// the site ("content/fr"); empty: content/, where the language's
	// files are named x.<lang>.md (and the default language's x.md).
	ContentDir string                  `toml:"contentDir"`
	Title      string                  `toml:"title"`
	Copyright  string                  `toml:"copyright"`
	Disabled   bool                    `toml:"disabled"`
	Params     map[string]any          `toml:"params"`
	Menus      map[string][]MenuConfig `toml:"menus"`
	// Taxonomies replace the site's for the language, as in Hugo.
	Taxonomies map[string]string `toml:"taxonomies"`
	// LanguageDirection is "rtl" for a language written right to left.
	LanguageDirection string `toml:"languageDirection"`
}

// Language is one language of a site, as a build makes it.
type Language struct {
	// Lang is the language's key in [languages] ("fr"), lower case.
	Lang string
	LanguageConfig
	// Default tells whether it is defaultContentLanguage.
	Default bool
	// Prefix is the folder of its pages below the base URL: "fr/", or ""
	// for the default language unless defaultContentLanguageInSubdir.
	Prefix string
}

// SiteLanguages are the site's enabled languages in Hugo's order (by
// weight, a language without one last, then by key). A site without
// [languages], or with one language, gives one language with no prefix.
func (c *Config) SiteLanguages() []Language {
	def := c.DefaultLanguage()
	var out []Language
	for _, k := range slices.Sorted(maps.Keys(c.Languages)) {
		lc := c.Languages[k]
		if lc.Disabled {
			continue
		}
		lang := strings.ToLower(k)
		l := Language{Lang: lang, LanguageConfig: lc, Default: lang == def}
		if !l.Default || c.DefaultContentLanguageInSubdir {
			l.Prefix = lang + "/"
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		wi, wj := out[i].Weight, out[j].Weight
		if (wi == 0) != (wj == 0) {
			return wj == 0
		}
		return wi < wj
	})
	if len(out) <= 1 {
		l := Language{Lang: def, Default: true}
		if len(out) == 1 {
			l = out[0]
			l.Default, l.Prefix = true, ""
		}
		return []Language{l}
	}
	return out
}

// DefaultLanguage is defaultContentLanguage in lower case, "en" when it
// is not set.
func (c *Config) DefaultLanguage() string {
	if c.DefaultContentLanguage == "" {
		return "en"
	}
	return strings.ToLower(c.DefaultContentLanguage)
}

// ForLanguage is the configuration one language's pages are built with:
// the site's, with the language's title, copyright, languageCode (else
// its key) and menus, its params merged over the site's, and the base
// URL ending in its prefix. Links to affiliate redirects keep the site's
// base path: /go/ is written once, at the root.
func (c *Config) ForLanguage(l Language) *Config {
	lc := *c
	lc.LanguageCode = l.Lang
	for _, v := range []struct {
		dst *string
		src string
	}{{&lc.Title, l.Title}, {&lc.Copyright, l.Copyright}, {&lc.LanguageCode, l.LanguageCode}} {
		if v.src != "" {
			*v.dst = v.src
		}
	}
	if c.LanguageCode != "" && l.LanguageCode == "" && l.Default {
		lc.LanguageCode = c.LanguageCode
	}
	lc.Params = maps.Clone(c.Params)
	for k, v := range l.Params {
		for old := range lc.Params {
			if strings.EqualFold(old, k) {
				delete(lc.Params, old)
			}
		}
		lc.Params[k] = v
	}
	if l.Menus != nil {
		lc.Menus = l.Menus
	}
	if l.Taxonomies != nil {
		lc.Taxonomies = l.Taxonomies
	}
	lc.BaseURL = c.BaseURL + l.Prefix
	lc.Affiliate.BasePath = c.Affiliate.BasePath
	return &lc
}
