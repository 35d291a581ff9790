package generator

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/hugoshortcodes"
	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/siteconfig"
)

// This file is Hugo's menus: entries from the configuration
// ([[menus.main]], or [[menu.main]]), from front matter (menu: main, a
// list of menus, or a table of menus with their entry's settings) and
// from sectionPagesMenu, merged into .Site.Menus as Hugo merges them. The
// main menu, when the site has one, is also the default theme's
// navigation (Site.Menu); without one the navigation stays the sections,
// then the taxonomies.

// MenuConfig is one entry of a menu in the configuration.
type MenuConfig = siteconfig.MenuConfig

// NavEntry is one entry of a menu as templates see it in
// .Site.Menus.<menu>, with the fields of Hugo's menu entries.
type NavEntry struct {
	Name       string
	URL        string
	Identifier string
	Parent     string
	Title      string
	Pre        template.HTML
	Post       template.HTML
	Weight     int
	// Menu is the name of the menu the entry belongs to.
	Menu   string
	Params map[string]any
	// Page is the page the entry links to; nil for a URL of the
	// configuration that is no page of the site.
	Page     *Page
	Children Menu
}

// KeyName is what identifies the entry in its menu, and what its
// children name as their parent: the identifier, else the name.
func (e *NavEntry) KeyName() string {
	if e.Identifier != "" {
		return e.Identifier
	}
	return e.Name
}

// HasChildren tells whether entries name this one as their parent.
func (e *NavEntry) HasChildren() bool { return len(e.Children) > 0 }

// Menu is one menu's entries, in Hugo's order: by weight (entries
// without one last), then name, then identifier.
type Menu []*NavEntry

// ByWeight returns the menu in Hugo's default order.
func (m Menu) ByWeight() Menu {
	out := append(Menu(nil), m...)
	sort.SliceStable(out, func(i, j int) bool { return menuLess(out[i], out[j]) })
	return out
}

// ByName returns the menu ordered by name.
func (m Menu) ByName() Menu {
	out := append(Menu(nil), m...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Reverse returns the menu in the opposite order.
func (m Menu) Reverse() Menu {
	out := make(Menu, len(m))
	for i, e := range m {
		out[len(m)-1-i] = e
	}
	return out
}

// menuLess is Hugo's default order of menu entries.
func menuLess(a, b *NavEntry) bool {
	switch {
	case a.Weight != b.Weight && (a.Weight == 0 || b.Weight == 0):
		return b.Weight == 0
	case a.Weight != b.Weight:
		return a.Weight < b.Weight
	}
	return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Identifier, b.Identifier)) < 0
}

// IsMenuCurrent tells whether the entry links to this page.
func (p *Page) IsMenuCurrent(menu string, e *NavEntry) bool {
	if e == nil || e.Menu != menu {
		return false
	}
	if e.Page != nil {
		return e.Page == p || e.Page.RelPermalink == p.RelPermalink
	}
	return e.URL != "" && e.URL == p.RelPermalink
}

// HasMenuCurrent tells whether an entry below e links to this page, or
// e is the section this page is in.
func (p *Page) HasMenuCurrent(menu string, e *NavEntry) bool {
	if e == nil || e.Menu != menu {
		return false
	}
	if slices.ContainsFunc(e.Children, func(c *NavEntry) bool { return p.IsMenuCurrent(menu, c) || p.HasMenuCurrent(menu, c) }) {
		return true
	}
	sec := e.Page
	return sec != nil && sec.Kind == KindSection && p != sec && p.Section == sec.Section && p.Kind != KindHome
}

// pageMenu is one menu entry a page's front matter asks for.
type pageMenu struct {
	menu string
	MenuConfig
	weightSet bool
}

