package wpimport

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/affsite/affsite/internal/slugs"
	"github.com/affsite/affsite/links"
)

// Options says what to import and where.
type Options struct {
	Export  string   // the WXR file
	Dir     string   // the new site's folder: missing or empty
	Links   []string // ThirstyAffiliates / Pretty Links CSV exports
	Uploads string   // a copy of wp-content/uploads, or ""
	// TAPrefix is ThirstyAffiliates' link prefix, "/recommends/" when
	// empty.
	TAPrefix string
}

// index is what the first pass learns: what posts refer to.
type index struct {
	hosts       map[string]bool   // the old site's hosts, without www.
	attachments map[int]string    // attachment id → URL
	paths       map[int]string    // post id → its path on the new site
	registry    *links.Set        // from --links
	destHosts   map[string]bool   // hosts of registry destinations
	byDest      map[string]string // destination URL → link id
}

// registryLink returns the id of the registry link href goes to: its
// cloaked path on the old site, or its exact destination.
func (ix *index) registryLink(href string) (string, bool) {
	if u, ok := ix.sitePath(href); ok {
		if l, ok := ix.registry.ByPath(u.Path); ok {
			return l.ID, true
		}
		return "", false
	}
	if id, ok := ix.byDest[strings.TrimSpace(href)]; ok {
		return id, true
	}
	return "", false
}

