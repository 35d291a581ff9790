package generator

import (
	"io/fs"

	"github.com/affsite/affsite/diag"

	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/programs"
)

// siteValue is what loading and assembling a site makes (builder.load,
// assemble): its pages, lists, taxonomies and menus, the configuration's
// view of it (Site), the program data, links registry, templates and
// static files its pages render with. Rendering reads it; a page's
// rendering returns what it found as a pageResult, and sets the fields
// of its Page that its layout and its lists show. A preview Session's
// rebuild never writes the last good one: it edits a copy that shares
// what it does not write (sessionown.go, derive.go).
type siteValue struct {
	site *Site
	// templates are the layouts compiled; a build binds their functions
	// to itself (builder.tmpl).
	templates *templateSet
	programs  *programs.Set
	linkSet   *links.Set // data/links, the links registry
	// cascades are the _index.md cascades by folder ("content/posts").
	cascades map[string][]cascadeEntry

	srcs           []*source // the content pages, in file order
	home           *Page
	sectionSources map[string]*source
	taxonomyLists  map[string]*Page // taxonomy and term pages of an _index.md, by site folder (taxonomyindex.go)
	sectionDirs    map[string]bool  // folders below content/ with an _index.md
	resources      [][2]string      // page-bundle files: source path, output path

	// subIDPrefixes is each page's sub-id prefix by its path below the
	// base path, set by assemble (pageSubIDPrefixes).
	subIDPrefixes map[string]string

	// assets are the fingerprinted static files by name ("css/style.css").
	assets map[string]*assetFile
	// static is every static file by name, with the folder that wins for
	// it (staticFiles), for the product boxes' pictures.
	static map[string]fs.FS

	// unpublished are the warnings of the content files read and left
	// out (drafts, future or expired pages), by file; a page's own are
	// its source's (warnings.go).
	unpublished map[string]diag.List
	// steps are the site-wide warnings by the step of the build that
	// gave them (builder.step), kept for a Session's rebuild that does
	// not do the step again.
	steps map[string]diag.List
}
