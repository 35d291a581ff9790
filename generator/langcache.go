package generator

import (
	"crypto/sha256"
	"hash"
	"sync"

	"github.com/affsite/affsite/buildcache"
)

// This file is the build cache (cache.go) of a multilingual site. Each
// language's builder has a pageCache of its own over the site's one
// cache, its pages and lists keyed as a site of one language keys them,
// with the language (its key, prefix and base URL) in its view key. What
// one language's pages show of another's is in their keys too:
//
//   - every output: the facts (pagefacts.go) of every language's home
//     page and section lists, which a language switcher may show
//     (.Site.Home.AllTranslations);
//   - a content page or list: the facts of each of its translations in
//     another language, and a content translation's source bytes (the
//     hreflang links of seo.html, a translated title).
//
// The files of the root (the sitemap index, the redirect between the
// root and the default language's folder, the aliases) are written by
// every build, as a site of one language writes its sitemap and aliases.
// The cache's entries of lists are named with the language's prefix
// ("list fr/index.html"), and its objects by the output file's path
// below the site's root.

// langCache is what the pageCaches of a multilingual site's languages
// share.
type langCache struct {
	root  *pageCache // the site's, opened by Build or a Session: saved once
	langs []*builder // the languages' builders, in order

	once   sync.Once
	global buildcache.Sum // the global key, one for every language

	cross buildcache.Sum    // every language's home page and section lists
	srcs  map[*Page]*source // every language's content pages, by page
}

// forLanguage gives the builder of one language of a multilingual site
// its pageCache, over the site's cache pc; nil without a cache.
func (pc *pageCache) forLanguage(lb *builder) *pageCache {
	if pc == nil {
		return nil
	}
	if pc.ml == nil {
		pc.ml = &langCache{root: pc}
	}
	pc.ml.langs = append(pc.ml.langs, lb)
	return &pageCache{c: pc.c, out: prefixedCache{pc.out, lb.lang.Prefix}, pending: map[string]*pendingPage{}, ml: pc.ml, window: pc.window}
}

// linked records, once every language is loaded and its pages are
// linked to their translations, what crosses languages.
func (ml *langCache) linked(bs []*builder) {
	ml.cross = crossFacts(bs)
	ml.srcs = map[*Page]*source{}
	for _, lb := range bs {
		for _, s := range lb.srcs {
			ml.srcs[s.page] = s
		}
	}
}

// crossFacts sums what a language switcher may show of every language's
// home page and section lists (their facts, pagefacts.go): a page's
// cache key holds it, and a Session's edit that changes it rebuilds all.
func crossFacts(bs []*builder) buildcache.Sum {
	h := sha256.New()
	for _, lb := range bs {
		fields(h, "language", lb.lang.Lang)
		if lb.home != nil {
			fields(h, factsOf(&source{page: lb.home}).list(true))
		}
		for _, name := range sortedKeys(lb.site.Sections) {
			fields(h, name, factsOf(&source{page: lb.site.Sections[name]}).list(true))
		}
	}
	var sum buildcache.Sum
	h.Sum(sum[:0])
	return sum
}

// writeLanguage adds to a view key what is the builder's language's own
// and what every language shows of the others.
func (ml *langCache) writeLanguage(h hash.Hash, b *builder) {
	fields(h, "language", b.lang.Lang, b.lang.Prefix, b.basePath, b.cfg.BaseURL)
	h.Write(ml.cross[:])
}

// writeTranslations adds what p shows of its translations into other
// languages: their facts and, for content pages, their source's sum (a
// translation's facts may be read before or after it renders: both are
// functions of its source and its language's keys). A translation in
// p's own language (two pages sharing a translationKey) renders beside
// p and is left out.
func (ml *langCache) writeTranslations(h hash.Hash, p *Page) {
	for _, t := range p.Translations() {
		if t.Lang() == p.Lang() {
			continue
		}
		s, ok := ml.srcs[t]
		if !ok {
			s = &source{page: t}
		}
		fields(h, "translation", t.Lang(), factsOf(s).list(true))
		h.Write(s.sum[:])
	}
}

// prefixedCache is the cacheOutput of one language: its files are below
// the language's prefix in the site's output, and the cache's objects
// are named by that path; the entries name them as the language's
// builder does, without the prefix.
type prefixedCache struct {
	cacheOutput
	prefix string
}

func (o prefixedCache) keep(c *buildcache.Cache, key buildcache.Sum, f buildcache.File) bool {
	f.Name = o.prefix + f.Name
	return o.cacheOutput.keep(c, key, f)
}

func (o prefixedCache) place(c *buildcache.Cache, key buildcache.Sum, f buildcache.File) error {
	f.Name = o.prefix + f.Name
	return o.cacheOutput.place(c, key, f)
}

func (o prefixedCache) put(c *buildcache.Cache, key buildcache.Sum, name string) (buildcache.File, error) {
	f, err := o.cacheOutput.put(c, key, o.prefix+name)
	f.Name = name
	return f, err
}
