package shortcodes

// This file is the rule of which open shortcode a closing tag closes.

// InnerUse is how a shortcode uses inner content, which decides what a
// closing tag closes (closes).
type InnerUse int

const (
	// InnerMaybe: not known, or optional (a built-in reads inner content
	// when it is given). Only a closing tag of its own name closes it,
	// and a closing tag of its name closes it only.
	InnerMaybe InnerUse = iota
	// InnerNever: its template does not use .Inner. As in Hugo it is
	// complete at its tag, and a closing tag goes past it to an
	// InnerAlways shortcode.
	InnerNever
	// InnerAlways: its template uses .Inner (or the built-in requires
	// inner content). As in Hugo, the next closing tag closes it,
	// whatever that tag's name.
	InnerAlways
)

// see records that a tag of name came (Hugo's lexer's open shortcodes,
// which a closing tag's name must be one of).
func (p *parser) see(name string) {
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	p.seen[name] = true
}

// use is how the shortcode name uses inner content.
func (p *parser) use(name string) InnerUse {
	if p.innerUse == nil {
		return InnerMaybe
	}
	return p.innerUse(name)
}

// closes finds the open shortcode, by its index in the stack, that the
// closing tag c closes.
//
// Hugo 0.111 closes the innermost open shortcode whose template uses
// .Inner, whatever its name, once its lexer has seen a tag of c's name
// earlier in the page ({{< code-toggle >}}…{{< /code >}} in hugoDocs); a
// shortcode whose template does not use .Inner is complete at its tag,
// never open. A closing tag of a template's name does the same here: the
// innermost open InnerAlways shortcode, past the others. A built-in's
// (InnerMaybe: affsite's own, which Hugo does not have) closes the
// nearest open shortcode of its name, as does any closing tag when no
// open shortcode takes inner content (a template without .Inner given
// some, as affsite always allowed).
func (p *parser) closes(c *Shortcode) (int, error) {
	if p.use(c.Name) != InnerMaybe && p.seen[c.Name] {
		for k := len(p.stack) - 1; k >= 0; k-- {
			if p.use(p.stack[k].sc.Name) == InnerAlways {
				return k, nil // its delimiters may differ, as in Hugo
			}
		}
	}
	for k := len(p.stack) - 1; k >= 0; k-- {
		if o := p.stack[k].sc; o.Name == c.Name && o.Markdown == c.Markdown {
			return k, nil
		}
	}
	for k := len(p.stack) - 1; k >= 0; k-- {
		if o := p.stack[k].sc; o.Name == c.Name {
			return 0, p.errorf(c.Start, "closing shortcode %q uses %s but it was opened with %s", c.Name, delims(c.Markdown), delims(o.Markdown))
		}
	}
	if len(p.stack) > 0 {
		return 0, p.errorf(c.Start, "closing shortcode %q does not match open %q", c.Name, p.stack[len(p.stack)-1].sc.Name)
	}
	return 0, p.errorf(c.Start, "unexpected closing shortcode %q", c.Name)
}
