package generator

import (
	"html/template"
	"strings"
	"text/template/parse"

	"github.com/affsite/affsite/shortcodes"
)

// defaultLayer is how the embedded default theme's layouts are named in
// a template set's sources.
const defaultLayer = "[default theme] "

// directCall is a default-theme template that is only a call between
// blank text: a partial {{ fn . }} whose function writes its markup from
// Go (header.html, card.html, pagination.html, seo.html), or a shortcode
// {{ .Data.HTML }} whose data writes it (afflink.html, link.html,
// disclosure.html, commission-table.html). The template set runs the call
// itself, without executing the template (its reflection, its escaper
// and its copy of the output): the text is the same, since a value of
// type template.HTML in HTML text passes html/template unchanged, and
// blank text is copied as written.
type directCall struct {
	tmpl          *template.Template // the template it stands for
	before, after string
	fn            func(any) (template.HTML, error) // {{ fn . }}; nil for {{ .Data.HTML }}
	fnName        string
}

// htmlWriter is what {{ .Data.HTML }} calls: the built-in shortcodes'
// data types.
type htmlWriter interface{ HTML() template.HTML }

// directCalls finds the templates of m (by logical name prefix+key) that
// come from the default theme and are a direct call; a partial's
// function is looked up in funcs.
func (ts *templateSet) directCalls(m map[string]*template.Template, prefix string, funcs template.FuncMap) map[string]directCall {
	out := map[string]directCall{}
	for name, t := range m {
		if !ts.fromDefault(prefix + name) {
			continue
		}
		if d, ok := directOf(t); ok && d.bind(funcs) {
			out[name] = d
		}
	}
	return out
}

// directOf tells whether t is blank text around one {{ fn . }} or
// {{ .Data.HTML }}, with no template defined in it.
func directOf(t *template.Template) (directCall, bool) {
	if t.Tree == nil || len(t.Templates()) != 1 {
		return directCall{}, false
	}
	d := directCall{tmpl: t}
	var call *parse.PipeNode
	for _, n := range t.Tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if strings.TrimSpace(string(n.Text)) != "" {
				return directCall{}, false
			}
			if call == nil {
				d.before += string(n.Text)
			} else {
				d.after += string(n.Text)
			}
		case *parse.ActionNode:
			if call != nil {
				return directCall{}, false
			}
			call = n.Pipe
		default:
			return directCall{}, false
		}
	}
	if call == nil || len(call.Decl) != 0 || len(call.Cmds) != 1 {
		return directCall{}, false
	}
	switch args := call.Cmds[0].Args; {
	case len(args) == 2 && args[0].Type() == parse.NodeIdentifier && args[1].Type() == parse.NodeDot:
		d.fnName = args[0].(*parse.IdentifierNode).Ident
		return d, true
	case len(args) == 1 && args[0].Type() == parse.NodeField && strings.Join(args[0].(*parse.FieldNode).Ident, ".") == "Data.HTML":
		return d, true
	}
	return directCall{}, false
}

// bind looks the function of a {{ fn . }} up in funcs: a direct call
// needs one that takes a value and returns HTML.
func (d *directCall) bind(funcs template.FuncMap) bool {
	if d.fnName == "" {
		return true
	}
	fn, ok := funcs[d.fnName].(func(any) (template.HTML, error))
	d.fn = fn
	return ok
}

// run makes the text of template t for data; ok is false when d does
// not stand for t, or the call fails (or data is not what it wants):
// the template must then run, for its own error message.
func (d directCall) run(t *template.Template, data any) (h template.HTML, ok bool) {
	if d.tmpl != t {
		return "", false
	}
	defer func() {
		if recover() != nil {
			h, ok = "", false
		}
	}()
	var v template.HTML
	if d.fn != nil {
		var err error
		if v, err = d.fn(data); err != nil {
			return "", false
		}
	} else {
		inv, isInv := data.(*shortcodes.Invocation)
		if !isInv {
			return "", false
		}
		w, isWriter := inv.Data.(htmlWriter)
		if !isWriter {
			return "", false
		}
		v = w.HTML()
	}
	if d.before == "" && d.after == "" {
		return v, true
	}
	return template.HTML(d.before + string(v) + d.after), true
}

// findDirect finds ts's direct calls, with funcs the functions they
// call. It reads the templates as parsed, before html/template's escaper
// has added its functions to them (their first execution).
func (ts *templateSet) findDirect(funcs template.FuncMap) {
	ts.directPartials = ts.directCalls(ts.partials, "partials/", funcs)
	ts.directShortcodes = ts.directCalls(ts.shortcodes, "", funcs)
}

// rebind is the direct calls of m calling the functions of funcs, for a
// set bound to another build (templateSet.forBuild).
func rebind(m map[string]directCall, funcs template.FuncMap) map[string]directCall {
	out := make(map[string]directCall, len(m))
	for name, d := range m {
		if d.bind(funcs) {
			out[name] = d
		}
	}
	return out
}
