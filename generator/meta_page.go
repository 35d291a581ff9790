package generator

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/tplfuncs"
)

// metaDescriptionLength is how long a description made from a summary
// may be, in characters, as search engines show it.
const metaDescriptionLength = 160

// MetaTitle is the page's <title>: "Page · Site", just "Site" on the home
// page, "Page not found · Site" on the 404 page, with "– page N" on the
// later pagers of a list. It is computed here, not in the theme's
// head.html, because every page needs it.
func (p *Page) MetaTitle() string {
	site := p.siteTitle()
	title := site
	if !p.IsHome() {
		switch {
		case p.Title != "":
			title = p.Title + " · " + site
		case p.Kind == "404":
			title = "Page not found · " + site
		}
	}
	if p.Paginator != nil && p.Paginator.PageNumber > 1 {
		title = fmt.Sprintf("%s – page %d", title, p.Paginator.PageNumber)
	}
	return title
}

// MetaDescription is the page's meta description: its front-matter
// description, else its summary as plain text cut to 160 characters,
// else the site's params.description.
func (p *Page) MetaDescription() string {
	if p.Description != "" {
		return p.Description
	}
	if p.Summary != "" {
		if d := tplfuncs.Truncate(metaDescriptionLength, p.Summary); d != "" {
			return d
		}
	}
	if p.Site != nil {
		if d, ok := values.LookupKey(p.Site.Params, "description"); ok && !tplfuncs.IsEmpty(d) {
			return strings.TrimSpace(fmt.Sprint(d))
		}
	}
	return ""
}

// MenuItem is an entry of the main navigation as one page shows it.
type MenuItem struct {
	Name string
	URL  string
	// Current is the entry's aria-current value: "page" on the page it
	// links to, "true" on pages below it, else "".
	Current string
	// Pre, Post, Title and Children are a configured main menu's (see
	// menus.go); empty for the default navigation.
	Pre, Post template.HTML
	Title     string
	Children  []MenuItem
}

// MenuItems is the site's menu with the entries that lead to this page
// marked.
func (p *Page) MenuItems() []MenuItem {
	if p.Site == nil {
		return nil
	}
	if main := p.Site.Menus["main"]; len(main) > 0 {
		return p.navItems(main)
	}
	out := make([]MenuItem, len(p.Site.Menu))
	for i, m := range p.Site.Menu {
		out[i] = MenuItem{Name: m.Name, URL: m.URL}
		switch {
		case p.RelPermalink == m.URL:
			out[i].Current = "page"
		case m.URL != "/" && strings.HasPrefix(p.RelPermalink, m.URL):
			out[i].Current = "true"
		}
	}
	return out
}