// pageMenus reads a page's menu (or menus) front matter: a menu's name,
// a list of names, or a table from menu names to the entry's settings.
func pageMenus(file string, fm map[string]any, at *fmPlaces) ([]pageMenu, error) {
	key := "menu"
	v, ok := values.LookupKey(fm, key)
	if !ok {
		key = "menus"
		if v, ok = values.LookupKey(fm, key); !ok {
			return nil, nil
		}
	}
	// bad is an error at the value at path below key.
	bad := func(path []string, format string, args ...any) error {
		line, col := at.value(append([]string{key}, path...)...)
		return diag.Errorf(file, line, col, diag.FrontMatter, format, args...)
	}
	switch t := v.(type) {
	case string:
		if t == "" {
			return nil, nil
		}
		return []pageMenu{{menu: t}}, nil
	case []any:
		var out []pageMenu
		for i, e := range t {
			s, ok := e.(string)
			if !ok {
				return nil, bad([]string{strconv.Itoa(i)}, "%s: a list of menus holds menu names, not %s", key, typeName(e))
			}
			out = append(out, pageMenu{menu: s})
		}
		return out, nil
	case map[string]any:
		var out []pageMenu
		for _, name := range sortedKeys(t) {
			pm := pageMenu{menu: name}
			settings, ok := t[name].(map[string]any)
			if t[name] != nil && !ok {
				return nil, bad([]string{name}, "%s.%s must be a table of the entry's settings (weight, name, parent…), not %s", key, name, typeName(t[name]))
			}
			for k, x := range settings {
				var err error
				switch strings.ToLower(k) {
				case "name":
					pm.Name, err = menuString(x)
				case "identifier":
					pm.Identifier, err = menuString(x)
				case "parent":
					pm.Parent, err = menuString(x)
				case "pre":
					pm.Pre, err = menuString(x)
				case "post":
					pm.Post, err = menuString(x)
				case "title":
					pm.Title, err = menuString(x)
				case "url":
					pm.URL, err = menuString(x)
				case "weight":
					pm.Weight, err = values.ToInt(x)
					pm.weightSet = true
				case "params":
					if pm.Params, ok = x.(map[string]any); !ok && x != nil {
						err = fmt.Errorf("must be a table")
					}
				}
				if err != nil {
					return nil, bad([]string{name, k}, "%s.%s.%s: %v", key, name, k, err)
				}
			}
			out = append(out, pm)
		}
		return out, nil
	case nil:
		return nil, nil
	}
	return nil, bad(nil, "%s must be a menu's name, a list of names or a table of menus, not %s", key, typeName(v))
}

func menuString(v any) (string, error) {
	if s, ok := scalarString(v); ok || v == nil {
		return s, nil
	}
	return "", fmt.Errorf("must be a string, not %s", typeName(v))
}

func typeName(v any) string {
	switch v.(type) {
	case map[string]any:
		return "a table"
	case []any:
		return "a list"
	case string:
		return "a string"
	case bool:
		return "true or false"
	case nil:
		return "nothing"
	}
	return "a number"
}

// linkTitle is the name a page's menu entry gets by default: its
// linkTitle front matter, else its title.
func linkTitle(p *Page) string {
	if v, ok := values.LookupKey(p.Params, "linkTitle"); ok {
		if s, ok := v.(string); ok && s != "" {
			return s
		}
	}
	return p.Title
}

// menuURL gives a configured URL as Hugo does: one from the site root
// ("/about/") below the base path, any other as written.
func (b *builder) menuURL(u string) string {
	if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
		return u
	}
	return b.relURL(u)
}

// assembleMenus builds .Site.Menus from the configuration, the sections
// (sectionPagesMenu) and the pages' front matter, and makes the main
// menu, when there is one, the navigation. Later sources replace an
// entry of the same menu and key, as in Hugo: front matter wins over
// sectionPagesMenu, which yields to a configured entry.
func (b *builder) assembleMenus(srcs []*source, sections map[string]*source) {
	b.site.Menus = nil
	ms := &menuSet{flat: map[menuKey]*NavEntry{}}
	b.configMenuEntries(ms, srcs, sections)
	b.sectionPagesEntries(ms, sections)
	for _, name := range sortedKeys(sections) {
		if p := b.sectionListPage(name); p != nil {
			b.pageMenuEntries(ms, sections[name], p)
		}
	}
	for _, s := range srcs {
		b.pageMenuEntries(ms, s, s.page)
	}
	if len(ms.flat) == 0 {
		return
	}
	b.site.Menus = ms.menus()
	if main := b.site.Menus["main"]; len(main) > 0 {
		b.site.Menu = nil
		for _, e := range main {
			b.site.Menu = append(b.site.Menu, MenuEntry{Name: e.Name, URL: e.URL})
		}
	}
}

