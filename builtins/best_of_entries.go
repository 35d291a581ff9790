package builtins

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/shortcodes"
)

// innerEntries reads the lines inside a best-of: "id: best for", or "id"
// alone, each after an optional list marker ("- ", "* ", "+ ", "1. ");
// blank lines are skipped. An error names the line at fault.
func innerEntries(inv *shortcodes.Invocation) ([]bestOfEntry, error) {
	text := inv.InnerText()
	var out []bestOfEntry
	for off := 0; off < len(text); {
		line, _, _ := strings.Cut(text[off:], "\n")
		start := off
		off += len(line) + 1
		body := strings.TrimSpace(line)
		if body == "" {
			continue
		}
		at := start + strings.Index(line, body)
		rest := cutListMarker(body)
		at += len(body) - len(rest)
		errorf := func(format string, args ...any) error { return inv.InnerErrorf(at, format, args...) }
		id, bestFor, _ := strings.Cut(rest, ":")
		id = strings.TrimSpace(id)
		if id == "" || strings.ContainsAny(id, " \t") {
			return nil, errorf("shortcode %q: want lines \"program: best for\" inside, such as \"kartra: Course creators\"; found %q", inv.Name, body)
		}
		out = append(out, bestOfEntry{id: id, bestFor: strings.TrimSpace(bestFor), errorf: errorf, name: inv.Name, from: "inside"})
	}
	return out, nil
}

// cutListMarker returns s without a leading Markdown list marker.
func cutListMarker(s string) string {
	for _, m := range []string{"- ", "* ", "+ "} {
		if rest, ok := strings.CutPrefix(s, m); ok {
			return strings.TrimSpace(rest)
		}
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && len(s) > digits+1 && (s[digits] == '.' || s[digits] == ')') && (s[digits+1] == ' ' || s[digits+1] == '\t') {
		return strings.TrimSpace(s[digits+1:])
	}
	return s
}

// paramSource is the page a shortcode is on, as the generator gives it:
// .Param reads its front matter, then the site's params.
type paramSource interface {
	Param(key string) (any, error)
}

// bestOfKeys are the keys of an entry of front matter best_of.
func bestOfKeys() []string { return []string{"program", "best_for"} }

// frontMatterEntries reads the page's best_of list ([{program: kartra,
// best_for: "…"}, …]) and best_for table ({kartra: "…"}, keys in lower
// case). Their errors name the item, at its line in the front matter
// (at the shortcode when the page's own front matter does not set it).
func (st *PageState) frontMatterEntries(inv *shortcodes.Invocation) ([]bestOfEntry, map[string]string, error) {
	page, ok := inv.Page.(paramSource)
	if !ok {
		return nil, nil, nil
	}
	list, _ := page.Param("best_of")
	rawTable, _ := page.Param("best_for")
	var items []map[string]any
	switch l := list.(type) {
	case nil:
	case []map[string]any:
		items = l
	case []any:
		for i, v := range l {
			m, ok := v.(map[string]any)
			if !ok {
				return nil, nil, st.frontMatterErrorf(inv, "best_of", i+1)("shortcode %q: front matter best_of: item %d is not a table such as {program: kartra, best_for: \"…\"}", inv.Name, i+1)
			}
			items = append(items, m)
		}
	default:
		return nil, nil, st.frontMatterErrorf(inv, "best_of", 0)("shortcode %q: front matter best_of is not a list such as [{program: kartra, best_for: \"…\"}]", inv.Name)
	}
	var out []bestOfEntry
	for i, m := range items {
		e, err := frontMatterEntry(inv, st.frontMatterErrorf(inv, "best_of", i+1), i+1, m)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, e)
	}
	table := map[string]string{}
	if rawTable != nil {
		m, ok := rawTable.(map[string]any)
		if !ok {
			return nil, nil, st.frontMatterErrorf(inv, "best_for", 0)("shortcode %q: front matter best_for is not a table of program ids, such as {kartra: \"Course creators\"}", inv.Name)
		}
		for k, v := range m {
			table[strings.ToLower(k)] = fmt.Sprint(v)
		}
	}
	return out, table, nil
}

// frontMatterEntry reads item n of best_of; errorf makes errors at it.
func frontMatterEntry(inv *shortcodes.Invocation, errorf func(string, ...any) error, n int, m map[string]any) (bestOfEntry, error) {
	where := fmt.Sprintf("front matter best_of (item %d)", n)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if slices.Contains(bestOfKeys(), k) {
			continue
		}
		if s, ok := suggest.Closest(k, bestOfKeys()); ok {
			return bestOfEntry{}, errorf("shortcode %q: %s: unknown key %q (did you mean %q?)", inv.Name, where, k, s)
		}
		return bestOfEntry{}, errorf("shortcode %q: %s: unknown key %q (keys: program, best_for)", inv.Name, where, k)
	}
	id, _ := m["program"].(string)
	if strings.TrimSpace(id) == "" {
		return bestOfEntry{}, errorf("shortcode %q: %s has no program, such as {program: kartra, best_for: \"…\"}", inv.Name, where)
	}
	bestFor, ok := m["best_for"].(string)
	if !ok && m["best_for"] != nil {
		return bestOfEntry{}, errorf("shortcode %q: %s: best_for is not text", inv.Name, where)
	}
	return bestOfEntry{id: strings.TrimSpace(id), bestFor: strings.TrimSpace(bestFor), errorf: errorf, name: inv.Name, from: "in " + where}, nil
}
