package generator

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
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

// permalinkPage is what a page's permalink is made of.
type permalinkPage struct {
	date     time.Time
	title    string
	slug     string   // front matter slug, or ""
	filename string   // file name without .md; a bundle's folder name
	sections []string // the folders of its section, "posts", "guides"
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
			errs = append(errs, fmt.Errorf("%s: %s must be a string (a URL pattern)", o, key))
			return
		}
		if err := checkPermalinkPattern(pattern); err != nil {
			errs = append(errs, fmt.Errorf("%s: %s: %v", o, key, err))
			return
		}
		out[strings.ToLower(strings.Trim(section, "/"))] = pattern
	}
	for _, k := range sortedKeys(raw) {
		v := raw[k]
		switch lk := strings.ToLower(k); {
		case lk == "page":
			m, ok := v.(map[string]any)
			if !ok {
				errs = append(errs, fmt.Errorf("%s: permalinks.page must be a table of sections", c.tree.origin("permalinks.page")))
				continue
			}
			for _, s := range sortedKeys(m) {
				add("permalinks.page.", s, m[s])
			}
		case lk == "section" || lk == "term" || lk == "taxonomy":
			errs = append(errs, fmt.Errorf("%s: permalinks.%s: permalinks of %s pages are not supported (only of regular pages)", c.tree.origin("permalinks."+k), k, lk))
		case containsFold(taxonomies, lk):
			errs = append(errs, fmt.Errorf("%s: permalinks.%s: permalinks of taxonomy term pages are not supported (only of regular pages)", c.tree.origin("permalinks."+k), k))
		default:
			add("permalinks.", k, v)
		}
	}
	return out, errorList(errs)
}

func containsFold(list []string, s string) bool {
	for _, e := range list {
		if strings.EqualFold(e, s) {
			return true
		}
	}
	return false
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

// expandPermalink expands a pattern for a page into its path below the
// site root, with a trailing slash. Values are urlized as Hugo's are,
// except :section and :sections, which Hugo gives as the folders are.
func expandPermalink(pattern string, p permalinkPage) (string, error) {
	filename := urlize(p.filename)
	value := func(tok string) string {
		d := p.date
		switch tok {
		case "year":
			return strconv.Itoa(d.Year())
		case "month":
			return fmt.Sprintf("%02d", int(d.Month()))
		case "monthname":
			return d.Month().String()
		case "day":
			return fmt.Sprintf("%02d", d.Day())
		case "weekday":
			return strconv.Itoa(int(d.Weekday()))
		case "weekdayname":
			return d.Weekday().String()
		case "yearday":
			return strconv.Itoa(d.YearDay())
		case "section":
			if len(p.sections) > 0 {
				return p.sections[0]
			}
			return ""
		case "sectionslug":
			if len(p.sections) > 0 {
				return urlize(p.sections[0])
			}
			return ""
		case "sections":
			return strings.Join(p.sections, "/")
		case "sectionslugs":
			var s []string
			for _, x := range p.sections {
				s = append(s, urlize(x))
			}
			return strings.Join(s, "/")
		case "title":
			return urlize(p.title)
		case "slug":
			if p.slug != "" {
				return urlize(p.slug)
			}
			return urlize(p.title)
		case "slugorfilename", "slugorcontentbasename":
			if p.slug != "" {
				return urlize(p.slug)
			}
			return filename
		case "filename", "contentbasename":
			return filename
		}
		return d.Format(tok)
	}
	out := permalinkTokenRE.ReplaceAllStringFunc(pattern, func(m string) string { return value(m[1:]) })
	var segs []string
	for _, s := range strings.Split(out, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	if len(segs) == 0 {
		return "", fmt.Errorf("permalink %q gives the home page's URL", pattern)
	}
	p2 := strings.Join(segs, "/")
	if err := checkSegments(p2); err != nil {
		return "", fmt.Errorf("permalink %q gives %q: %v", pattern, "/"+p2+"/", err)
	}
	if writtenBySite(p2) {
		return "", fmt.Errorf("permalink %q gives %q, the path of a file affsite writes", pattern, "/"+p2)
	}
	return p2 + "/", nil
}

// permalinkOf gives what a permalink pattern needs of the page in the
// folder dir (below content/) with the file name base. Its sections are
// the first folder and, below it, each folder with an _index.md, as in
// Hugo (a folder without one is no section).
func permalinkOf(dir, base, section string, meta pageMeta, sectionDirs map[string]bool) permalinkPage {
	name := strings.TrimSuffix(base, ".md")
	folders := dir
	if name == "index" && dir != "" {
		// A page bundle: its folder is its name, not a section.
		folders, name = path.Split(dir)
		folders = strings.TrimSuffix(folders, "/")
	}
	p := permalinkPage{date: meta.date, title: meta.title, slug: meta.slug, filename: name}
	if section != "" {
		parts := strings.Split(folders, "/")
		p.sections = parts[:1]
		for i := 1; i < len(parts) && sectionDirs[strings.Join(parts[:i+1], "/")]; i++ {
			p.sections = parts[:i+1]
		}
	}
	if p.title == "" {
		p.title = humanize(name)
	}
	return p
}

// sectionDirs lists the folders below content/ that hold an _index.md
// ("guides/deep"), from the site's content files.
func sectionDirs(rel func(string) string, files []string) map[string]bool {
	out := map[string]bool{}
	for _, f := range files {
		r := strings.TrimPrefix(rel(f), "content/")
		if path.Base(r) == "_index.md" && strings.Contains(r, "/") {
			out[path.Dir(r)] = true
		}
	}
	return out
}
