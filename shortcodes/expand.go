package shortcodes

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/affsite/affsite/internal/suggest"
	"io"
	"sort"
	"strings"
)

// Env is everything one page's expansion needs. The generator fills it per
// page; Expand does not modify it.
type Env struct {
	File       string // "content/posts/x.md", for messages
	LineOffset int    // lines before the body in the file (front matter), added to every reported line
	Registry   *Registry
	Templates  TemplateSet
	// Markdown renders Markdown to HTML, for the inner content of {{% %}}
	// shortcodes. When nil, that inner content is passed through unrendered.
	Markdown   func(src []byte) (string, error)
	Page, Site any // exposed to templates as .Page and .Site
	// Inline compiles the template of an inline shortcode, the inner text
	// of {{< name.inline >}}…{{< /name.inline >}}. When nil (the site has
	// not set enableInlineShortcodes) such a use is an error naming the
	// feature.
	Inline func(name, text string) (InlineTemplate, error)
	// HTML says the source is HTML (an .html content file), not
	// Markdown: a shortcode on a line of its own is not set apart as a
	// paragraph, its output standing where the tag stood, as in Hugo.
	HTML bool
}

// TemplateSet is the set of shortcode templates, named like
// "shortcodes/afflink.html". If it also has a method Names() []string
// listing the template names, unknown shortcodes get a "did you mean".
type TemplateSet interface {
	Has(name string) bool
	// UsesInner reports whether the template mentions .Inner; a standalone
	// use of such a shortcode is an "unclosed shortcode" error.
	UsesInner(name string) bool
	Execute(w io.Writer, name string, data any) error
}

// InnerUse is how the shortcode name uses inner content on the page, for
// ParseWith: InnerAlways when its template uses .Inner or it is a
// built-in that requires inner content; InnerNever for another template;
// InnerMaybe for another built-in (its Go code may read inner content),
// an inline shortcode, and a name without a template (Expand reports it).
func (env *Env) InnerUse(name string) InnerUse {
	b, builtin := env.Registry.get(name)
	tmpl := TemplateName(name)
	switch {
	case b.requiresInner:
		return InnerAlways
	case strings.HasSuffix(name, inlineSuffix) || env.Templates == nil || !env.Templates.Has(tmpl):
		return InnerMaybe
	case env.Templates.UsesInner(tmpl):
		return InnerAlways
	case builtin:
		return InnerMaybe
	}
	return InnerNever
}

// TemplateName is the template a shortcode name executes, "shortcodes/NAME.html".
func TemplateName(name string) string { return "shortcodes/" + name + ".html" }

// Expand expands doc, parsed from src, into Markdown with placeholders and
// the HTML each stands for. Top-level shortcodes (and nested ones inside a
// {{% %}}) execute once each, children before their parent, so a parent's
// .Inner includes its children. Errors are *PosError
// values reading "file:line:col: msg".
func Expand(src []byte, doc *Document, env *Env) (*Result, error) {
	if env == nil {
		env = &Env{}
	}
	e := &expander{src: src, env: env, res: &Result{prefix: choosePrefix(src)}}
	var md bytes.Buffer
	md.Grow(len(src))
	top, err := e.markdown(&md, doc.Nodes, nil)
	if err != nil {
		return nil, err
	}
	e.res.Markdown = md.Bytes()
	e.res.top = top
	return e.res, nil
}

type expander struct {
	src    []byte
	env    *Env
	res    *Result
	inline map[string]InlineTemplate // the page's inline shortcodes, by name
}

// markdown writes nodes to buf as Markdown, each shortcode as a
// placeholder, and returns the shortcodes' invocations.
func (e *expander) markdown(buf *bytes.Buffer, nodes []Node, parent *Invocation) ([]*Invocation, error) {
	var invs []*Invocation
	for _, n := range nodes {
		switch n := n.(type) {
		case *Text:
			buf.Write(n.bytes(e.src))
		case *Shortcode:
			inv, html, err := e.expand(n, parent, len(invs))
			if err != nil {
				return nil, err
			}
			invs = append(invs, inv)
			if e.markdownSource(n) {
				// As in Hugo: the output is part of the Markdown.
				buf.WriteString(html)
				continue
			}
			token := e.res.add(inv, html)
			if !e.env.HTML && e.standsAlone(n) {
				writeBlock(buf, token)
			} else {
				buf.WriteString(token)
			}
		}
	}
	return invs, nil
}

// markdownSource tells whether sc's output is Markdown source, as the
// output of a {{% %}} shortcode is in Hugo: a template shortcode's. A
// built-in's output (HTML, made from its inner Markdown rendered) stands
// as it is, behind a placeholder.
func (e *expander) markdownSource(sc *Shortcode) bool {
	if !sc.Markdown || strings.HasSuffix(sc.Name, inlineSuffix) {
		return false
	}
	_, builtin := e.env.Registry.get(sc.Name)
	return !builtin
}

// standsAlone reports whether only white space shares sc's lines.
func (e *expander) standsAlone(sc *Shortcode) bool {
	before := e.src[:sc.Start]
	before = before[bytes.LastIndexByte(before, '\n')+1:]
	after := e.src[sc.End:]
	if i := bytes.IndexByte(after, '\n'); i >= 0 {
		after = after[:i]
	}
	return len(bytes.TrimSpace(before)) == 0 && len(bytes.TrimSpace(after)) == 0
}

// writeBlock writes token as a paragraph of its own: a blank line before it
// (kept after the line's indentation, so it stays inside a list item) and a
// newline after it, which the following source line break makes blank.
func writeBlock(buf *bytes.Buffer, token string) {
	b := buf.Bytes()
	ls := bytes.LastIndexByte(b, '\n') + 1
	if ls > 0 && !bytes.HasSuffix(b[:ls], []byte("\n\n")) {
		indent := string(b[ls:])
		buf.Truncate(ls)
		buf.WriteByte('\n')
		buf.WriteString(indent)
	}
	buf.WriteString(token)
	buf.WriteByte('\n')
}

