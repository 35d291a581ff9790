package generator

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/affsite/affsite/siteconfig"
)

// This file is Hugo's multilingual sites. A site whose [languages] has
// two or more languages is built as Hugo builds it: once per language,
// by a builder of its own that reads the language's content (its
// contentDir, or content/ with x.<lang>.md files and, for the default
// language, x.md), has the language's title, params and menus, and
// writes below the language's prefix (/fr/; the default language at the
// root unless defaultContentLanguageInSubdir). Pages of one translation
// key (their path below the content folder without the language suffix,
// or front matter translationKey) are each other's .Translations. The
// hosting files and /go/ redirects are written once, at the root;
// aliases at the root as Hugo writes them (a later language's page
// winning a shared one); each language has its sitemap under its prefix
// and the root's sitemap.xml is their index.

// Language is one language of the site, as templates see .Language and
// .Site.Language (.Lang, .LanguageName, .Weight, .LanguageCode).
type Language = siteconfig.Language

// langBuild is the language a builder builds, on a site with
// [languages], and the site's languages.
type langBuild struct {
	Language
	all []Language // every language of the site, in order
}

// langAlias is one alias page a language's page asks for, written at
// the root once every language is built: its output path below the
// root.
type langAlias struct {
	out  string
	data []byte
}

// multilingual tells whether the builder builds one language of several.
func (e *siteEnv) multilingual() bool { return e.lang != nil && len(e.lang.all) > 1 }

// runAll builds the site: run for a site of one language, else one
// builder per language, their outputs under one root.
func (b *builder) runAll() (*Report, error) {
	if len(b.cfg.Languages) == 0 || b.lang != nil { // one language (newSiteEnv)
		return b.run()
	}
	langs := b.cfg.SiteLanguages()
	var bs []*builder
	for _, l := range langs {
		le, err := b.forLanguage(l, langs)
		if err != nil {
			return nil, err
		}
		lb := newBuild(le, &siteValue{}, b.languageOutput(le, b.out))
		lb.cache = b.cache.forLanguage(lb) // langcache.go
		if err := lb.load(); err != nil {
			return nil, err
		}
		bs = append(bs, lb)
	}
	b.langs = bs
	linkTranslations(bs)
	if b.cache != nil {
		b.cache.ml.linked(bs)
	}
	reps := make([]*Report, len(bs))
	for i, lb := range bs {
		r, err := lb.render()
		if err != nil {
			return nil, err
		}
		reps[i] = r
	}
	rep := b.joinReports(reps)
	_, err := b.writeLanguageRoot(b.langStates(), rep)
	return rep, err
}

// languageOutput is where the builder of the language of le writes,
// when the site's files go to root: below the language's prefix, and
// the files the site has once at the root.
func (b *builder) languageOutput(le *siteEnv, root Output) langOutput {
	return langOutput{root: root, prefix: le.lang.Prefix, goPath: strings.TrimPrefix(b.cfg.Affiliate.GoPath(), b.basePath)}
}

// joinReports is the site's report of a build of every language, from
// the languages' reports: their pages, files, warnings (and the site's
// own: its build's, the configuration's and the cache's, and the string
// files'), links and sources (sorted by URL).
func (b *builder) joinReports(reps []*Report) *Report {
	rep := &Report{Config: b.cfg, Warnings: slices.Clone(b.warnings)}
	for _, r := range reps {
		rep.Pages += r.Pages
		rep.Files += r.Files
		rep.Warnings = append(rep.Warnings, r.Warnings...)
		rep.Links = append(rep.Links, r.Links...)
		rep.Sources = append(rep.Sources, r.Sources...)
		if rep.Programs == nil {
			rep.Programs, rep.Registry = r.Programs, r.Registry
		}
	}
	rep.Warnings = append(rep.Warnings, b.stringWarnings()...)
	rep.Warnings.Sort()
	sort.Slice(rep.Sources, func(i, j int) bool { return rep.Sources[i].URL < rep.Sources[j].URL })
	return rep
}

