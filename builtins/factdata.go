package builtins

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/affsite/affsite/internal/spans"
	"github.com/affsite/affsite/programs"
)

// FactText returns one fact of program p, as the fact shortcode prints
// it: {{< fact kartra "plans.silver.commission.annual" >}} is
// st.FactText(kartra, "plans.silver.commission.annual"). Short names
// are accepted. The program is shown in the currency the page would
// show it in.
func (st *PageState) FactText(p *programs.Program, path string) (string, error) {
	q, err := p.InCurrency(st.currency(p))
	if err != nil {
		return "", err
	}
	return st.factText(factCtx{"fact", fmt.Errorf}, q, strings.TrimSpace(path))
}

// Facts returns every fact p's data has, by full path (plans and
// scenarios by id): what check compares prose with, and what templates
// read through the program function. A fact the data does not have is
// left out. With st.FactCache set the map is shared: it must not be
// changed.
func (st *PageState) Facts(p *programs.Program) map[string]string {
	if st.FactCache == nil || p.ID == "" {
		return st.facts(p)
	}
	return st.FactCache.get(factKey{st.Programs, p.ID, st.currency(p)}, func() map[string]string { return st.facts(p) })
}

// facts works out Facts.
func (st *PageState) facts(p *programs.Program) map[string]string {
	out := map[string]string{}
	add := func(path string) {
		if v, err := st.FactText(p, path); err == nil {
			out[path] = v
		}
	}
	for _, f := range programFacts() {
		add(f)
	}
	for _, pl := range p.Plans {
		for _, f := range planFacts() {
			add("plans." + pl.ID + "." + f)
		}
	}
	for _, s := range p.Scenarios {
		for _, f := range scenarioFacts() {
			add("scenarios." + s.ID + "." + f)
		}
	}
	return out
}

// FactPaths returns the keys of facts, sorted.
func FactPaths(facts map[string]string) []string {
	return slices.Sorted(maps.Keys(facts))
}

// ExpandFacts replaces each {{< fact … >}} in s, a text of p's data file
// (a pro, a con, its description), with the figure the shortcode would
// print: the same syntax and paths as in content, the program defaulting
// to p. Other text is kept as it is.
func (st *PageState) ExpandFacts(p *programs.Program, s string) (string, error) {
	if !strings.Contains(s, "{{<") {
		return s, nil
	}
	return spans.Replace(s, "{{<", ">}}", func(inner string) (string, error) {
		v, err := st.dataFact(p, inner)
		if err != nil {
			return "", fmt.Errorf("{{<%s>}}: %w", inner, err)
		}
		return v, nil
	}, func(rest string) error { return fmt.Errorf("%q: a {{< without its >}}", rest) })
}

// dataFact resolves the inside of one {{< fact … >}} of a data text.
func (st *PageState) dataFact(p *programs.Program, inner string) (string, error) {
	words, err := splitArgs(inner)
	if err != nil {
		return "", err
	}
	if len(words) == 0 || words[0] != "fact" {
		return "", fmt.Errorf("only the fact shortcode can be used in a program's data")
	}
	id, path := p.ID, ""
	switch args := words[1:]; {
	case len(args) > 0 && strings.Contains(args[0], "="):
		for _, a := range args {
			k, v, _ := strings.Cut(a, "=")
			switch k {
			case "program":
				id = v
			case "name":
				path = v
			default:
				return "", fmt.Errorf("unknown argument %q (want program= and name=)", k)
			}
		}
	case len(args) == 1:
		path = args[0]
	case len(args) == 2:
		id, path = args[0], args[1]
	default:
		return "", fmt.Errorf(`want a fact, such as {{< fact "commission" >}}`)
	}
	q, ok := st.Programs.Get(id)
	if !ok {
		if id != p.ID {
			return "", fmt.Errorf("unknown program %q (programs: %s)", id, idList(st.Programs.IDs()))
		}
		q = p
	}
	return st.FactText(q, path)
}

// splitArgs splits a shortcode's arguments at spaces, with "…" quoting
// (in a name="value" pair too).
func splitArgs(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	in, has := false, false
	for _, r := range s {
		switch {
		case r == '"':
			in, has = !in, true
		case unicode.IsSpace(r) && !in:
			if has {
				out = append(out, cur.String())
			}
			cur.Reset()
			has = false
		default:
			cur.WriteRune(r)
			has = true
		}
	}
	if in {
		return nil, fmt.Errorf("an unclosed quote")
	}
	if has {
		out = append(out, cur.String())
	}
	return out, nil
}

// withFacts returns p with the facts in its pros, cons and description
// expanded, so that pros-cons, verdict's JSON-LD notes and templates all
// show the same text. An error names the data file and the line of the
// text.
func (st *PageState) withFacts(p *programs.Program) (*programs.Program, error) {
	need := strings.Contains(p.Description, "{{<")
	for _, s := range append(append([]string(nil), p.Pros...), p.Cons...) {
		need = need || strings.Contains(s, "{{<")
	}
	if !need {
		return p, nil
	}
	q := *p
	expand := func(field string, in []string) ([]string, error) {
		out := make([]string, len(in))
		for i, s := range in {
			v, err := st.ExpandFacts(p, s)
			if err != nil {
				return nil, fmt.Errorf("%s: %s[%d]: %w", p.File, field, i, err)
			}
			out[i] = v
		}
		return out, nil
	}
	var err error
	if q.Pros, err = expand("pros", p.Pros); err != nil {
		return nil, err
	}
	if q.Cons, err = expand("cons", p.Cons); err != nil {
		return nil, err
	}
	d, err := expand("description", []string{p.Description})
	if err != nil {
		return nil, err
	}
	q.Description = d[0]
	return &q, nil
}
