package siteconfig

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/affsite/affsite/diag"
)

// normalizeI18nDir settles Hugo's i18nDir, the site's folder of string
// files in place of i18n/ (the themes' i18n/ are read as ever): a
// relative path inside the site, cleaned, "i18n" unless set. A path
// that is absolute or leaves the site is an error at its key.
func (c *Config) normalizeI18nDir() error {
	raw := c.I18nDir
	if raw == "" {
		c.I18nDir = "i18n"
		return nil
	}
	p := path.Clean(filepath.ToSlash(raw))
	if filepath.IsAbs(raw) || strings.HasPrefix(raw, "/") || p == "." || p == ".." || strings.HasPrefix(p, "../") {
		o := c.Origin("i18nDir")
		return diag.Errorf(o.File, o.Line, 0, diag.Config, "i18nDir %q must be a folder inside the site (like \"i18n\")", raw)
	}
	c.I18nDir = p
	return nil
}

// StringsDir is the site's folder of string files, relative to it:
// i18nDir, "i18n" unless set (also on a Config that was not normalised).
func (c *Config) StringsDir() string {
	if c.I18nDir == "" {
		return "i18n"
	}
	return c.I18nDir
}
