package generator

import (
	"path"

	"github.com/affsite/affsite/diag"
)

// This file is the one list of Hugo features a Hugo site may use that
// affsite does not support yet, each reported where it is used, so that
// no difference from Hugo is silent: an error where the site's URLs
// would all change, a warning where the build is still useful.

// unsupportedFrontMatter reports a page's front-matter keys of Hugo
// features affsite does not have yet, at their lines.
func unsupportedFrontMatter(file string, fm map[string]any, lineOf func(string) int) diag.List {
	var out diag.List
	for _, f := range [...]struct{ key, what string }{
		{"outputs", "outputs are not supported: the page is written as HTML only"},
		{"cascade", "cascade is not supported yet: its values do not reach the pages below"},
	} {
		if _, ok := lookupKey(fm, f.key); ok {
			out = append(out, diag.Warningf(file, lineOf(f.key), 0, diag.FrontMatter, "%s", f.what))
		}
	}
	if path.Base(file) == "_index.md" {
		// buildopts.go reads them on content pages only.
		for _, key := range [...]string{"_build", "build", "headless"} {
			if _, ok := lookupKey(fm, key); ok {
				out = append(out, diag.Warningf(file, lineOf(key), 0, diag.FrontMatter, "%s on an _index.md is not supported yet: the section's list is published", key))
			}
		}
	} else if h, ok := lookupKey(fm, "headless"); ok && h == true && path.Base(file) != "index.md" {
		out = append(out, diag.Warningf(file, lineOf("headless"), 0, diag.FrontMatter, "headless applies to a leaf bundle's index.md only, as in Hugo: this page is published"))
	}
	return out
}
