package builtins

import (
	"encoding/json"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/shortcodes"
)

// BestOfData is the data of the best-of template: ranked cards, best
// first.
type BestOfData struct {
	Title string // title=, a heading above the list; empty for none
	Items []BestOfItem
}

// BestOfItem is one program of a best-of list.
type BestOfItem struct {
	Pick
	Rank int
	// Anchor is the card's id ("best-of-kartra"), the target of its
	// ListItem's url in the list's JSON-LD.
	Anchor  string
	BestFor string   // whom the author says it suits; empty for none
	Pros    []string // its first pros (pros=, default 3) from its data
}

// defaultBestOfPros is how many of a program's pros a card shows.
const defaultBestOfPros = 3

// BestOf is the best-of shortcode: a ranked list of programs, a card each
// with its rank, picture, rating, the author's one line on whom it suits,
// its top pros, its lowest price and a tracked button (placement
// "best-of"), and a schema.org ItemList in PageState.JSONLD.
//
//	{{< best-of >}}
//	- kartra: Course creators who want one account for everything
//	- funnelforge: Simple funnels on a small budget
//	{{< /best-of >}}
//
// The order is programs= ("kartra,funnelforge") when given, else that of
// the lines inside ("id: best for", a list marker optional), else that of
// the page's front matter best_of ([{program: kartra, best_for: "…"}]).
// A program's "best for" is its line inside, else its best_of entry, else
// its key in the front-matter table best_for. An unknown program is an
// error at its line with a did-you-mean. Its template's .Data is a
// BestOfData.
func (st *PageState) BestOf(inv *shortcodes.Invocation) error {
	entries, err := st.bestOfEntries(inv)
	if err != nil {
		return err
	}
	nPros := defaultBestOfPros
	if raw, ok := inv.Arg("pros"); ok {
		if nPros, err = strconv.Atoi(strings.TrimSpace(raw)); err != nil || nPros < 0 {
			return inv.Errorf("shortcode %q: pros=%q is not a count (how many pros each card shows; 0 for none)", inv.Name, raw)
		}
	}
	d := &BestOfData{}
	d.Title, _ = inv.Arg("title")
	placement := placementArg(inv, "best-of")
	seen := map[string]bool{}
	for i, e := range entries {
		if _, ok := st.Programs.Get(e.id); !ok {
			return e.unknown(st.Programs.IDs())
		}
		p, err := st.programID(inv, e.id, "")
		if err != nil {
			return err
		}
		if seen[p.ID] {
			return e.errorf("shortcode %q: program %q is listed twice", inv.Name, e.id)
		}
		seen[p.ID] = true
		k, err := st.pickOf(inv, p, placement)
		if err != nil {
			return err
		}
		bestFor, err := st.ExpandFacts(p, e.bestFor)
		if err != nil {
			return e.errorf("shortcode %q: best for %s: %v", inv.Name, p.ID, err)
		}
		item := BestOfItem{Pick: k, Rank: i + 1, Anchor: "best-of-" + p.ID, BestFor: bestFor}
		item.Pros = p.Pros[:min(nPros, len(p.Pros))]
		d.Items = append(d.Items, item)
	}
	doc, err := st.bestOfJSONLD(d)
	if err != nil {
		return inv.Errorf("shortcode %q: JSON-LD: %w", inv.Name, err)
	}
	st.JSONLD = append(st.JSONLD, doc)
	inv.Data = d
	return nil
}

// bestOfLD is the schema.org ItemList of a best-of list.
type bestOfLD struct {
	Context         string       `json:"@context"`
	Type            string       `json:"@type"`
	Name            string       `json:"name,omitempty"`
	NumberOfItems   int          `json:"numberOfItems"`
	ItemListElement []listItemLD `json:"itemListElement"`
}

