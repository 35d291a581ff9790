package builtins

import (
	"strings"

	"github.com/affsite/affsite/shortcodes"
)

// ProsConsData is the data of the pros-cons template.
type ProsConsData struct {
	Program    string // the program's name, empty for lists given inline
	Pros, Cons []string
}

// ProsCons is the pros-cons shortcode: the program's pros and cons, or two
// lists written inside the shortcode, the pros first.
//
//	{{< pros-cons program="kartra" >}}
//
//	{{% pros-cons %}}
//	- Generous commission
//	- Long cookie
//
//	- Manual approval
//	{{% /pros-cons %}}
//
// In the inner form a list is a run of lines starting with "- ", "* " or
// "+ " (an empty item is skipped); any other line, a blank one included,
// ends it. Its template's .Data
// is a ProsConsData.
func (st *PageState) ProsCons(inv *shortcodes.Invocation) error {
	if strings.TrimSpace(inv.InnerText()) != "" {
		lists := markdownLists(inv.InnerText())
		if len(lists) != 2 {
			return inv.Errorf("shortcode %q: its inner content needs two lists, pros then cons; found %d", inv.Name, len(lists))
		}
		inv.Data = &ProsConsData{Pros: lists[0], Cons: lists[1]}
		return nil
	}
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	if len(p.Pros) == 0 && len(p.Cons) == 0 {
		return inv.Errorf("shortcode %q: program %q has no pros or cons; add them to its data, or write two lists inside the shortcode", inv.Name, p.ID)
	}
	inv.Data = &ProsConsData{Program: p.Name, Pros: p.Pros, Cons: p.Cons}
	return nil
}

// markdownLists returns the items of the simple Markdown lists in s.
func markdownLists(s string) [][]string {
	var lists [][]string
	in := false
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		item, ok := "", false
		for _, m := range []string{"-", "*", "+"} {
			if rest, found := strings.CutPrefix(t, m); found && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
				item, ok = strings.TrimSpace(rest), true
				break
			}
		}
		if !ok {
			in = false
			continue
		}
		if !in {
			lists = append(lists, nil)
			in = true
		}
		if item != "" {
			lists[len(lists)-1] = append(lists[len(lists)-1], item)
		}
	}
	return lists
}
