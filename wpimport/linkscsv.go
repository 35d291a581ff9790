package wpimport

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/slugs"
	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/programs"
)

// CSVLink is one cloaked link read from a link plugin's CSV export.
type CSVLink struct {
	Plugin      string // "ThirstyAffiliates" or "Pretty Links"
	ID          string
	Name        string
	Destination string
	Cloaked     string // site path, "/recommends/kartra/"
	Status      int
	Categories  []string
	Notes       string
	File        string
	Line        int
}

// Column names of the two plugins' CSV exports, lower-cased. Each
// plugin has renamed some between versions, so each field takes any of
// its names. ThirstyAffiliates (Pro's CSV exporter) writes a title, the
// destination URL, the slug, the categories and the redirect type;
// Pretty Links writes its links table (id, name, description, url,
// slug, redirect_type, group…).
var (
	taColumns = map[string][]string{
		"name":        {"link name", "title", "name"},
		"destination": {"destination url", "destination", "link destination"},
		"slug":        {"link slug", "slug"},
		"cloaked":     {"cloaked url", "permalink", "link url"},
		"categories":  {"link categories", "categories", "category"},
		"redirect":    {"redirect type", "redirect_type"},
	}
	plColumns = map[string][]string{
		"name":        {"name", "title"},
		"destination": {"url", "target url", "target_url"},
		"slug":        {"slug"},
		"redirect":    {"redirect_type", "redirect type"},
		"categories":  {"group", "groups", "categories", "category"},
		"notes":       {"description"},
	}
)

// readLinksCSV reads a ThirstyAffiliates or Pretty Links export, telling
// which by its header. taPrefix is ThirstyAffiliates' link prefix
// (/recommends/ by default), used when a row has no cloaked URL; Pretty
// Links' slugs sit at the site root. Rows that cannot be read are
// returned as unclassified, with why.
func readLinksCSV(file, taPrefix string, rep *Report) ([]CSVLink, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the CSV header: %v", file, err)
	}
	cols, err := csvLayoutOf(file, header)
	if err != nil {
		return nil, err
	}
	return cols.links(r, file, taPrefix, rep)
}

// links reads the rows after the header; a row that names no usable
// link is reported as unclassified and left out.
func (c *csvLayout) links(r *csv.Reader, file, taPrefix string, rep *Report) ([]CSVLink, error) {
	var out []CSVLink
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return out, fmt.Errorf("%s:%d: %v", file, line, err)
		}
		l := c.link(rec, file, line, taPrefix, rep)
		if why := l.unusable(); why != "" {
			rep.unclassified(file, line, why)
			continue
		}
		out = append(out, l)
	}
}

// csvLayout is where a plugin's export holds each field.
type csvLayout struct {
	plugin string
	col    map[string]int      // lower-cased column name → index
	names  map[string][]string // field → the plugin's column names for it
}

// csvLayoutOf tells the plugin by the header.
func csvLayoutOf(file string, header []string) (*csvLayout, error) {
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	switch {
	case has(col, "destination url", "link destination"):
		return &csvLayout{"ThirstyAffiliates", col, taColumns}, nil
	case has(col, "url") && has(col, "slug") && has(col, "redirect_type", "param_forwarding", "nofollow", "track_me", "tracking"):
		return &csvLayout{"Pretty Links", col, plColumns}, nil
	}
	return nil, fmt.Errorf("%s:1: neither a ThirstyAffiliates nor a Pretty Links export: the header is %q (ThirstyAffiliates has \"Destination URL\"; Pretty Links has url, slug and redirect_type)",
		file, strings.Join(header, ","))
}

// get returns the field of rec, trimmed, from the first of its columns
// the export has.
func (c *csvLayout) get(rec []string, field string) string {
	for _, name := range c.names[field] {
		if i, ok := c.col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
	}
	return ""
}

// link reads the row of rec at file:line. A redirect type with no static equivalent is
// reported and becomes 302.
func (c *csvLayout) link(rec []string, file string, line int, taPrefix string, rep *Report) CSVLink {
	l := CSVLink{Plugin: c.plugin, File: file, Line: line, Name: c.get(rec, "name"), Destination: c.get(rec, "destination"), Notes: c.get(rec, "notes")}
	l.Cloaked = c.cloaked(rec, taPrefix)
	l.Categories = c.categories(rec)
	l.Status = c.status(rec, file, line, rep)
	if l.Cloaked != "" {
		segs := strings.Split(strings.Trim(l.Cloaked, "/"), "/")
		l.ID = idOf(segs[len(segs)-1])
	}
	return l
}

// cloaked is the row's cloaked path: the path of its cloaked URL, else
// its slug under the plugin's prefix; "" when it has neither.
func (c *csvLayout) cloaked(rec []string, taPrefix string) string {
	if cl := c.get(rec, "cloaked"); cl != "" {
		if u, err := url.Parse(cl); err == nil {
			if p, _ := links.CleanPath(u.Path); p != "" {
				return p
			}
		}
	}
	slug := c.get(rec, "slug")
	if slug == "" {
		return ""
	}
	prefix := "/"
	if c.plugin == "ThirstyAffiliates" {
		prefix = taPrefix
	}
	p, _ := links.CleanPath(prefix + strings.Trim(slug, "/"))
	return p
}

// categories are the row's categories, split at commas, bars or semicolons.
func (c *csvLayout) categories(rec []string) []string {
	var cats []string
	for _, cat := range strings.FieldsFunc(c.get(rec, "categories"), func(r rune) bool { return r == ',' || r == '|' || r == ';' }) {
		if cat = strings.TrimSpace(cat); cat != "" {
			cats = append(cats, cat)
		}
	}
	return cats
}

// status is the row's redirect status: 301, 302 or 307 as given, else
// 302; a redirect type with no static equivalent is reported.
func (c *csvLayout) status(rec []string, file string, line int, rep *Report) int {
	switch rt := strings.ToLower(c.get(rec, "redirect")); rt {
	case "", "global":
	case "301", "302", "307":
		n, _ := strconv.Atoi(rt)
		return n
	default:
		rep.unclassified(file, line, fmt.Sprintf("redirect type %q has no static equivalent; written as 302", rt))
	}
	return 302
}

// unusable says why l cannot be imported, or "".
func (l *CSVLink) unusable() string {
	switch {
	case !programs.IsHTTPURL(l.Destination):
		return fmt.Sprintf("destination %q is not an http(s) URL; link %q not imported", l.Destination, l.Name)
	case l.Cloaked == "":
		return fmt.Sprintf("link %q has no slug or cloaked URL that is a plain path; not imported", l.Name)
	}
	return ""
}

func has(col map[string]int, names ...string) bool {
	for _, n := range names {
		if _, ok := col[n]; ok {
			return true
		}
	}
	return false
}

// idOf makes a registry id of a slug (URL-escaped, as in the plugin's
// export) as affsite makes a path segment of a name (slugs.URLize), with
// no '.' or '_' at its ends, which links.Load refuses; "link" if nothing
// is left.
func idOf(slug string) string {
	if s, err := url.PathUnescape(slug); err == nil {
		slug = s
	}
	return cmp.Or(strings.Trim(slugs.URLize(slug), "._"), "link")
}
