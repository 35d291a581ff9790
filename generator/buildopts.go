package generator

import (
	"fmt"
	"path"
	"strings"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
)

// Hugo's build options (front matter _build or build) and headless
// bundles, for content pages:
//
//	render: always (default) | never (not written, no URL) | link (not
//	        written, but has its URL)
//	list:   always (default) | never (in no list) | local (in its
//	        section's lists only, not in the site's, the home page's,
//	        the feeds', the taxonomies' or the sitemap)
//	publishResources: false leaves a bundle's files unpublished
//
// headless: true on a leaf bundle's index.md is render never, list
// never, publishResources false. Such pages are still found by
// .Site.GetPage, ref and relref.

// buildOptions are a content page's build options; the zero value is
// Hugo's default.
type buildOptions struct {
	render      string // "", "always", "never", "link"
	list        string // "", "always", "never", "local"
	noResources bool
}

// rendered tells whether the page is written.
func (o buildOptions) rendered() bool { return o.render == "" || o.render == "always" }

// listed tells whether the page is in the site's lists.
func (o buildOptions) listed() bool { return o.list == "" || o.list == "always" }

// buildOptionsOf reads the build options of a content page (not an
// _index.md); a value Hugo does not know is an error at its line.
func buildOptionsOf(file string, fm map[string]any, at *fmPlaces) (buildOptions, error) {
	var o buildOptions
	if h, ok := values.LookupKey(fm, "headless"); ok && h == true && path.Base(markdownKey(file)) == "index.md" {
		o = buildOptions{render: "never", list: "never", noResources: true}
	}
	for _, key := range [...]string{"build", "_build"} {
		v, ok := values.LookupKey(fm, key)
		if !ok {
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			line, col := at.value(key)
			return o, diag.Errorf(file, line, col, diag.FrontMatter, "front matter: %s must be a table (render, list, publishResources), not %T", key, v)
		}
		for k, v := range m {
			var err error
			place := at.value // the error is about the value, or about the key (unknown)
			switch strings.ToLower(k) {
			case "render":
				o.render, err = buildOption(v, "always", "never", "link")
			case "list":
				o.list, err = buildOption(v, "always", "never", "local")
			case "publishresources":
				b, isBool := v.(bool)
				if !isBool {
					err = fmt.Errorf("must be true or false")
				}
				o.noResources = !b
			default:
				err, place = fmt.Errorf("is not a build option (render, list, publishResources)"), at.key
			}
			if err != nil {
				line, col := place(key, k)
				return o, diag.Errorf(file, line, col, diag.FrontMatter, "front matter: %s.%s %v", key, k, err)
			}
		}
	}
	return o, nil
}

// buildOption reads render or list: one of the words (the first is
// what true means, as in Hugo's older boolean form; false is "never").
func buildOption(v any, words ...string) (string, error) {
	switch x := v.(type) {
	case bool:
		if x {
			return words[0], nil
		}
		return "never", nil
	case string:
		if i := values.IndexFold(words, strings.TrimSpace(x)); i >= 0 {
			return words[i], nil
		}
	}
	return "", fmt.Errorf("must be %s, not %v", strings.Join(words, ", "), v)
}

// GetPage is Hugo's .Site.GetPage: the page at a path from content/
// ("/posts/x", "posts/x.md", "/posts" for a section, "/" for the home
// page), unpublished and unlisted pages included; nil when there is none.
func (s *Site) GetPage(ref string) *Page {
	if s.hooks == nil {
		return nil
	}
	return s.hooks.getPage(ref)
}

// getPage finds a page for Site.GetPage with the index ref and relref
// use.
func (b *builder) getPage(ref string) *Page {
	if strings.TrimSpace(ref) == "/" || strings.TrimSpace(ref) == "" {
		return b.home
	}
	pr, err := b.pageIndex().Find("", ref)
	if err != nil {
		return nil
	}
	if s := b.refPage(pr.File); s != nil {
		return s.page
	}
	key := strings.TrimPrefix(pr.File, "content/")
	return b.sectionListPage(strings.TrimSuffix(strings.TrimSuffix(key, "_index.md"), "/"))
}

// sectionListPage is the list page of the section name: the home page
// for "" (content/_index.md), a taxonomy's or term's page for its
// _index.md (taxonomyindex.go), else the section's page, if it has one.
func (b *builder) sectionListPage(name string) *Page {
	if name == "" {
		return b.home
	}
	if dir := b.taxonomyIndexDir(name); dir != "" {
		return b.taxonomyLists[dir]
	}
	return b.site.Sections[name]
}
