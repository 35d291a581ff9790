package generator

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/affsite/affsite/diag"
)

// This file is the one list of Hugo features a Hugo site may use that
// affsite does not support yet, each reported where it is used, so that
// no difference from Hugo is silent: an error where the site's URLs
// would all change, a warning where the build is still useful.

// unsupportedSettings reports the configuration's settings of Hugo
// features affsite does not have.
func (c *Config) unsupportedSettings() (warnings diag.List, err error) {
	v := c.tree.values
	at := func(key string) keyOrigin { return c.tree.origin(key) }
	warn := func(key, format string, args ...any) {
		o := at(key)
		warnings = append(warnings, diag.Warningf(o.file, o.line, 0, diag.Config, format, args...))
	}
	if u, ok := lookupKey(v, "uglyURLs"); ok && u == true {
		o := at("uglyURLs")
		return nil, diag.Errorf(o.file, o.line, 0, diag.Config, "uglyURLs = true is not supported: affsite writes every page as a folder (/posts/x/), not /posts/x.html")
	}
	if t, ok := lookupKey(v, "taxonomies"); ok {
		if m, ok := t.(map[string]any); ok {
			var custom []string
			for k, plural := range m {
				if !(k == "tag" && plural == "tags" || k == "category" && plural == "categories") {
					custom = append(custom, fmt.Sprint(plural))
				}
			}
			sort.Strings(custom)
			if len(custom) > 0 {
				warn("taxonomies", "custom taxonomies are not supported yet (%s): only tags and categories get list pages", strings.Join(custom, ", "))
			}
			if len(m) < 2 {
				warn("taxonomies", "turning taxonomies off is not supported yet: tags and categories still get list pages")
			}
		}
	}
	if l, ok := lookupKey(v, "languages"); ok {
		if m, ok := l.(map[string]any); ok && len(m) > 1 {
			warn("languages", "multilingual sites are not supported yet: content is built as one language, and translations (*.<lang>.md) as pages of their own")
		}
	}
	if _, ok := lookupKey(v, "disableKinds"); ok {
		warn("disableKinds", "disableKinds is not supported yet: every kind of page is built")
	}
	return warnings, nil
}

// unsupportedFrontMatter reports a page's front-matter keys of Hugo
// features affsite does not have yet, at their lines.
func unsupportedFrontMatter(file string, fm map[string]any, lineOf func(string) int) diag.List {
	var out diag.List
	for _, f := range [...]struct{ key, what string }{
		{"_build", "build options (_build) are not supported yet: the page is published and listed"},
		{"build", "build options (build) are not supported yet: the page is published and listed"},
		{"headless", "headless bundles are not supported yet: the page is published"},
		{"outputs", "outputs are not supported: the page is written as HTML only"},
		{"cascade", "cascade is not supported yet: its values do not reach the pages below"},
	} {
		if _, ok := lookupKey(fm, f.key); ok {
			out = append(out, diag.Warningf(file, lineOf(f.key), 0, diag.FrontMatter, "%s", f.what))
		}
	}
	if path.Base(file) == "_index.md" && strings.Count(strings.TrimPrefix(file, "content/"), "/") > 1 {
		out = append(out, diag.Warningf(file, 1, 0, diag.Content, "nested sections get no list page yet: its pages are listed in %s's", strings.SplitN(strings.TrimPrefix(file, "content/"), "/", 2)[0]))
	}
	return out
}
