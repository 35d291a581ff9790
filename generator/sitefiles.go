package generator

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/hosting"
	"github.com/affsite/affsite/internal/sitefile"
	"github.com/affsite/affsite/themes"
)

type rssFeed struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	AtomLink      atomLink  `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	PubDate     string `xml:"pubDate,omitempty"`
	Description string `xml:"description"`
}

// writeRSS writes an RSS 2.0 feed of a list page's newest pages. Items of
// pages with affiliate links carry the disclosure, as the FTC asks.
func (b *builder) writeRSS(list *Page, out string) error {
	title := b.site.Title
	if list.Kind != KindHome {
		title = list.Title + " · " + b.site.Title
	}
	feed := rssFeed{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: rssChannel{
		Title: title, Link: list.Permalink, Description: "Recent content on " + title,
		Language: b.site.LanguageCode, AtomLink: atomLink{Href: b.absURL(out), Rel: "self", Type: "application/rss+xml"},
	}}
	if !b.site.BuildDate.IsZero() {
		feed.Channel.LastBuildDate = b.site.BuildDate.Format(time.RFC1123Z)
	}
	for i, p := range list.Pages {
		if i == b.feedLimit(len(list.Pages)) {
			break
		}
		desc := string(p.Summary)
		if p.HasAffiliateLinks {
			desc = "<p><em>" + template.HTMLEscapeString(b.cfg.Affiliate.DisclosureText) + "</em></p><p>" + desc + "</p>"
		}
		item := rssItem{Title: p.Title, Link: p.Permalink, GUID: p.Permalink, Description: desc}
		if !p.Date.IsZero() {
			item.PubDate = p.Date.Format(time.RFC1123Z)
		}
		feed.Channel.Items = append(feed.Channel.Items, item)
	}
	x, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return err
	}
	return b.write(out, "feed "+list.RelPermalink, append([]byte(xml.Header), append(x, '\n')...))
}

type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemapIndex is the sitemap.xml of a multilingual site's root: the
// languages' sitemaps.
type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// xmlDocument is v as an indented XML document with its header.
func xmlDocument(v any) ([]byte, error) {
	x, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(x, '\n')...), nil
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// writtenBySite tells whether the output path p (no leading slash) is
// one of the files the site outputs (siteoutputs.go) put at the root,
// or a list's feed: a page whose url is one of them would collide.
func writtenBySite(p string) bool {
	switch p {
	case "robots.txt", "sitemap.xml", "404.html", "affiliate-links.json", "_redirects", "_headers":
		return true
	}
	return path.Base(p) == "index.xml"
}

// writeRobots writes robots.txt, unless the site has its own: a static
// robots.txt wins, copied as it is.
func (b *builder) writeRobots() error {
	robots := "User-agent: *\nDisallow: " + b.rootPath() + "go/\n" + b.linkDisallows() + "\nSitemap: " + b.rootURL("sitemap.xml") + "\n"
	if _, from, err := b.userStatic("robots.txt"); err != nil || from != "" {
		return err
	}
	return b.write("robots.txt", "robots.txt", []byte(robots))
}

// writeSitemap writes sitemap.xml: the home page, every content page
// with its lastmod, and the section lists.
func (b *builder) writeSitemap() error {
	var set urlSet
	set.NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	set.URLs = append(set.URLs, sitemapURL{Loc: b.home.Permalink, LastMod: dateOnly(b.site.BuildDate)})
	for _, p := range b.site.RegularPages {
		set.URLs = append(set.URLs, sitemapURL{Loc: p.Permalink, LastMod: dateOnly(p.Lastmod)})
	}
	for _, n := range sortedKeys(b.site.Sections) {
		if b.listRendered(n) {
			set.URLs = append(set.URLs, sitemapURL{Loc: b.site.Sections[n].Permalink})
		}
	}
	for _, tax := range b.cfg.TaxonomyPlurals() {
		if terms := b.taxonomyTerms(tax); len(terms) > 0 {
			if !b.cfg.KindDisabled(KindTaxonomy) {
				set.URLs = append(set.URLs, sitemapURL{Loc: b.absURL(tax + "/")})
			}
			for _, t := range terms {
				if !b.cfg.KindDisabled(KindTerm) {
					set.URLs = append(set.URLs, sitemapURL{Loc: t.Permalink})
				}
			}
		}
	}
	x, err := xmlDocument(set)
	if err != nil {
		return err
	}
	return b.write(b.sitemapName(), "sitemap", x)
}

// write404 renders the 404 page.
func (b *builder) write404() error {
	nf := b.listPage(KindPage, "Page not found", "404.html")
	nf.Kind = "404"
	b.renderOne(nf, "404.html", []string{"404.html"}, "404 page")
	return b.firstErr()
}

// writeManifest writes affiliate-links.json, the links of the built
// pages in page order (manifestLinks). It is written by hand, in the
// layout encoding/json's indenting encoder gives, because a large site
// has tens of thousands of links and the manifest is written again on
// every edit in the preview server. Each link is formatted once, into a
// buffer sized from the first one (links are much alike), since at
// 100,000 pages it is some 90 MB: growing it from nothing would hold
// twice that at a time.
func (b *builder) writeManifest() error {
	n := b.linkCount()
	if n == 0 {
		return b.write("affiliate-links.json", "manifest", []byte("[]\n"))
	}
	buf, first := []byte("[\n"), true
	for l := range b.manifestLinks {
		buf = appendManifestLink(buf, l)
		if first {
			// Room for the others, as long as the first and a fifth more.
			buf, first = slices.Grow(buf, (len(buf)-len("[\n"))*(n-1)*5/4+len("\n]\n")), false
		}
	}
	// The last link has no comma.
	buf = append(buf[:len(buf)-len(",\n")], "\n]\n"...)
	return b.write("affiliate-links.json", "manifest", buf)
}

// manifestLinks yields the affiliate links of the built pages, in page
// order: what manifest returns, without copying them.
func (b *builder) manifestLinks(yield func(*ManifestLink) bool) {
	var links []ManifestLink
	seen := map[string]string{}
	for _, s := range b.srcs {
		links = s.result.links.unpack(links[:0], s.page.RelPermalink, s.file, seen)
		for i := range links {
			if !yield(&links[i]) {
				return
			}
		}
	}
}

// linkCount is the number of affiliate links of the built pages.
func (b *builder) linkCount() int {
	n := 0
	for _, s := range b.srcs {
		n += s.result.links.len()
	}
	return n
}

// appendManifestLink appends one link of affiliate-links.json, with the
// comma that follows it (writeManifest takes the last one's away).
func appendManifestLink(buf []byte, l *ManifestLink) []byte {
	buf = append(buf, "  {\n"...)
	buf = appendField(buf, "page", l.Page, true)
	buf = appendField(buf, "file", l.File, true)
	buf = append(buf, `    "line": `...)
	buf = strconv.AppendInt(buf, int64(l.Line), 10)
	buf = append(buf, ",\n"...)
	buf = appendField(buf, "program", l.Program, true)
	if l.Plan != "" {
		buf = appendField(buf, "plan", l.Plan, true)
	}
	if l.Placement != "" {
		buf = appendField(buf, "placement", l.Placement, true)
	}
	if l.SubID != "" {
		buf = appendField(buf, "subid", l.SubID, true)
	}
	buf = appendField(buf, "url", l.URL, true)
	buf = appendField(buf, "source", l.Source, false)
	return append(buf, "  },\n"...)
}

// appendField appends `    "key": "value"` and a comma if more follow.
func appendField(buf []byte, key, value string, more bool) []byte {
	buf = append(buf, `    "`...)
	buf = append(buf, key...)
	buf = append(buf, `": `...)
	buf = appendJSONString(buf, value)
	if more {
		buf = append(buf, ',')
	}
	return append(buf, '\n')
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// does with HTML escaping off.
func appendJSONString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				buf = append(buf, '\\', c)
			case c == '\n':
				buf = append(buf, '\\', 'n')
			case c == '\r':
				buf = append(buf, '\\', 'r')
			case c == '\t':
				buf = append(buf, '\\', 't')
			case c == '\b':
				buf = append(buf, '\\', 'b')
			case c == '\f':
				buf = append(buf, '\\', 'f')
			case c < 0x20:
				buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			default:
				buf = append(buf, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			buf = append(buf, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			buf = append(buf, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return append(buf, '"')
}

func dateOnly(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// redirectPage is an HTML page that sends the browser to target: used
// for aliases and, with a cloaked link, noindex, for that link, whose
// script sends the visitor on with the query string kept as the hosts'
// rules do (hosting.TargetJS).
func redirectPage(target string, link *hosting.CloakedLink) []byte {
	t := template.HTMLEscapeString(target)
	var sb strings.Builder
	sb.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + t + "</title>\n")
	if link != nil {
		sb.WriteString("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
	} else {
		sb.WriteString("<link rel=\"canonical\" href=\"" + t + "\">\n")
	}
	sb.WriteString("<meta http-equiv=\"refresh\" content=\"0; url=" + t + "\">\n")
	rel := ""
	if link != nil {
		// Carry the sub-id of the link (?subid=…) over to the program.
		js, _ := json.Marshal([]string{link.To, link.ToSubID, link.Param, hosting.SubIDMark})
		sb.WriteString("<script>" + hosting.TargetJS + "(function(a){location.replace(affsiteTarget(a[0],a[1],a[2],location.search,a[3]))})(" + string(js) + ");</script>\n")
		// A cloaked link's page links to the program: a paid link.
		rel = ` rel="` + affiliate.Rel + `"`
	}
	sb.WriteString("</head>\n<body>\n<p>Redirecting to <a href=\"" + t + "\"" + rel + ">" + t + "</a>.</p>\n</body>\n</html>\n")
	return []byte(sb.String())
}

// aliasOut is the file an alias writes.
func aliasOut(alias string) string {
	out := strings.TrimPrefix(path.Clean("/"+strings.TrimSpace(alias)), "/")
	if path.Ext(out) != ".html" {
		out += "/index.html"
	}
	return out
}

// writeAlias writes a redirect page at an old URL of a page.
//
// An alias without a leading slash is relative to the page's folder, as
// in Hugo (/posts/a/'s "old-a" is /posts/old-a/), and stays in the
// page's language; on a multilingual site the aliases are written at the
// root once every language is built (languages.go).
func (b *builder) writeAlias(s *source, alias string) error {
	if b.cfg.DisableAliases {
		return nil // disableAliases, as in Hugo
	}
	out := path.Clean("/" + strings.TrimSpace(alias))
	if t := strings.TrimSpace(alias); !strings.HasPrefix(t, "/") {
		dir := path.Dir(strings.TrimSuffix(strings.TrimSuffix(s.outPath, "index.html"), "/"))
		out = path.Join("/", b.langPrefix(), dir, t)
	} else if strings.Contains(alias, "..") {
		out = "/"
	}
	if out == "/" {
		return diag.Errorf(s.file, 1, 0, diag.Content, "alias %q is not a path below the site root", alias)
	}
	page := aliasPage(s.page.Permalink)
	if b.multilingual() {
		b.wrote.aliases = append(b.wrote.aliases, langAlias{out: aliasOut(out), data: page})
		return nil
	}
	name := aliasOut(out)
	b.mu.Lock()
	prev := b.written[name]
	b.mu.Unlock()
	if strings.HasSuffix(prev, " (alias)") {
		// Two pages give one alias: Hugo writes one of them; affsite
		// keeps the first by file and says so.
		b.warn(diag.Warningf(s.file, 1, 0, diag.Content, "alias %q is also %s's: it redirects there", alias, strings.TrimSuffix(prev, " (alias)")))
		return nil
	}
	return b.write(name, s.file+" (alias)", page)
}

// aliasPage is the page an alias, or a language's folder, has: a
// redirect to target, with its canonical link.
func aliasPage(target string) []byte { return redirectPage(target, nil) }

// copyStatic copies the static files (see staticFiles), and the
// fingerprinted copies of the CSS and JavaScript files (fingerprint.go).
func (b *builder) copyStatic() error {
	files, err := b.staticFiles()
	if err != nil {
		return err
	}
	names := sortedKeys(files)
	errs := b.parallel(len(names), func(i int) error {
		data, err := fs.ReadFile(files[names[i]], names[i])
		if err != nil {
			return fmt.Errorf("static/%s: %v", names[i], sitefile.UnwrapPathError(err))
		}
		return b.write(names[i], "static/"+names[i], data)
	})
	if err := diag.Join(errs); err != nil {
		return err
	}
	return b.writeAssets()
}

// staticFiles maps each static file's name to the folder it is published
// from: the embedded theme's, the site theme's, then the site's own, a
// later one replacing an earlier one of the same name.
func (b *builder) staticFiles() (map[string]fs.FS, error) {
	files := map[string]fs.FS{}
	add := func(fsys fs.FS) error {
		return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == "." {
					return fs.SkipAll
				}
				return err
			}
			if !d.IsDir() && !mergedStatic(p) {
				files[p] = fsys
			}
			return nil
		})
	}
	def, _ := fs.Sub(themes.Default(), "static")
	if err := add(def); err != nil {
		return nil, err
	}
	for i := len(b.cfg.Theme) - 1; i >= 0; i-- {
		// The first theme named wins, so it is added last.
		if t := b.cfg.Theme[i]; t != "" && t != "default" {
			if err := add(newSourceFS(b.opts.Source, path.Join("themes", t, "static"))); err != nil {
				return nil, err
			}
		}
	}
	if err := add(newSourceFS(b.opts.Source, "static")); err != nil {
		return nil, err
	}
	return files, nil
}
