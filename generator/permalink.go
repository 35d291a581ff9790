package generator

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/affsite/affsite/siteconfig"
	"github.com/affsite/affsite/tplfuncs"
)

// permalinkPage is what a page's permalink is made of.
type permalinkPage struct {
	date     time.Time
	title    string
	slug     string   // front matter slug, or ""
	filename string   // file name without .md; a bundle's folder name
	sections []string // the folders of its section, "posts", "guides"
}

// expandPermalink expands a pattern for a page into its path below the
// site root, with a trailing slash. Values are urlized as Hugo's are,
// except :section and :sections, which Hugo gives as the folders are.
func expandPermalink(pattern string, p permalinkPage) (string, error) {
	filename := tplfuncs.URLize(p.filename)
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
				return tplfuncs.URLize(p.sections[0])
			}
			return ""
		case "sections":
			return strings.Join(p.sections, "/")
		case "sectionslugs":
			var s []string
			for _, x := range p.sections {
				s = append(s, tplfuncs.URLize(x))
			}
			return strings.Join(s, "/")
		case "title":
			return tplfuncs.URLize(p.title)
		case "slug":
			if p.slug != "" {
				return tplfuncs.URLize(p.slug)
			}
			return tplfuncs.URLize(p.title)
		case "slugorfilename", "slugorcontentbasename":
			if p.slug != "" {
				return tplfuncs.URLize(p.slug)
			}
			return filename
		case "filename", "contentbasename":
			return filename
		}
		return d.Format(tok)
	}
	out := siteconfig.ExpandPermalinkTokens(pattern, value)
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
		p.title = tplfuncs.Humanize(name)
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
