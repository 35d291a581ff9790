package generator

import (
	"fmt"
	"path"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/shortcodes"
)

// This file is the one list of Hugo features a Hugo site may use that
// affsite does not support yet, each reported where it is used, so that
// no difference from Hugo is silent: an error where the site's URLs
// would all change, a warning where the build is still useful.

// unsupportedFrontMatter reports a page's front-matter keys of Hugo
// features affsite does not have yet, at their lines.
func unsupportedFrontMatter(file string, fm map[string]any, at *fmPlaces) diag.List {
	lineOf := at.keyLine
	var out diag.List
	for _, f := range [...]struct{ key, what string }{
		{"outputs", "outputs are not supported: the page is written as HTML only"},
		{"resources", "resources (names, titles and params of a bundle's files) are not supported: the files keep their own names"},
		{"sitemap", "sitemap (changefreq, priority, filename) is not supported: the page is in the sitemap with its URL and date only"},
	} {
		if _, ok := values.LookupKey(fm, f.key); ok {
			out = append(out, diag.Warningf(file, lineOf(f.key), 0, diag.FrontMatter, "%s", f.what))
		}
	}
	if m, ok := values.LookupKey(fm, "markup"); ok && m != nil {
		if f := markupFormat(fmt.Sprint(m)); f != contentFormat(file) {
			out = append(out, diag.Warningf(file, lineOf("markup"), 0, diag.FrontMatter, "markup %q is not supported: the page is read as its file's extension says (%s)", m, contentFormat(file)))
		}
	}
	if base := path.Base(markdownKey(file)); base == "_index.md" {
		// _build, cascade and terms are read (buildopts.go, cascade.go,
		// taxonomies.go); headless is not, as in Hugo.
		if _, ok := values.LookupKey(fm, "headless"); ok {
			out = append(out, diag.Warningf(file, lineOf("headless"), 0, diag.FrontMatter, "headless applies to a leaf bundle's index.md only, as in Hugo: this section is published"))
		}
	} else if h, ok := values.LookupKey(fm, "headless"); ok && h == true && base != "index.md" {
		out = append(out, diag.Warningf(file, lineOf("headless"), 0, diag.FrontMatter, "headless applies to a leaf bundle's index.md only, as in Hugo: this page is published"))
	}
	return out
}

// warnDuplicateParams warns of each shortcode parameter given twice in
// the nodes of a page's body: Hugo uses the last value, and so does
// affsite (shortcodes.Shortcode.Duplicates), saying so to warn.
func (b *builder) warnDuplicateParams(s *source, body []byte, nodes []shortcodes.Node, warn func(diag.Diagnostic)) {
	for _, n := range nodes {
		sc, ok := n.(*shortcodes.Shortcode)
		if !ok {
			continue
		}
		for _, d := range sc.Duplicates {
			line, col := diag.LineCol(body, d.Offset)
			warn(diag.Warningf(s.file, line+s.lineOffset, col, diag.Content, "shortcode %q: parameter %q given twice; the last value is used, as in Hugo", sc.Name, d.Name))
		}
		b.warnDuplicateParams(s, body, sc.Inner, warn)
	}
}