// menuKey names an entry within its menu.
type menuKey struct{ menu, name string }

// menuSet gathers the entries of every menu while they are assembled.
type menuSet struct {
	flat  map[menuKey]*NavEntry
	order []menuKey // first-seen order, so that ties never depend on a map
}

// put adds e, or replaces the entry of its name.
func (ms *menuSet) put(e *NavEntry) {
	k := menuKey{e.Menu, e.KeyName()}
	if _, ok := ms.flat[k]; !ok {
		ms.order = append(ms.order, k)
	}
	ms.flat[k] = e
}

// menus links children to their parents — children first; a parent
// nobody defines is made, without a URL — and returns each menu's top
// entries, by weight.
func (ms *menuSet) menus() map[string]Menu {
	for _, k := range ms.order {
		e := ms.flat[k]
		if e.Parent == "" {
			continue
		}
		pk := menuKey{e.Menu, e.Parent}
		parent, ok := ms.flat[pk]
		if !ok {
			parent = &NavEntry{Menu: e.Menu, Name: e.Parent}
			ms.flat[pk] = parent
			ms.order = append(ms.order, pk)
		}
		parent.Children = append(parent.Children, e)
	}
	out := map[string]Menu{}
	for _, k := range ms.order {
		e := ms.flat[k]
		e.Children = e.Children.ByWeight()
		if e.Parent == "" {
			out[k.menu] = append(out[k.menu], e)
		}
	}
	for name, m := range out {
		out[name] = m.ByWeight()
	}
	return out
}

// configMenuEntries adds the configuration's menu entries, resolving
// pageRef and url to the pages they name.
func (b *builder) configMenuEntries(ms *menuSet, srcs []*source, sections map[string]*source) {
	var refs *hugoshortcodes.PageIndex
	byURL := map[string]*Page{}
	for _, p := range b.site.Pages {
		if _, ok := byURL[p.RelPermalink]; !ok {
			byURL[p.RelPermalink] = p
		}
	}
	for _, menu := range sortedKeys(b.cfg.Menus) {
		for _, c := range b.cfg.Menus[menu] {
			e := &NavEntry{Menu: menu, Name: c.Name, Identifier: c.Identifier, Parent: c.Parent, Title: c.Title,
				Pre: template.HTML(c.Pre), Post: template.HTML(c.Post), Weight: c.Weight, Params: lowerKeys(c.Params, nil)}
			if c.PageRef != "" {
				if refs == nil {
					refs = b.menuRefs(srcs, sections)
				}
				if r, err := refs.Find("", c.PageRef); err == nil {
					e.Page = byURL[r.RelPermalink]
					e.URL = r.RelPermalink
				} else {
					b.warn(b.cfg.Origin("menus."+menu).Warningf("menus.%s: pageRef %q: no such page", menu, c.PageRef))
				}
			}
			if e.URL == "" && c.URL != "" {
				e.URL = b.menuURL(c.URL)
				e.Page = byURL[e.URL]
			}
			if e.Name == "" && e.Page != nil {
				e.Name = linkTitle(e.Page)
			}
			ms.put(e)
		}
	}
}