// bestOfJSONLD returns d as a schema.org ItemList, each ListItem's url
// its card on the page (Google's "all-in-one-page list"); safe inside a
// <script> element, since json.Marshal escapes <, > and &.
func (st *PageState) bestOfJSONLD(d *BestOfData) (template.JS, error) {
	doc := bestOfLD{Context: "https://schema.org", Type: "ItemList", Name: d.Title, NumberOfItems: len(d.Items)}
	if doc.Name == "" {
		doc.Name = st.Title
	}
	for _, it := range d.Items {
		doc.ItemListElement = append(doc.ItemListElement, listItemLD{
			Type: "ListItem", Position: it.Rank, Name: it.Program, URL: st.Permalink + "#" + it.Anchor,
		})
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

// bestOfEntry is one program of a best-of list as the page names it, with
// the constructor of errors at where it is named.
type bestOfEntry struct {
	id, bestFor string
	errorf      func(format string, args ...any) error
	name        string // the shortcode's name, for messages
	from        string // "in programs=", "in front matter best_of (item 2)"
}

// unknown is the error for an entry whose program the site does not have.
func (e bestOfEntry) unknown(ids []string) error {
	if s, ok := suggest.Closest(e.id, ids); ok {
		return e.errorf("shortcode %q: unknown program %q %s (did you mean %q?)", e.name, e.id, e.from, s)
	}
	return e.errorf("shortcode %q: unknown program %q %s (programs: %s)", e.name, e.id, e.from, idList(ids))
}

// bestOfEntries returns the programs of a best-of list in order, each with
// its "best for" line, from programs=, the lines inside and the front
// matter (see BestOf).
func (st *PageState) bestOfEntries(inv *shortcodes.Invocation) ([]bestOfEntry, error) {
	inner, err := innerEntries(inv)
	if err != nil {
		return nil, err
	}
	front, table, err := st.frontMatterEntries(inv)
	if err != nil {
		return nil, err
	}
	raw, given := inv.Arg("programs")
	var order []bestOfEntry
	switch {
	case given:
		for _, id := range splitList(raw) {
			order = append(order, bestOfEntry{id: id, errorf: inv.Errorf, name: inv.Name, from: "in programs="})
		}
		if len(order) == 0 {
			return nil, inv.Errorf("shortcode %q: programs= names no program", inv.Name)
		}
		if err := onlyListed(inv, order, inner); err != nil {
			return nil, err
		}
	case len(inner) > 0:
		order = inner
	case len(front) > 0:
		order = front
	default:
		return nil, inv.Errorf("shortcode %q: no programs: give programs=%q, lines \"id: best for\" inside, or best_of in the front matter (programs: %s)",
			inv.Name, strings.Join(firstN(st.Programs.IDs(), 2), ","), idList(st.Programs.IDs()))
	}
	for i := range order {
		e := &order[i]
		for _, src := range [][]bestOfEntry{inner, front} {
			for _, f := range src {
				if e.bestFor == "" && strings.EqualFold(f.id, e.id) {
					e.bestFor = f.bestFor
				}
			}
		}
		if e.bestFor == "" {
			e.bestFor = table[strings.ToLower(e.id)]
		}
	}
	return order, nil
}

// onlyListed wants each program named inside a best-of with programs= to
// be one of them: a line for another is a typo or a forgotten program.
func onlyListed(inv *shortcodes.Invocation, order, inner []bestOfEntry) error {
	var ids []string
	for _, e := range order {
		ids = append(ids, strings.ToLower(e.id))
	}
	for _, e := range inner {
		if slices.Contains(ids, strings.ToLower(e.id)) {
			continue
		}
		if s, ok := suggest.Closest(strings.ToLower(e.id), ids); ok {
			return e.errorf("shortcode %q: program %q is not in programs= (did you mean %q?)", inv.Name, e.id, s)
		}
		return e.errorf("shortcode %q: program %q is not in programs= (%s)", inv.Name, e.id, strings.Join(ids, ", "))
	}
	return nil
}
