package generator

import (
	"bytes"
	"encoding/gob"
	"path"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/i18n"
)

// This file is Hugo's translation tables (package i18n) as a build uses
// them: the string files of i18n/ and of each theme's i18n/, read once
// per build; the i18n and T template functions of each language's
// pages (and lang.Translate); and one warning per build for the strings
// not found.

// siteStrings is what a builder knows of the site's string files.
type siteStrings struct {
	tables  *i18n.Tables
	missing *i18n.Missing // shared by the builders of every language
	tr      *i18n.Translator
}

// loadStrings reads the site's string files (i18n/, or the folder
// i18nDir names) and its themes' i18n/, the site's winning for an id
// both have.
func loadStrings(dir string, cfg *Config) (*siteStrings, error) {
	dirs := []i18n.Dir{{FS: newSourceFS(dir, cfg.StringsDir()), Name: cfg.StringsDir()}}
	for _, t := range cfg.Theme {
		if t != "" && t != "default" {
			name := path.Join("themes", t, "i18n")
			dirs = append(dirs, i18n.Dir{FS: newSourceFS(dir, name), Name: name})
		}
	}
	tables, err := i18n.Load(dirs, cfg.DefaultLanguage(), decodeData)
	if err != nil {
		return nil, err
	}
	ss := &siteStrings{tables: tables, missing: &i18n.Missing{}}
	ss.tr = tables.Translator(cfg.DefaultLanguage(), cfg.EnableMissingTranslationPlaceholders, ss.missing)
	return ss, nil
}

// forLanguage is the strings of the builder of one language: the same
// tables and record of what is missing, looked up in lang.
func (ss *siteStrings) forLanguage(lang string, cfg *Config) *siteStrings {
	return &siteStrings{tables: ss.tables, missing: ss.missing,
		tr: ss.tables.Translator(lang, cfg.EnableMissingTranslationPlaceholders, ss.missing)}
}

// translate is the i18n and T template functions, and lang.Translate
// (langNamespace).
func (b *builder) translate(id any, args ...any) (string, error) {
	if b.strings == nil { // a builder made without loadStrings: a test's
		return "", nil
	}
	return b.strings.tr.T(id, args...)
}

// langNamespace is the lang template namespace, as far as affsite has
// it: {{ lang.Translate "id" }} is {{ T "id" }}, as in Hugo, where T and
// i18n are its aliases.
type langNamespace struct{ b *builder }

// Translate is the string id of the page's language (see translate).
func (ns langNamespace) Translate(id any, args ...any) (string, error) {
	return ns.b.translate(id, args...)
}

// stringWarnings are the warnings for the strings the build's templates
// asked for and did not find: one list for the whole site.
func (b *builder) stringWarnings() diag.List {
	if b.strings == nil {
		return nil
	}
	return b.strings.missing.Warnings()
}

// missingID names the build cache's entry of the strings the last build
// found missing: pages it reuses do not ask for them again, so a build
// with the same global key takes in the last one's list.
const missingID = "generator: missing translations"

// restoreMissing takes in the last build's missing strings when its
// global key was the same.
func (pc *pageCache) restoreMissing(b *builder) {
	if b.strings == nil {
		return
	}
	e, ok := pc.c.Lookup(missingID, pc.global)
	if !ok {
		return
	}
	var misses []i18n.Miss
	if gob.NewDecoder(bytes.NewReader(e.Meta)).Decode(&misses) == nil {
		b.strings.missing.Add(misses)
	}
}

// recordMissing keeps the build's missing strings for the next build.
func (pc *pageCache) recordMissing(b *builder) {
	if b.strings == nil {
		return
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(b.strings.missing.Misses()); err != nil {
		pc.failed(err)
		return
	}
	pc.c.Record(missingID, buildcache.Entry{Key: pc.global, Meta: buf.Bytes()})
}