// writeLanguageRoot writes what the root of a multilingual site has
// besides the languages' files: the sitemap index, the redirect from
// the default language's folder to the root (or from the root to it,
// with defaultContentLanguageInSubdir), and the aliases. It returns the
// names of the files it wrote, sorted.
func (b *builder) writeLanguageRoot(langs []*siteState, rep *Report) ([]string, error) {
	var idx sitemapIndex
	idx.NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	aliases := map[string]langAlias{}
	for _, l := range langs {
		idx.Sitemaps = append(idx.Sitemaps, sitemapURL{Loc: b.absURL(l.env.lang.Lang + "/sitemap.xml")})
		for _, a := range l.wrote.aliases {
			aliases[a.out] = a // a later language's wins, as in Hugo
		}
	}
	x, err := xmlDocument(idx)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{"sitemap.xml": x}
	def := langs[0].env
	for _, l := range langs {
		if l.env.lang.Default {
			def = l.env
		}
	}
	if def.lang.Prefix == "" {
		files[def.lang.Lang+"/index.html"] = aliasPage(b.absURL(""))
	} else {
		files["index.html"] = aliasPage(b.absURL(def.lang.Prefix))
	}
	for out, a := range aliases {
		if _, ok := files[out]; !ok {
			files[out] = a.data
		}
	}
	names := sortedKeys(files)
	for _, name := range names {
		if err := b.out.WriteFile(name, files[name]); err != nil {
			return nil, err
		}
		rep.Files++
	}
	return names, nil
}

// langOutput writes a language's files below its prefix, and the files
// of the site as a whole (robots.txt, _redirects, _headers, the /go/
// redirect pages) at the root.
type langOutput struct {
	root           Output
	prefix, goPath string
}

// WriteFile implements Output.
func (o langOutput) WriteFile(name string, data []byte) error {
	return o.root.WriteFile(o.path(name), data)
}

// path is where the language's file name goes below the root.
func (o langOutput) path(name string) string {
	switch {
	case name == "robots.txt", name == "_redirects", name == "_headers", o.goPath != "" && strings.HasPrefix(name, o.goPath):
		return name
	}
	return o.prefix + name
}

// writesSiteFiles tells whether the builder writes the files the site
// has once (robots.txt, hosting files, /go/ redirects): every builder
// of a site of one language, the default language's of several.
func (e *siteEnv) writesSiteFiles() bool { return !e.multilingual() || e.lang.Default }

// langPrefix is the builder's language's folder ("fr/"), or "".
func (e *siteEnv) langPrefix() string {
	if e.lang == nil {
		return ""
	}
	return e.lang.Prefix
}

// rootPath is the base URL's path without the language's prefix.
func (b *builder) rootPath() string { return strings.TrimSuffix(b.basePath, b.langPrefix()) }

// rootURL is the absolute URL of p below the site's root, not the
// language's.
func (b *builder) rootURL(p string) string {
	return strings.TrimSuffix(b.absURL(p), b.langPrefix()+p) + p
}

// sitemapName is where the builder's sitemap goes, below its prefix:
// sitemap.xml, or on a multilingual site <lang>/sitemap.xml for the
// default language at the root (the root's is the index).
func (b *builder) sitemapName() string {
	if b.multilingual() && b.lang.Prefix == "" {
		return b.lang.Lang + "/sitemap.xml"
	}
	return "sitemap.xml"
}

// siteLanguages are the languages .Site.Language and .Site.Languages
// give: the builder's and all of them; the default language alone on a
// site without [languages].
func (b *builder) siteLanguages() (*Language, []*Language) {
	if b.lang == nil {
		l := &Language{Lang: b.cfg.DefaultLanguage(), Default: true}
		l.LanguageCode = b.cfg.LanguageCode
		return l, []*Language{l}
	}
	var all []*Language
	var cur *Language
	for i := range b.lang.all {
		l := b.lang.all[i]
		all = append(all, &l)
		if l.Lang == b.lang.Lang {
			cur = all[i]
		}
	}
	return cur, all
}

// contentDir is the folder of the builder's content, relative to the
// site: content, or its language's contentDir.
func (e *siteEnv) contentDir() string {
	if e.lang == nil {
		return "content"
	}
	return e.lang.ContentFolder()
}

// otherLanguageDir tells whether the folder (full path) is another
// language's contentDir, inside this builder's content folder.
func (b *builder) otherLanguageDir(full string) bool {
	if b.lang == nil {
		return false
	}
	rel := b.rel(full)
	return slices.ContainsFunc(b.lang.all, func(l Language) bool {
		return l.Lang != b.lang.Lang && l.ContentDir != "" && l.ContentFolder() == rel
	})
}

