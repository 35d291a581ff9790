package generator

import (
	"html/template"
	"strings"
	"text/template/parse"

	"github.com/affsite/affsite/internal/share"
	"github.com/affsite/affsite/internal/tmplwalk"
)

// Params are case-insensitive as in Hugo: .Params.MyKey, .Params.mykey,
// .Site.Params.myKey and .Param "MyKey" all find a key written mykey or
// MyKey. Go's templates look map keys up as written, so affsite does what
// Hugo does (tpl/tplimpl's ".Params tolower" transformer): the keys of
// page, site and menu params are lower-cased when the site is loaded,
// and every field chain through a Params field in the parsed templates
// is lower-cased after it, once, when the templates are compiled.
//
// A Params type with a lookup method was the other design; it is not
// enough, because a template's .Params.MyKey on a map never calls a
// method, so the templates would still have to be rewritten, and
// range/index over the map would see the author's case where Hugo
// themes expect lower case.

// lowerKeys returns a copy of m with every key lower-cased, in nested
// maps too (in lists of maps as well), as Hugo stores params. When two
// keys differ only by case, the one that sorts last (the lower-case
// spelling, if any) wins, so the result
// never depends on map order. The keys and the strings of lists are
// set's copies (a nil set shares none).
func lowerKeys(m map[string]any, set *share.Set) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	from := make(map[string]string, len(m)) // lower-cased key → key as written
	for k, v := range m {
		lk := set.String(strings.ToLower(k))
		if prev, dup := from[lk]; dup && prev > k {
			continue
		}
		from[lk] = k
		out[lk] = lowerValue(v, set)
	}
	return out
}

func lowerValue(v any, set *share.Set) any {
	switch x := v.(type) {
	case map[string]any:
		return lowerKeys(x, set)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = set.Value(lowerValue(e, set))
		}
		return out
	case []map[string]any:
		out := make([]map[string]any, len(x))
		for i, e := range x {
			out[i] = lowerKeys(e, set)
		}
		return out
	}
	return v
}

// Param is Hugo's .Param: the page's front-matter value of a key (dotted
// for nested tables, "social.twitter"), else the site's params', in any
// case; nil when neither has it.
func (p *Page) Param(key string) (any, error) {
	if v, ok := lookupParam(p.Params, key); ok || p.Site == nil {
		return v, nil
	}
	v, _ := lookupParam(p.Site.Params, key)
	return v, nil
}

// lowerParamChains rewrites, in every template of t, the identifiers
// after a Params field to lower case (.Params.MyKey → .Params.mykey,
// $.Site.Params.Social.Twitter → $.Site.Params.social.twitter), so that
// they find the lower-cased keys. It must run before t first executes
// (html/template escapes the trees then).
func lowerParamChains(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			lowerParamsIn(tt.Tree.Root)
		}
	}
}

func lowerParamsIn(n parse.Node) {
	tmplwalk.Walk(n, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.FieldNode:
			lowerAfterParams(n.Ident, false)
		case *parse.VariableNode:
			lowerAfterParams(n.Ident, false)
		case *parse.ChainNode:
			// (.Site).Params.X: the chain's own fields follow its node.
			f, ok := n.Node.(*parse.FieldNode)
			lowerAfterParams(n.Field, ok && len(f.Ident) > 0 && f.Ident[len(f.Ident)-1] == "Params")
		}
	})
}

// lowerAfterParams lower-cases the identifiers that follow a "Params"
// identifier (after is true when the chain already ends in one).
func lowerAfterParams(idents []string, after bool) {
	for i, id := range idents {
		if after {
			idents[i] = strings.ToLower(id)
			continue
		}
		after = id == "Params"
	}
}
