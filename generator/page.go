package generator

import (
	"html/template"
	"time"

	"github.com/affsite/affsite/builtins"
)

// Page kinds, as templates see them in .Kind.
const (
	KindPage     = "page"     // a regular content page
	KindHome     = "home"     // the home page, "/"
	KindSection  = "section"  // a section list, "/posts/"
	KindTaxonomy = "taxonomy" // the list of a taxonomy's terms, "/tags/"
	KindTerm     = "term"     // one term's pages, "/tags/kartra/"
)

// Page is one page of the site as templates see it. Regular pages come from
// content files; list pages (home, section, taxonomy, term) are made by the
// build. Field names follow Hugo's, so Hugo themes port with few changes.
type Page struct {
	Kind        string
	Title       string
	Description string
	Summary     template.HTML
	Content     template.HTML
	Date        time.Time
	Lastmod     time.Time
	PublishDate time.Time
	ExpiryDate  time.Time
	Draft       bool
	Slug        string
	Aliases     []string
	Tags        []string
	Categories  []string
	Weight      int
	Images      []string
	// Program is the id of the review's main program (front matter "program").
	Program string
	// Params holds every front-matter key, the known ones included.
	Params map[string]any

	// Section is the first folder under content/ ("posts"), empty for
	// pages at the top of content/.
	Section string
	// RelPermalink is the page's path from the site root ("/posts/x/").
	RelPermalink string
	// Permalink is the absolute URL (baseURL joined with RelPermalink).
	Permalink string

	WordCount   int
	ReadingTime int // minutes, at 213 words a minute as in Hugo
	// TableOfContents is the rendered <nav> of the page's headings.
	TableOfContents template.HTML

	// Pages lists the pages of a list page (section, term, home: all
	// posts, Site.Posts), newest first.
	Pages []*Page
	// Paginator is the current pager of a list page; nil on regular pages.
	Paginator *Pager
	// Terms lists a taxonomy page's terms, by name.
	Terms []*Term
	// TagTerms and CategoryTerms are the terms of a regular page's tags
	// and categories, in front-matter order, for linking to them.
	TagTerms      []*Term
	CategoryTerms []*Term
	// Term is set on a term page.
	Term *Term
	// Site is the site the page belongs to.
	Site *Site
	// tree places the page among the sections (see sections.go).
	tree sectionTree
	// key is the content file's path as its language sees it
	// (languages.go contentKey); translations are the pages of its
	// translation key in every language, itself included.
	key          string
	translations []*Page

	// File is the source path relative to the site root ("content/posts/x.md").
	File string
	// HasAffiliateLinks tells whether the rendered content links to a program.
	HasAffiliateLinks bool
	// JSONLD holds structured data blocks (schema.org) that shortcodes
	// such as verdict added, each a complete JSON document.
	JSONLD []template.JS
}

// Pager is one page of a paginated list.
type Pager struct {
	PageNumber int
	TotalPages int
	Pages      []*Page
	URL        string // this pager's RelPermalink
	First      *PagerLink
	Last       *PagerLink
	Prev       *PagerLink // nil on the first pager
	Next       *PagerLink // nil on the last pager
}

// PagerLink points at another pager of the same list.
type PagerLink struct {
	PageNumber int
	URL        string
}

// HasPrev tells whether there is a pager before this one.
func (p *Pager) HasPrev() bool { return p.Prev != nil }

// HasNext tells whether there is a pager after this one.
func (p *Pager) HasNext() bool { return p.Next != nil }

// Term is one value of a taxonomy ("kartra" in tags) and its pages.
type Term struct {
	Name         string // as first written in front matter
	Slug         string // urlized
	Taxonomy     string // "tags" or "categories"
	RelPermalink string
	Permalink    string
	Count        int
	Pages        []*Page
}

// Site is the site as templates see it in .Site.
type Site struct {
	Title        string
	BaseURL      string
	LanguageCode string
	Copyright    string
	Author       string
	Params       map[string]any
	// Data holds data/*.{yaml,toml,json} by file name without extension,
	// and each folder of data/ as a map of the same kind, as Hugo's does:
	// .Site.Data.programs.kartra is data/programs/kartra.yaml as written.
	Data map[string]any
	// Pages is every page; RegularPages only the content pages, newest first.
	Pages        []*Page
	RegularPages []*Page
	// Posts are the regular pages that are posts (reviews), newest
	// first: those the home page, the feeds and the 404 page list. Pages
	// of type "page", pages at the top of content/ and pages outside
	// MainSections are not posts (see isPost).
	Posts []*Page
	// MainSections are the sections whose pages are posts: Hugo's
	// mainSections setting, else every section that has a page.
	MainSections []string
	// Sections maps a section's folder below content/ ("posts", or
	// "posts/guides" for a nested section) to its list page.
	Sections map[string]*Page
	// Taxonomies maps "tags" and "categories" to their terms, by name.
	Taxonomies map[string][]*Term
	// Menu is the main navigation: the sections, then the taxonomies.
	Menu []MenuEntry
	// Menus are Hugo's menus by name (.Site.Menus.main), from the
	// configuration, front matter and sectionPagesMenu (see menus.go).
	Menus map[string]Menu
	// BuildDate is the time the build started (or the newest page date
	// when the build must be reproducible).
	BuildDate time.Time
	// Disclosure is the default affiliate disclosure text from site.toml.
	Disclosure string
	// hooks are GetPage's lookup and ProgramView's program data: the
	// build's that renders the site (builder.bindSite).
	hooks *siteHooks
	// Language is the site's language (the one being built, on a
	// multilingual site), Languages all of them (see languages.go).
	Language  *Language
	Languages []*Language
}

// siteHooks are the lookups a Site's templates call that the build
// rendering it answers: getPage is GetPage's (buildopts.go), and
// programView a content page's ProgramView. A Session's rebuild copies
// the Site (derive.go) but keeps its hooks, which each build binds to
// itself: a page that an edit did not touch, and that still points at
// the Site of an earlier build, asks the build running now, and no
// finished build stays alive through it.
type siteHooks struct {
	getPage     func(ref string) *Page
	programView func(id string) (*builtins.ProgramView, error)
}

// MenuEntry is one link of the main navigation.
type MenuEntry struct {
	Name string
	URL  string
}

// IsHome tells whether p is the home page.
func (p *Page) IsHome() bool { return p.Kind == KindHome }

// IsPage tells whether p is a regular content page.
func (p *Page) IsPage() bool { return p.Kind == KindPage }