// sectionPagesEntries adds a top-level section's entry to the menu
// sectionPagesMenu names, unless the menu has one of its name.
func (b *builder) sectionPagesEntries(ms *menuSet, sections map[string]*source) {
	m := b.cfg.SectionPagesMenu
	if m == "" {
		return
	}
	for _, name := range sortedKeys(b.site.Sections) {
		sec := b.site.Sections[name]
		if isNestedSection(name) {
			continue // top-level sections only, as in Hugo
		}
		if _, ok := ms.flat[menuKey{m, name}]; ok {
			continue
		}
		w := 0
		if s, ok := sections[name]; ok {
			w = s.page.Weight
		}
		ms.put(&NavEntry{Menu: m, Identifier: name, Name: sec.Title, URL: sec.RelPermalink, Weight: w, Page: sec})
	}
}

// pageMenuEntries adds the entries of p's front matter (read into s).
func (b *builder) pageMenuEntries(ms *menuSet, s *source, p *Page) {
	for _, pm := range s.menus {
		ms.put(b.pageMenuEntry(pm, p))
	}
}

// pageMenuEntry is the menu entry pm of page p's front matter.
func (b *builder) pageMenuEntry(pm pageMenu, p *Page) *NavEntry {
	e := &NavEntry{Menu: pm.menu, Name: cmp.Or(pm.Name, linkTitle(p)), Identifier: pm.Identifier, Parent: pm.Parent, Title: pm.Title,
		Pre: template.HTML(pm.Pre), Post: template.HTML(pm.Post), Weight: p.Weight, Params: lowerKeys(pm.Params, nil), Page: p, URL: cmp.Or(b.menuURL(pm.URL), p.RelPermalink)}
	if pm.weightSet {
		e.Weight = pm.Weight
	}
	return e
}

// menuRefs indexes the pages for the configuration's pageRef entries.
func (b *builder) menuRefs(srcs []*source, sections map[string]*source) *hugoshortcodes.PageIndex {
	var refs []hugoshortcodes.PageRef
	for _, s := range srcs {
		refs = append(refs, hugoshortcodes.PageRef{File: s.key, RelPermalink: s.page.RelPermalink, Permalink: s.page.Permalink})
	}
	for name, p := range b.site.Sections {
		file := "content/" + name
		if s, ok := sections[name]; ok {
			file = s.key
		}
		refs = append(refs, hugoshortcodes.PageRef{File: file, RelPermalink: p.RelPermalink, Permalink: p.Permalink})
	}
	if b.home != nil {
		refs = append(refs, hugoshortcodes.PageRef{File: "content/_index.md", RelPermalink: b.home.RelPermalink, Permalink: b.home.Permalink})
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].File < refs[j].File })
	return hugoshortcodes.NewPageIndex(refs)
}

// menusFacts is everything of the site's menus that pages show, for a
// rebuild to tell whether they changed.
func menusFacts(ms map[string]Menu) string {
	var sb strings.Builder
	var walk func(Menu)
	walk = func(m Menu) {
		for _, e := range m {
			fmt.Fprintf(&sb, "%q %q %q %q %q %q %d %v(", e.Menu, e.Name, e.URL, e.Identifier, e.Pre, e.Post, e.Weight, e.Params)
			walk(e.Children)
			sb.WriteString(")")
		}
	}
	for _, name := range sortedKeys(ms) {
		sb.WriteString(name + ":")
		walk(ms[name])
	}
	return sb.String()
}

// navItems is a configured menu as one page shows it in the default
// theme's navigation.
func (p *Page) navItems(m Menu) []MenuItem {
	out := make([]MenuItem, len(m))
	for i, e := range m {
		out[i] = MenuItem{Name: e.Name, URL: e.URL, Pre: e.Pre, Post: e.Post, Title: e.Title, Children: p.navItems(e.Children)}
		switch {
		case p.IsMenuCurrent(e.Menu, e):
			out[i].Current = "page"
		case p.HasMenuCurrent(e.Menu, e), e.URL != "" && e.URL != "/" && !isFullURL(e.URL) && strings.HasPrefix(p.RelPermalink, e.URL):
			out[i].Current = "true"
		}
	}
	return out
}
