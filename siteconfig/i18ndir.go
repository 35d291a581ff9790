package siteconfig

import (
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// normalizeI18nDir settles Hugo's i18nDir, the site's folder of string
// files in place of i18n/ (the themes' i18n/ are read as ever): a
// folder inside the site (folderInSite), "i18n" unless set.
func (c *Config) normalizeI18nDir() error {
	if c.I18nDir == "" {
		c.I18nDir = "i18n"
		return nil
	}
	p, err := c.folderInSite("i18nDir", c.I18nDir, "i18n")
	if err != nil {
		return err
	}
	c.I18nDir = p
	return nil
}

// normalizeContentDirs settles each language's contentDir: a folder
// inside the site (folderInSite), or empty for content/.
func (c *Config) normalizeContentDirs() error {
	for _, k := range slices.Sorted(maps.Keys(c.Languages)) {
		l := c.Languages[k]
		if l.ContentDir == "" {
			continue
		}
		p, err := c.folderInSite("languages."+k+".contentDir", l.ContentDir, "content/"+strings.ToLower(k))
		if err != nil {
			return err
		}
		if p != l.ContentDir { // written only when it changes: Normalize may run again
			l.ContentDir = p
			c.Languages[k] = l
		}
	}
	return nil
}

// folderInSite is the one rule for a setting (key) that names a folder
// of the site: its value raw as a clean slash path relative to the site,
// or an error at the key when it is absolute, the site itself, or leaves
// the site (like is a folder the message gives as an example).
func (c *Config) folderInSite(key, raw, like string) (string, error) {
	p := path.Clean(filepath.ToSlash(raw))
	if filepath.IsAbs(raw) || strings.HasPrefix(raw, "/") || p == "." || p == ".." || strings.HasPrefix(p, "../") {
		o := c.Origin(key)
		return "", o.Errorf("%s %q must be a folder inside the site (like %q)", key, raw, like)
	}
	return p, nil
}

// StringsDir is the site's folder of string files, relative to it:
// i18nDir, "i18n" unless set (also on a Config that was not normalised).
func (c *Config) StringsDir() string {
	if c.I18nDir == "" {
		return "i18n"
	}
	return c.I18nDir
}