// expand executes one shortcode and returns its invocation and HTML.
func (e *expander) expand(sc *Shortcode, parent *Invocation, ordinal int) (*Invocation, string, error) {
	inv := &Invocation{
		Name: sc.Name, Params: params(sc), Markdown: sc.Markdown,
		Page: e.env.Page, Site: e.env.Site,
		Ordinal: ordinal, Parent: parent,
		Line: sc.Line + e.env.LineOffset, Col: sc.Col,
		Env: e.env, src: e.src, innerStart: sc.InnerStart, innerEnd: sc.InnerEnd,
	}
	if strings.HasSuffix(sc.Name, inlineSuffix) {
		return e.expandInline(sc, inv)
	}
	b, isBuiltin := e.env.Registry.get(sc.Name)
	tmpl := TemplateName(sc.Name)
	ts := e.env.Templates
	has := ts != nil && ts.Has(tmpl)
	switch {
	case isBuiltin && !has:
		return nil, "", e.errorf(inv, nil, "built-in shortcode %q has no template %s", sc.Name, tmpl)
	case !has:
		return nil, "", e.errorf(inv, nil, "unknown shortcode %q%s", sc.Name, e.suggest(sc.Name))
	}
	if b.args != nil {
		if err := b.args.check(inv, sc, e.src); err != nil {
			return nil, "", err
		}
	}
	if !sc.Paired && e.env.InnerUse(sc.Name) == InnerAlways {
		return nil, "", e.errorf(inv, nil, "unclosed shortcode %q: it needs inner content; close it with %s or self-close it with %s",
			sc.Name, closeTag(sc), selfCloseTag(sc))
	}
	if sc.Paired {
		if err := e.inner(sc, inv); err != nil {
			return nil, "", err
		}
	}
	if b.fn != nil {
		if err := b.fn(inv); err != nil {
			var pe *PosError
			if errors.As(err, &pe) {
				return nil, "", err
			}
			return nil, "", e.errorf(inv, err, "shortcode %q: %v", sc.Name, err)
		}
	}
	var out strings.Builder
	if err := ts.Execute(&out, tmpl, inv); err != nil {
		return nil, "", e.errorf(inv, err, "shortcode %q: %v", sc.Name, err)
	}
	return inv, out.String(), nil
}

// inner sets inv.Inner, expanding nested shortcodes.
func (e *expander) inner(sc *Shortcode, inv *Invocation) error {
	if e.markdownSource(sc) {
		// .Inner is the inner Markdown, nested shortcodes expanded; the
		// whole page's rendering renders it where the output puts it.
		var md bytes.Buffer
		if _, err := e.markdown(&md, sc.Inner, inv); err != nil {
			return err
		}
		inv.Inner = htmlString(md.String())
		return nil
	}
	if sc.Markdown {
		var md bytes.Buffer
		first := e.res.count()
		if _, err := e.markdown(&md, sc.Inner, inv); err != nil {
			return err
		}
		html := md.String()
		var err error
		if e.env.Markdown != nil {
			if html, err = e.env.Markdown(md.Bytes()); err != nil {
				return e.errorf(inv, err, "shortcode %q: rendering inner Markdown: %v", sc.Name, err)
			}
		}
		inv.Inner = htmlString(string(e.res.Replace([]byte(html))))
		// The descendants' HTML now lives on in inv.Inner. Keeping each
		// level's copy as well would make memory grow with the square of
		// the nesting depth.
		e.res.release(first)
	} else {
		var out strings.Builder
		children := 0
		for _, n := range sc.Inner {
			switch n := n.(type) {
			case *Text:
				out.Write(n.bytes(e.src))
			case *Shortcode:
				_, html, err := e.expand(n, inv, children)
				if err != nil {
					return err
				}
				children++
				out.WriteString(html)
			}
		}
		inv.Inner = htmlString(out.String())
	}
	return nil
}

func params(sc *Shortcode) any {
	switch {
	case len(sc.Params) == 0:
		return nil
	case sc.Named:
		m := make(map[string]string, len(sc.Params))
		for _, p := range sc.Params {
			m[p.Name] = p.Value
		}
		return m
	}
	s := make([]string, len(sc.Params))
	for i, p := range sc.Params {
		s[i] = p.Value
	}
	return s
}

func (e *expander) errorf(inv *Invocation, err error, format string, args ...any) *PosError {
	return &PosError{File: e.env.File, Line: inv.Line, Col: inv.Col, Msg: fmt.Sprintf(format, args...), Err: err}
}

func closeTag(sc *Shortcode) string {
	if sc.Markdown {
		return "{{% /" + sc.Name + " %}}"
	}
	return "{{< /" + sc.Name + " >}}"
}

func selfCloseTag(sc *Shortcode) string {
	if sc.Markdown {
		return "{{% " + sc.Name + " /%}}"
	}
	return "{{< " + sc.Name + " />}}"
}

// suggest returns `; did you mean "x"?` for the known shortcode name
// closest to name, within two edits, or "".
func (e *expander) suggest(name string) string {
	known := e.env.Registry.Names()
	if l, ok := e.env.Templates.(interface{ Names() []string }); ok {
		for _, t := range l.Names() {
			if s, ok := strings.CutPrefix(t, "shortcodes/"); ok {
				if s, ok = strings.CutSuffix(s, ".html"); ok {
					known = append(known, s)
				}
			}
		}
	}
	sort.Strings(known) // ties go to the name first in order
	best, ok := suggest.Closest(name, known)
	if !ok {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}
