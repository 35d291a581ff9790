package siteconfig

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
)

// permalinkTokenRE matches a token of a permalink pattern, as Hugo's
// does: ":slug", ":sections[1:]".
var permalinkTokenRE = regexp.MustCompile(`:\w+(\[.+?\])?`)

// permalinkTokens are the tokens affsite expands, Hugo's names.
var permalinkTokens = [...]string{
	"year", "month", "monthname", "day", "weekday", "weekdayname", "yearday",
	"section", "sectionslug", "sections", "sectionslugs", "title", "slug",
	"slugorfilename", "filename", "contentbasename", "slugorcontentbasename",
}

// parsePermalinks reads the permalinks setting into patterns by section
// (lower case). Hugo's [permalinks.page] table is the same as top-level
// keys; patterns for list pages (section, term, taxonomy, and a
// taxonomy's name at the top level) are not supported and are errors,
// as are tokens Hugo does not have.
func (c *Config) parsePermalinks(raw map[string]any, taxonomies []string) (map[string]string, error) {
	out := map[string]string{}
	var errs []error
	add := func(prefix, section string, v any) {
		key := prefix + section
		o := c.tree.origin(key)
		pattern, ok := v.(string)
		if !ok {
			errs = append(errs, o.Errorf("%s must be a string (a URL pattern)", key))
			return
		}
		if err := checkPermalinkPattern(pattern); err != nil {
			errs = append(errs, o.Errorf("%s: %v", key, err))
			return
		}
		out[strings.ToLower(strings.Trim(section, "/"))] = pattern
	}
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		v := raw[k]
		switch lk := strings.ToLower(k); {
		case lk == "page":
			m, ok := v.(map[string]any)
			if !ok {
				errs = append(errs, c.tree.origin("permalinks.page").Errorf("permalinks.page must be a table of sections"))
				continue
			}
			for _, s := range slices.Sorted(maps.Keys(m)) {
				add("permalinks.page.", s, m[s])
			}
		case lk == "section" || lk == "term" || lk == "taxonomy":
			errs = append(errs, c.tree.origin("permalinks."+k).Errorf("permalinks.%s: permalinks of %s pages are not supported (only of regular pages)", k, lk))
		case values.ContainsFold(taxonomies, lk):
			errs = append(errs, c.tree.origin("permalinks."+k).Errorf("permalinks.%s: permalinks of taxonomy term pages are not supported (only of regular pages)", k))
		default:
			add("permalinks.", k, v)
		}
	}
	return out, diag.Join(errs)
}

// checkPermalinkPattern refuses tokens that are not Hugo's, the
// :sections[…] slices affsite does not expand, and patterns that end in
// a file name.
func checkPermalinkPattern(pattern string) error {
	for _, m := range permalinkTokenRE.FindAllStringSubmatch(pattern, -1) {
		name := strings.TrimPrefix(strings.TrimSuffix(m[0], m[1]), ":")
		if m[1] != "" {
			return fmt.Errorf("%q: slices of tokens (%s) are not supported", pattern, m[0])
		}
		if !isPermalinkToken(name) && !isDateLayout(name) {
			toks := append([]string(nil), permalinkTokens[:]...)
			sort.Strings(toks)
			return fmt.Errorf("%q: unknown token :%s (tokens: :%s)", pattern, name, strings.Join(toks, ", :"))
		}
	}
	if ext := path.Ext(strings.TrimSuffix(pattern, "/")); ext != "" && !strings.HasSuffix(pattern, "/") && !strings.Contains(ext, ":") {
		return fmt.Errorf("%q ends in a file name; affsite writes every page as a folder (end the pattern with a slash)", pattern)
	}
	return nil
}

func isPermalinkToken(name string) bool {
	for _, t := range permalinkTokens {
		if t == name {
			return true
		}
	}
	return false
}

// isDateLayout tells whether a token is a Go time layout (":2006",
// ":01"), which Hugo formats the page's date with.
func isDateLayout(name string) bool {
	t := time.Date(2009, 11, 10, 23, 4, 5, 0, time.UTC)
	return t.Format(name) != name
}

// PagePermalink is the permalink pattern of the pages of a section (any
// case), if the configuration gives one.
func (c *Config) PagePermalink(section string) (string, bool) {
	p, ok := c.pagePermalinks[strings.ToLower(section)]
	return p, ok
}

// ExpandPermalinkTokens replaces every token of a permalink pattern
// (":slug") with value's result for its name ("slug").
func ExpandPermalinkTokens(pattern string, value func(token string) string) string {
	return permalinkTokenRE.ReplaceAllStringFunc(pattern, func(m string) string { return value(m[1:]) })
}