// affiliateHost tells whether href goes to the host of a registry
// destination (another page than the link's own).
func (ix *index) affiliateHost(href string) bool {
	u, err := url.Parse(href)
	return err == nil && ix.destHosts[strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")]
}

// rewriteHref makes a link to the old site a site path, and ?p=ID or
// ?page_id=ID the path of that post.
func (ix *index) rewriteHref(raw string, c *converter) string {
	u, ok := ix.sitePath(raw)
	if !ok {
		return raw
	}
	q := u.Query()
	for _, k := range []string{"p", "page_id"} {
		if v := q.Get(k); v != "" && (u.Path == "" || u.Path == "/" || u.Path == "/index.php") {
			id, _ := strconv.Atoi(v)
			if p, ok := ix.paths[id]; ok {
				c.rep.IDLinks++
				return p
			}
			c.note("link %s names post %s, which the export does not hold", raw, v)
			return raw
		}
	}
	if strings.Contains(u.Path, "/wp-content/uploads/") {
		return c.mediaURL(raw)
	}
	u.Scheme, u.Host, u.User = "", "", nil
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// post is one post or page to write, as the second pass sees it.
type frontMatter struct {
	Title       string   `yaml:"title"`
	Date        string   `yaml:"date,omitempty"`
	Lastmod     string   `yaml:"lastmod,omitempty"`
	Slug        string   `yaml:"slug,omitempty"`
	URL         string   `yaml:"url,omitempty"`
	Aliases     []string `yaml:"aliases,omitempty"`
	Draft       bool     `yaml:"draft,omitempty"`
	Author      string   `yaml:"author,omitempty"`
	Categories  []string `yaml:"categories,omitempty"`
	Tags        []string `yaml:"tags,omitempty"`
	Summary     string   `yaml:"summary,omitempty"`
	Description string   `yaml:"description,omitempty"`
	Images      []string `yaml:"images,omitempty"`
	WordPressID int      `yaml:"wordpress_id,omitempty"`
}

// OptionError is an Options value that cannot work whatever the export
// holds (a link prefix that is no folder, --uploads that is no folder):
// the command line's mistake, where other errors are the input's or the
// folder's.
type OptionError struct{ Msg string }

func (e *OptionError) Error() string { return e.Msg }

// Import creates a new site in opts.Dir from the export. It refuses a
// Dir that exists and is not empty, writes nothing outside it, and
// returns the report (also written as Dir/import-report.md).
func Import(opts Options) (*Report, error) {
	if err := checkOptions(&opts); err != nil {
		return nil, err
	}
	im := &importer{opts: opts, rep: newReport(), ix: &index{hosts: map[string]bool{}, attachments: map[int]string{},
		paths: map[int]string{}, destHosts: map[string]bool{}, byDest: map[string]string{}},
		plan: &planner{files: map[string]int{}, byID: map[int]*planned{}}}
	// The links first: content links are rewritten to them.
	if err := im.readLinks(); err != nil {
		return nil, err
	}
	if err := im.firstPass(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, err
	}
	if err := im.secondPass(); err != nil {
		return nil, err
	}
	if err := im.writeSiteFiles(); err != nil {
		return nil, err
	}
	return im.rep, nil
}

// importer is one run of Import: what each pass learns for the next.
type importer struct {
	opts     Options
	rep      *Report
	ix       *index
	regLinks []*links.Link // from --links
	plan     *planner
	ch       *Channel // the channel: as of the first item, then of the whole file
	menu     []*menuItem
	// titles are the titles of the posts that menu items without one of
	// their own take theirs from.
	titles   map[int]string
	archives map[archive]string // → the term's name, for those of published posts
}

// checkOptions fills in the link prefix and refuses options that cannot
// work: a prefix that is no folder, a Dir that is not empty, --uploads
// that is no folder.
func checkOptions(opts *Options) error {
	if err := cleanTAPrefix(opts); err != nil {
		return err
	}
	if err := checkEmptyDir(opts.Dir); err != nil {
		return err
	}
	return checkUploads(opts.Uploads)
}

// cleanTAPrefix cleans the link prefix, /recommends/ by default, into a
// site folder.
func cleanTAPrefix(opts *Options) error {
	p, ok := links.CleanPath(cmp.Or(opts.TAPrefix, "/recommends/"))
	if !ok {
		return &OptionError{fmt.Sprintf("link prefix %q is not a plain site folder such as /recommends/", opts.TAPrefix)}
	}
	opts.TAPrefix = p
	return nil
}

// checkUploads refuses an --uploads that is no folder; "" is none.
func checkUploads(dir string) error {
	if dir == "" {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &OptionError{fmt.Sprintf("--uploads %s: not a folder (give a copy of wp-content/uploads)", dir)}
	}
	return nil
}

// readLinks reads the --links exports into the registry, keeping the
// first of two links with one cloaked path and numbering repeated ids.
func (im *importer) readLinks() error {
	seenPath, seenID := map[string]bool{}, map[string]int{}
	for _, f := range im.opts.Links {
		ls, err := readLinksCSV(f, im.opts.TAPrefix, im.rep)
		if err != nil {
			return err
		}
		for _, l := range ls {
			if seenPath[l.Cloaked] {
				im.rep.unclassified(l.File, l.Line, fmt.Sprintf("cloaked path %s given twice; the first kept", l.Cloaked))
				continue
			}
			seenPath[l.Cloaked] = true
			id := l.ID
			if n := seenID[id]; n > 0 {
				id = fmt.Sprintf("%s-%d", id, n+1)
			}
			seenID[l.ID]++
			im.addLink(l, id)
		}
	}
	im.ix.registry = links.NewSet(im.regLinks...)
	for _, l := range im.regLinks {
		im.ix.byDest[l.Destination] = l.ID
		if u, err := url.Parse(l.Destination); err == nil {
			im.ix.destHosts[hostKey(u)] = true
		}
	}
	return nil
}

// addLink adds l to the registry as id.
func (im *importer) addLink(l CSVLink, id string) {
	notes := strings.TrimSpace(fmt.Sprintf("Imported from %s (%s): %s. %s", l.Plugin, filepath.Base(l.File), l.Name, l.Notes))
	im.regLinks = append(im.regLinks, &links.Link{ID: id, Destination: l.Destination, Cloaked: l.Cloaked, Status: l.Status,
		Categories: l.Categories, Notes: notes})
	im.rep.LinksImported = append(im.rep.LinksImported, fmt.Sprintf("%s → %s (%s, %d)", l.Cloaked, l.Destination, l.Plugin, l.Status))
}

// hostKey is u's host as the index keys hosts: lower case, without www.
func hostKey(u *url.URL) string {
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// firstPass learns the attachments, the menu items and where each post
// will be.
func (im *importer) firstPass() error {
	_, err := scanFile(im.opts.Export, func(c *Channel, it *Item) error {
		if im.ch == nil {
			im.ch = c
			for _, s := range []string{c.Link, c.BaseSiteURL, c.BaseBlogURL} {
				if u, err := url.Parse(s); err == nil && u.Host != "" {
					im.ix.hosts[hostKey(u)] = true
				}
			}
		}
		switch it.Type {
		case "attachment":
			im.ix.attachments[it.ID] = it.AttURL
		case "post", "page":
			im.plan.add(it)
		case "nav_menu_item":
			im.menu = append(im.menu, readMenuItem(it))
		}
		return nil
	})
	if err != nil {
		return err
	}
	im.plan.resolve(im.ix, im.rep)
	// Only the titles menu items without one of their own take from
	// their post are kept in pass 2.
	im.titles = map[int]string{}
	for _, m := range im.menu {
		if m.title == "" && m.typ == "post_type" {
			im.titles[m.objectID] = ""
		}
	}
	return nil
}

// secondPass converts and writes every post and page, and counts the
// other items.
func (im *importer) secondPass() error {
	im.archives = map[archive]string{}
	m := &media{uploads: im.opts.Uploads, dir: im.opts.Dir, ix: im.ix, rep: im.rep, copied: map[string]string{}}
	ch, err := scanFile(im.opts.Export, func(c *Channel, it *Item) error {
		if !im.count(it) {
			return nil
		}
		if _, ok := im.titles[it.ID]; ok {
			im.titles[it.ID] = strings.TrimSpace(it.Title)
		}
		p := im.plan.byID[it.ID]
		if p == nil {
			return nil
		}
		return im.writeItem(m, c, it, p)
	})
	im.ch = ch // with every field, those after the last item too
	return err
}

// count counts an item in the report, and tells whether it is a post or
// page to write.
func (im *importer) count(it *Item) bool {
	switch it.Type {
	case "post", "page":
		im.rep.Comments += len(it.Comments)
		return true
	case "attachment":
		im.rep.Attachments++
	case "nav_menu_item":
		im.rep.MenuItems++
	default:
		im.rep.skip(it.Type)
	}
	return false
}

// writeSiteFiles writes what the whole export gives: site.toml with the
// menus, the links registry, the redirects and the report.
func (im *importer) writeSiteFiles() error {
	menus := menuTOML(menuEntries(im.menu, im.ix, im.ch, im.titles, im.rep))
	if err := writeSite(im.opts.Dir, im.ch, im.regLinks, im.opts.TAPrefix, menus); err != nil {
		return err
	}
	if err := writeRedirects(im.opts.Dir, redirectRules(im.plan, im.ch, im.archives), im.rep); err != nil {
		return err
	}
	return im.rep.write(filepath.Join(im.opts.Dir, "import-report.md"), im.opts)
}

// scanFile is scan over the export file.
func scanFile(file string, fn func(*Channel, *Item) error) (*Channel, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return scan(file, f, maxItemBytes, fn)
}

// checkEmptyDir refuses a dir that exists and holds anything.
func checkEmptyDir(dir string) error {
	if dir == "" {
		return errors.New("no output folder (-o DIR)")
	}
	f, err := os.Open(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", dir)
	}
	if _, err := f.Readdirnames(1); err != io.EOF {
		return fmt.Errorf("%s is not empty: import into a new or empty folder", dir)
	}
	return nil
}

// planned is where one post or page goes.
type planned struct {
	id      int
	kind    string // "post" or "page"
	file    string // content/posts/slug.md
	url     string // front matter url, or ""
	path    string // its path on the new site
	aliases []string
	parent  int
	slug    string
	oldPath string
}

// planner gives every post and page its file and path before any is
// written, so that ?p= links and page trees resolve.
type planner struct {
	items []*planned
	byID  map[int]*planned
	files map[string]int
	// Pages by id, for the hierarchy.
}

func (pl *planner) add(it *Item) {
	name := it.Name
	if s, err := url.PathUnescape(name); err == nil {
		name = s
	}
	if name == "" {
		name = slugs.Words(it.Title)
	}
	if name == "" {
		name = it.Type + "-" + strconv.Itoa(it.ID)
	}
	p := &planned{id: it.ID, kind: it.Type, parent: it.Parent, slug: safeName(name)}
	if u, err := url.Parse(it.Link); err == nil && u.RawQuery == "" && u.Path != "" && u.Path != "/" {
		if dp, err := url.PathUnescape(u.Path); err == nil {
			p.oldPath = dp
		} else {
			p.oldPath = u.Path
		}
		if !strings.HasSuffix(p.oldPath, "/") && path.Ext(p.oldPath) == "" {
			p.oldPath += "/"
		}
	}
	pl.items = append(pl.items, p)
	pl.byID[it.ID] = p
}

// resolve decides the files: posts in content/posts/, pages in folders
// of their parents (a parent page is its folder's _index.md).
func (pl *planner) resolve(ix *index, rep *Report) {
	hasChildren := map[int]bool{}
	for _, p := range pl.items {
		if p.kind == "page" && p.parent != 0 {
			hasChildren[p.parent] = true
		}
	}
	for _, p := range pl.items {
		file, natural := pl.naturalPlace(p, hasChildren[p.id])
		file, natural = pl.freeFile(p, file, natural, rep)
		pl.files[file]++
		p.file, p.path = file, natural
		if p.oldPath != "" && p.oldPath != natural {
			if strings.HasSuffix(file, "_index.md") {
				p.aliases = append(p.aliases, p.oldPath) // a section's path is its folder's
			} else {
				p.url, p.path = p.oldPath, p.oldPath
			}
		}
		if p.oldPath == "" {
			rep.PlainPermalinks++
		}
		ix.paths[p.id] = p.path
	}
}

// naturalPlace is where p goes before any clash: its file and path.
func (pl *planner) naturalPlace(p *planned, hasChildren bool) (file, natural string) {
	switch {
	case p.kind == "post":
		return "content/posts/" + p.slug + ".md", "/posts/" + p.slug + "/"
	case hasChildren:
		f := pl.folder(p)
		return "content/" + f + "/_index.md", "/" + f + "/"
	}
	f := pl.folder(p)
	return "content/" + f + ".md", "/" + f + "/"
}

// folder is the folder path of a page: its parent pages' slugs and its
// own (at most 50 deep, against a loop of parents).
func (pl *planner) folder(p *planned) string {
	var segs []string
	for q, n := p, 0; q != nil && n < 50; n++ {
		segs = append([]string{q.slug}, segs...)
		q = pl.byID[q.parent]
		if q != nil && q.kind != "page" {
			break
		}
	}
	return strings.Join(segs, "/")
}

// freeFile gives a slug used before the first free -N: counted by the
// slug's own file, and checked against every file taken, since "same-2"
// may be a slug of its own.
func (pl *planner) freeFile(p *planned, file, natural string, rep *Report) (string, string) {
	if pl.files[file] == 0 {
		return file, natural
	}
	base, baseURL := strings.TrimSuffix(file, ".md"), strings.TrimSuffix(natural, "/")
	n := pl.files[file] + 1
	for pl.files[base+"-"+strconv.Itoa(n)+".md"] > 0 {
		n++
	}
	pl.files[file]++
	file, natural = base+"-"+strconv.Itoa(n)+".md", baseURL+"-"+strconv.Itoa(n)+"/"
	rep.note(file, fmt.Sprintf("slug %q is used twice; this one is written as -%d", p.slug, n))
	return file, natural
}

// writeItem converts one post or page and writes its file.
func (im *importer) writeItem(m *media, ch *Channel, it *Item, p *planned) error {
	c := &converter{idx: im.ix, rep: im.rep, media: m, file: p.file}
	m.cur = c
	body, err := c.toMarkdown(it.Content())
	if err != nil {
		return &Error{File: im.opts.Export, Line: it.line, Msg: fmt.Sprintf("item %d: %v", it.ID, err)}
	}
	fm := im.frontMatter(c, m, ch, it, p)
	if p.kind == "post" {
		im.rep.Posts++
	} else {
		im.rep.Pages++
	}
	head, err := yaml.Marshal(fm)
	if err != nil {
		return err
	}
	out := "---\n" + string(head) + "---\n\n" + body
	if err := writeFile(im.opts.Dir, p.file, []byte(out)); err != nil {
		return err
	}
	for _, n := range c.notes {
		im.rep.note(p.file, n)
	}
	if p.oldPath != "" {
		im.rep.Permalinks = append(im.rep.Permalinks, p.oldPath)
	}
	return nil
}

// frontMatter is the front matter of an item: its title, dates, status,
// author, terms, descriptions and featured image.
func (im *importer) frontMatter(c *converter, m *media, ch *Channel, it *Item, p *planned) frontMatter {
	fm := frontMatter{Title: strings.TrimSpace(it.Title), URL: p.url, Aliases: p.aliases, WordPressID: it.ID}
	if fm.Title == "" {
		fm.Title = "Untitled " + it.Type + " " + strconv.Itoa(it.ID)
		c.note("no title in the export; titled %q", fm.Title)
	}
	fm.Date = wpDate(it.DateGMT, it.Date)
	if it.Modified != "" {
		fm.Lastmod = wpDate("", it.Modified)
	}
	fm.Draft = im.isDraft(c, it)
	fm.Author = it.Creator
	if a := ch.Authors[it.Creator]; a != "" {
		fm.Author = a
	}
	im.addTerms(&fm, it)
	fm.Summary = plainText(it.Excerpt())
	fm.Description = im.seoDescription(it)
	if fm.Description == "" {
		fm.Description = fm.Summary
	}
	if id, err := strconv.Atoi(it.MetaValue("_thumbnail_id")); err == nil {
		if u, ok := im.ix.attachments[id]; ok {
			fm.Images = []string{m.url(u)}
		}
	}
	return fm
}

// isDraft tells whether an item is imported as a draft: any status but
// published, or a password.
func (im *importer) isDraft(c *converter, it *Item) bool {
	draft := true
	switch it.Status {
	case "publish", "inherit", "":
		draft = false
	case "draft", "pending", "private", "future", "auto-draft":
		im.rep.Drafts++
	default:
		c.note("status %q imported as a draft", it.Status)
	}
	if it.Password != "" {
		c.note("password-protected in WordPress: imported as a draft")
		return true
	}
	return draft
}

// addTerms gives fm the item's categories (but Uncategorized) and tags,
// and gathers the terms of published items, whose WordPress archives are
// redirected.
func (im *importer) addTerms(fm *frontMatter, it *Item) {
	for _, t := range it.Terms {
		name := strings.TrimSpace(t.Name)
		var base string
		switch {
		case t.Domain == "category" && name != "Uncategorized":
			fm.Categories, base = append(fm.Categories, name), "category"
		case t.Domain == "post_tag":
			fm.Tags, base = append(fm.Tags, name), "tag"
		default:
			continue
		}
		if !fm.Draft && t.Nicename != "" {
			im.archives[archive{base, t.Nicename}] = name
		}
	}
}

// seoDescription is the description an SEO plugin gives the item, or "".
func (im *importer) seoDescription(it *Item) string {
	for _, k := range []string{"_yoast_wpseo_metadesc", "rank_math_description", "_aioseo_description"} {
		if v := strings.TrimSpace(it.MetaValue(k)); v != "" && !strings.Contains(v, "%%") {
			im.rep.SEODescriptions++
			return v
		}
	}
	return ""
}

// wpDate turns WordPress's "2006-01-02 15:04:05" (GMT when gmt is
// given and set) into RFC 3339.
func wpDate(gmt, local string) string {
	if gmt != "" && !strings.HasPrefix(gmt, "0000") {
		if t, err := time.Parse(time.DateTime, gmt); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	if local != "" && !strings.HasPrefix(local, "0000") {
		if t, err := time.Parse(time.DateTime, local); err == nil {
			return t.Format("2006-01-02T15:04:05")
		}
	}
	return ""
}

// writeFile writes rel (slash-separated, below dir) after checking it
// stays below dir.
func writeFile(dir, rel string, data []byte) error {
	full, err := within(dir, rel)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// within joins rel to dir, refusing a path that leaves it.
func within(dir, rel string) (string, error) {
	clean := path.Clean("/" + rel)
	if strings.Contains(rel, "..") || strings.ContainsRune(rel, '\\') || clean == "/" {
		return "", fmt.Errorf("refusing to write %q: not a plain path below %s", rel, dir)
	}
	return filepath.Join(dir, filepath.FromSlash(clean[1:])), nil
}

// safeName makes one path segment of a slug: the segment the generator
// makes of the file's name (slugs.URLize: "Black Friday+Deals!" is
// "black-fridaydeals"), so that the path planned for a page is the one
// it is built at; without dots or hyphens at its ends, so that it is
// never "." or "..", and "untitled" when nothing is left.
func safeName(s string) string {
	s = strings.Trim(slugs.URLize(s), ".-")
	if s == "" {
		s = "untitled"
	}
	return s
}

// plainText is the text of an HTML excerpt on one line.
func plainText(s string) string {
	s = tagRe.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(htmlUnescape(s)), " ")
}

// writeSite writes site.toml, the links registry and .gitignore.
func writeSite(dir string, ch *Channel, ls []*links.Link, taPrefix, menus string) error {
	if err := writeFile(dir, "site.toml", []byte(siteConfig(ch, taPrefix)+menus)); err != nil {
		return err
	}
	if err := writeFile(dir, ".gitignore", []byte("public/\n")); err != nil {
		return err
	}
	if len(ls) == 0 {
		return nil
	}
	return writeRegistry(dir, ls)
}

// siteConfig is site.toml but the menus: the channel's link, title and
// language, and the link prefix.
func siteConfig(ch *Channel, taPrefix string) string {
	base := strings.TrimSuffix(ch.Link, "/") + "/"
	if u, err := url.Parse(base); err != nil || u.Host == "" {
		base = "https://example.org/"
	}
	title := ch.Title
	if title == "" {
		title = "My site"
	}
	lang := ch.Language
	if lang == "" {
		lang = "en-us"
	}
	return fmt.Sprintf("# Imported from a WordPress export by affsite import wordpress.\nbaseURL = %s\ntitle = %s\nlanguageCode = %s\n\n[affiliate]\n# The folder of registry links that name no cloaked path.\nlinks_prefix = %s\n",
		strconv.Quote(base), strconv.Quote(title), strconv.Quote(strings.ToLower(lang)), strconv.Quote(taPrefix))
}

// writeRegistry writes the imported links, by id, as
// data/links/imported.yaml.
func writeRegistry(dir string, ls []*links.Link) error {
	type entry struct {
		ID          string   `yaml:"id"`
		Destination string   `yaml:"destination"`
		Cloaked     string   `yaml:"cloaked"`
		Status      int      `yaml:"status"`
		Categories  []string `yaml:"categories,omitempty"`
		Notes       string   `yaml:"notes,omitempty"`
	}
	var doc struct {
		Links []entry `yaml:"links"`
	}
	sorted := append([]*links.Link(nil), ls...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, l := range sorted {
		doc.Links = append(doc.Links, entry{l.ID, l.Destination, l.Cloaked, l.Status, l.Categories, l.Notes})
	}
	b, err := yaml.Marshal(doc)
	if err != nil {
		return err
	}
	return writeFile(dir, "data/links/imported.yaml", append([]byte("# Cloaked links imported from WordPress: each keeps its old path.\n"), b...))
}
