package wpimport

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/slugs"
)

// WordPress menus become the site's menu configuration: [[menus.NAME]]
// entries of site.toml, as the generator reads them (name, url, weight,
// identifier, parent). The export does not say which menu a theme shows
// where, so the main menu is the one named main, primary or header, else
// the one with the most items; the others keep their slug as their name.

// menuItem is one nav_menu_item of the export.
type menuItem struct {
	id, order, parent, objectID int
	menu, title, typ, object    string
	url                         string
	line                        int
}

// readMenuItem reads what an item's post meta says of its entry.
func readMenuItem(it *Item) *menuItem {
	m := &menuItem{id: it.ID, order: it.Order, title: strings.TrimSpace(it.Title), line: it.line,
		typ: it.MetaValue("_menu_item_type"), object: it.MetaValue("_menu_item_object"), url: strings.TrimSpace(it.MetaValue("_menu_item_url"))}
	m.objectID, _ = strconv.Atoi(strings.TrimSpace(it.MetaValue("_menu_item_object_id")))
	m.parent, _ = strconv.Atoi(strings.TrimSpace(it.MetaValue("_menu_item_menu_item_parent")))
	for _, t := range it.Terms {
		if t.Domain == "nav_menu" {
			m.menu = t.Nicename
		}
	}
	if m.menu == "" {
		m.menu = "main"
	}
	return m
}

// menuEntry is one [[menus.NAME]] entry.
type menuEntry struct {
	menu, name, url, identifier, parent string
	weight                              int
}

// menuNames maps each WordPress menu slug to its affsite menu name.
func menuNames(items []*menuItem) map[string]string {
	count := map[string]int{}
	var menuSlugs []string
	for _, m := range items {
		if count[m.menu] == 0 {
			menuSlugs = append(menuSlugs, m.menu)
		}
		count[m.menu]++
	}
	main := mainMenu(menuSlugs, count)
	names := map[string]string{}
	for _, s := range menuSlugs {
		if s == main {
			names[s] = "main"
		} else if n := slugs.URLize(s); n != "" && n != "main" {
			names[s] = n
		} else {
			names[s] = "menu-" + strconv.Itoa(len(names)+1)
		}
	}
	return names
}

// mainMenu is the menu that becomes the site's main one: the first whose
// slug says main, primary or header (in that order of preference), else
// the one with the most items (count), the first of those.
func mainMenu(menuSlugs []string, count map[string]int) string {
	for _, want := range []string{"main", "primary", "header"} {
		for _, s := range menuSlugs {
			if strings.Contains(s, want) {
				return s
			}
		}
	}
	main := ""
	for _, s := range menuSlugs {
		if main == "" || count[s] > count[main] {
			main = s
		}
	}
	return main
}

// menuEntries turns the menu items into entries: a post or page links to
// its path on the new site, a category or tag to its list page, a custom
// link to its URL (a site path when it pointed at the old site). An item
// that links to nothing the import has is left out and reported.
func menuEntries(items []*menuItem, ix *index, ch *Channel, titles map[int]string, rep *Report) []menuEntry {
	names := menuNames(items)
	known := map[int]bool{}
	for _, m := range items {
		known[m.id] = true
	}
	c := &converter{idx: ix, rep: rep, file: "site.toml"}
	var out []menuEntry
	for _, m := range items {
		e := menuEntry{menu: names[m.menu], name: m.title, identifier: "wp-" + strconv.Itoa(m.id), weight: m.order}
		if m.parent != 0 && known[m.parent] {
			e.parent = "wp-" + strconv.Itoa(m.parent)
		}
		url, name, leftOut := menuTarget(m, ix, ch, titles, c)
		if leftOut != "" {
			rep.note("site.toml", leftOut)
			continue
		}
		e.url = url
		if e.name == "" {
			e.name = name
		}
		if e.name == "" {
			e.name = e.url
		}
		out = append(out, e)
	}
	for _, n := range c.notes {
		rep.note("site.toml", n)
	}
	sortMenuEntries(out)
	rep.MenuEntries = len(out)
	return out
}

// menuTarget returns where menu item m links and the name it takes from
// what it links to, or why it is left out.
func menuTarget(m *menuItem, ix *index, ch *Channel, titles map[int]string, c *converter) (url, name, leftOut string) {
	switch m.typ {
	case "post_type":
		p, ok := ix.paths[m.objectID]
		if !ok {
			return "", "", fmt.Sprintf("menu item %d links to %s %d, which was not imported: left out", m.id, m.object, m.objectID)
		}
		return p, titles[m.objectID], ""
	case "taxonomy":
		t, ok := ch.Terms[m.objectID]
		tax := map[string]string{"category": "categories", "post_tag": "tags"}[m.object]
		if !ok || tax == "" || slugs.URLize(t.Name) == "" {
			return "", "", fmt.Sprintf("menu item %d links to %s %d, which affsite has no list page for: left out", m.id, m.object, m.objectID)
		}
		return "/" + tax + "/" + slugs.URLize(t.Name) + "/", t.Name, ""
	case "custom", "":
		if m.url == "" {
			return "", "", fmt.Sprintf("menu item %d has no URL: left out", m.id)
		}
		return ix.rewriteHref(m.url, c), "", ""
	}
	return "", "", fmt.Sprintf("menu item %d is a %s link, which is not imported: left out", m.id, m.typ)
}

// sortMenuEntries puts the main menu first, then the others by name,
// each by weight.
func sortMenuEntries(out []menuEntry) {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].menu != out[j].menu {
			return out[i].menu == "main" || out[j].menu != "main" && out[i].menu < out[j].menu
		}
		return out[i].weight < out[j].weight
	})
}

// menuTOML writes the entries as site.toml's [[menus.NAME]] tables.
func menuTOML(entries []menuEntry) string {
	if len(entries) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString("\n# Menus imported from WordPress (Appearance → Menus).\n")
	for _, e := range entries {
		fmt.Fprintf(&sb, "\n[[menus.%s]]\nname = %s\nurl = %s\nweight = %d\nidentifier = %s\n",
			e.menu, strconv.Quote(e.name), strconv.Quote(e.url), e.weight, strconv.Quote(e.identifier))
		if e.parent != "" {
			fmt.Fprintf(&sb, "parent = %s\n", strconv.Quote(e.parent))
		}
	}
	return sb.String()
}
