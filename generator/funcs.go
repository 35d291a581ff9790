package generator

import (
	"html/template"
	"maps"
	"time"

	"github.com/affsite/affsite/tplfuncs"
)

// templateFuncs returns the functions themes can call: the build's
// (buildFuncs) and the others, which read only their arguments.
func (b *builder) templateFuncs() template.FuncMap {
	funcs := tplfuncs.Funcs()
	maps.Copy(funcs, b.buildFuncs())
	return funcs
}

// buildFuncs are the template functions that read the build: its
// configuration, site value, caches and page index. A build binds the
// templates it reuses to its own (templateSet.forBuild).
func (b *builder) buildFuncs() template.FuncMap {
	return template.FuncMap{
		"partial":       func(string, ...any) (template.HTML, error) { return "", nil },      // replaced by loadTemplates
		"partialCached": func(string, any, ...any) (template.HTML, error) { return "", nil }, // replaced by loadTemplates
		"listCards":     func([]*Page) (template.HTML, error) { return "", nil },             // replaced by loadTemplates
		"absURL":        b.absURL,
		"headMeta":      b.headMeta,
		"headLinks":     b.headLinks,
		"listCard":      b.listCard,
		"pagerNav":      b.pagerNav,
		"postHeader":    b.postHeader,
		"postTags":      b.postTags,
		"siteHeader":    b.siteHeader,
		"seoMeta":       b.seoMeta,
		"navItem":       b.navItem,
		"program":       b.programView,
		"relURL":        b.relURL,
		"markdownify":   b.markdownify,
		"now":           func() time.Time { return b.now },
		// fingerprint and resources.Get: cache-safe asset links (fingerprint.go).
		"fingerprint": b.fingerprint,
		"resources":   func() resourcesNamespace { return resourcesNamespace{b} },
		// i18n and T: the i18n/ string files' text (i18n.go).
		"i18n": b.translate,
		"T":    b.translate,
		"lang": func() langNamespace { return langNamespace{b} },
	}
}