// fileLang is the language a content file's name gives (a.fr.md:
// "fr"), if the site has that language; "" otherwise.
func (e *siteEnv) fileLang(file string) string {
	if e.lang == nil {
		return ""
	}
	if lang, _ := splitLangSuffix(file); slices.ContainsFunc(e.lang.all, func(l Language) bool { return l.Lang == lang }) {
		return lang
	}
	return ""
}

// splitLangSuffix splits the language suffix, lower-cased, off a file
// name: posts/a.fr.md is "fr" and posts/a.md; a name without one is "".
func splitLangSuffix(file string) (lang, rest string) {
	ext := path.Ext(file)
	name := strings.TrimSuffix(file, ext)
	if i := strings.LastIndexByte(name, '.'); i > strings.LastIndexByte(name, '/') {
		return strings.ToLower(name[i+1:]), name[:i] + ext
	}
	return "", file
}

// ownsContent tells whether a content file (relative to the site) is
// of the builder's language: the language its name gives, else that of
// its folder (a language's own contentDir; content/ is the default
// language's).
func (e *siteEnv) ownsContent(file string) bool {
	if e.lang == nil {
		return true
	}
	if l := e.fileLang(file); l != "" {
		return l == e.lang.Lang
	}
	return e.lang.Default || e.contentDir() != "content"
}

// contentKey is a content file's path as its language sees it: below
// content/, without the language suffix ("content/fr/posts/a.md" and
// "content/posts/a.fr.md" are "content/posts/a.md" for French); the
// file itself on a site without [languages]. Its extension is .md
// whatever the file's format (markdownKey). It is what URLs, sections
// and ref/relref are made of, and what translations share.
func (e *siteEnv) contentKey(file string) string {
	file = markdownKey(file) // contentformats.go
	if e.lang == nil {
		return file
	}
	rel := strings.TrimPrefix(strings.TrimPrefix(file, e.contentDir()), "/")
	if e.fileLang(file) != "" {
		_, rel = splitLangSuffix(rel)
	}
	return "content/" + rel
}

// Lang is the page's language key ("en"), as Hugo's .Lang.
func (p *Page) Lang() string {
	if l := p.Language(); l != nil {
		return l.Lang
	}
	return ""
}

// Language is the page's language.
func (p *Page) Language() *Language {
	if p.Site == nil {
		return nil
	}
	return p.Site.Language
}

// Translations are the page's translations into the site's other
// languages, in the languages' order. As in Hugo, they leave out every
// page of the page's own language: a pager of a list is a copy of the
// list's page, which is not itself.
func (p *Page) Translations() []*Page {
	var out []*Page
	for _, t := range p.translations {
		if t.Lang() != p.Lang() {
			out = append(out, t)
		}
	}
	return out
}

// AllTranslations are the page and its translations, in the languages'
// order.
func (p *Page) AllTranslations() []*Page {
	if len(p.translations) == 0 {
		return []*Page{p}
	}
	return p.translations
}

// IsTranslated tells whether the page has a translation.
func (p *Page) IsTranslated() bool { return len(p.translations) > 1 }

// IsMultiLingual tells whether the site has more than one language.
func (s *Site) IsMultiLingual() bool { return len(s.Languages) > 1 }

// LanguagePrefix is the path of the site's language below the base
// URL: "/fr", or "" for the default language at the root.
func (s *Site) LanguagePrefix() string {
	if s.Language == nil || s.Language.Prefix == "" {
		return ""
	}
	return "/" + strings.TrimSuffix(s.Language.Prefix, "/")
}

// linkTranslations makes the pages of one translation key, in the
// builders' (the languages') order, each other's translations: content
// pages by their content key or front matter translationKey, the home
// pages, and section lists by folder.
func linkTranslations(bs []*builder) {
	byKey := map[string][]*Page{}
	var keys []string
	add := func(key string, p *Page) {
		if p == nil || p.RelPermalink == "" {
			return
		}
		if _, ok := byKey[key]; !ok {
			keys = append(keys, key)
		}
		byKey[key] = append(byKey[key], p)
	}
	for _, b := range bs {
		for _, s := range b.srcs {
			key := "page " + s.key
			if tk, ok := s.page.Params["translationkey"].(string); ok && tk != "" {
				key = "key " + tk
			}
			add(key, s.page)
		}
		add("home", b.home)
		for _, name := range sortedKeys(b.site.Sections) {
			add("section "+name, b.site.Sections[name])
		}
	}
	for _, k := range keys {
		for _, p := range byKey[k] {
			p.translations = byKey[k]
		}
	}
}
