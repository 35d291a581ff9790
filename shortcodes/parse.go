package shortcodes

import (
	"fmt"
	"slices"
	"strings"

	"github.com/affsite/affsite/diag"
)

// Parse parses src into a Document. On a syntax error it returns an *Error
// positioned in src. It is ParseWith without options: every shortcode's
// use of inner content is InnerMaybe.
func Parse(src []byte) (*Document, error) { return ParseWith(src, ParseOptions{}) }

// ParseOptions is what ParseWith may know of a page's shortcodes.
type ParseOptions struct {
	// InnerUse tells how the shortcode name uses inner content; nil
	// means InnerMaybe for every name.
	InnerUse func(name string) InnerUse
}

// ParseWith parses src into a Document. On a syntax error it returns an
// *Error positioned in src.
//
// Pairing follows Hugo 0.111 (see closes): a closing tag closes the
// nearest open shortcode of the same name and delimiter kind, or the
// innermost open one that takes inner content, and the shortcodes opened
// after the one it closes become standalone. Whether a standalone use is
// an error depends on the shortcode's template, so Expand decides that.
//
// Shortcodes nest at most MaxDepth deep; a shortcode deeper than that is an
// error at its opening tag.
func ParseWith(src []byte, opts ParseOptions) (*Document, error) {
	p := &parser{src: src, lex: newLexer(src), lines: lineCounter{src: src}, innerUse: opts.InnerUse}
	if err := p.parse(); err != nil {
		return nil, err
	}
	// The stack bounds the nesting, so most documents need no walk.
	if p.maxOpen > MaxDepth {
		if sc := tooDeep(p.nodes); sc != nil {
			return nil, p.errorf(sc.Start, "shortcode %q is nested more than %d deep (shortcodes inside shortcodes)", sc.Name, MaxDepth)
		}
	}
	return &Document{Nodes: p.nodes}, nil
}

// MaxDepth is how deep shortcodes may nest: a top-level shortcode is at
// depth 1, one inside it at depth 2. Real content nests a handful deep;
// the limit keeps a hostile page from exhausting memory or time, since
// every level's HTML holds all the levels inside it.
const MaxDepth = 100

// tooDeep returns the first shortcode, in source order, nested deeper than
// MaxDepth in nodes, or nil. It walks with an explicit stack, so input
// nested far deeper than MaxDepth cannot exhaust the goroutine's stack.
func tooDeep(nodes []Node) *Shortcode {
	type level struct {
		nodes []Node
		next  int
	}
	stack := []level{{nodes: nodes}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next == len(top.nodes) {
			stack = stack[:len(stack)-1]
			continue
		}
		sc, ok := top.nodes[top.next].(*Shortcode)
		top.next++
		switch {
		case !ok:
		case len(stack) > MaxDepth:
			return sc
		case len(sc.Inner) > 0:
			stack = append(stack, level{nodes: sc.Inner})
		}
	}
	return nil
}

// frame is a shortcode opened but not yet closed; the nodes after it
// are parser.nodes[start:].
type frame struct {
	sc    *Shortcode
	end   int // end of the opening tag
	start int
}

type parser struct {
	src   []byte
	lex   lexer
	ahead item // the item peek saw, when hasAhead
	// hasAhead tells that peek pulled ahead from lex.
	hasAhead bool
	lines    lineCounter
	// nodes are the document's nodes in source order, those of the open
	// shortcodes included: closing one moves the nodes after it into its
	// Inner, and one never closed keeps them after it, standalone, so
	// no node moves more than once a level.
	nodes []Node
	stack []frame
	// closing is the tag being parsed when it is a closing one, which
	// only pairs an open one: reused, not allocated.
	closing Shortcode
	// maxOpen is the greatest depth a shortcode was opened at: an upper
	// bound of the nesting, since a standalone use may later leave the
	// stack without ever having nested anything.
	maxOpen int
	// innerUse is ParseOptions.InnerUse; seen holds the names of the
	// tags so far, opening and closing (closes).
	innerUse func(name string) InnerUse
	seen     map[string]bool
}

// next returns the next item and moves past it, unless it is the last
// (EOF or an error), which comes again.
func (p *parser) next() item {
	it := p.peek()
	p.hasAhead = false
	return it
}

// peek returns the next item without moving past it.
func (p *parser) peek() item {
	if !p.hasAhead {
		p.ahead, p.hasAhead = p.lex.next(), true
	}
	return p.ahead
}

func (p *parser) errorf(off int, format string, args ...any) *Error {
	line, col := diag.LineCol(p.src, off)
	return &Error{Line: line, Col: col, Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// fail turns a lexer error item, or any other unexpected item, into an error.
func (p *parser) fail(it item, what string) *Error {
	if it.typ == itemError {
		return p.errorf(it.start, "%s", p.lex.errMsg)
	}
	return p.errorf(it.start, "unexpected %s %s", p.describe(it), what)
}

func (p *parser) describe(it item) string {
	if it.typ == itemEOF {
		return "end of input"
	}
	return fmt.Sprintf("%q", p.src[it.start:it.end])
}

func (p *parser) add(n Node) { p.nodes = append(p.nodes, n) }

func (p *parser) parse() error {
	for {
		it := p.next()
		switch it.typ {
		case itemEOF:
			p.stack = p.stack[:0] // standalone, all that are open
			return nil
		case itemText:
			p.add(&Text{Start: it.start, End: it.end})
		case itemEscape:
			p.add(p.escaped(it))
		case itemLeftDelim:
			if err := p.tag(it); err != nil {
				return err
			}
		default:
			return p.fail(it, "outside a shortcode")
		}
	}
}

// escaped turns {{</* x */>}} into a Text reading {{< x >}}.
func (p *parser) escaped(it item) *Text {
	s := string(p.src[it.start:it.end])
	inner := s[5 : len(s)-5] // between "{{</*" and "*/>}}"
	return &Text{Start: it.start, End: it.end, Value: s[:3] + inner + s[len(s)-3:]}
}

// tag parses one tag after its left delimiter.
func (p *parser) tag(left item) error {
	markdown := p.src[left.start+2] == '%'
	closing := p.peek().typ == itemCloseMark
	if closing {
		p.next()
	}
	nameItem := p.next()
	if nameItem.typ != itemWord {
		if nameItem.typ == itemError {
			return p.fail(nameItem, "")
		}
		return p.errorf(nameItem.start, "missing shortcode name")
	}
	name := string(p.src[nameItem.start:nameItem.end])
	if !validName(name) {
		return p.errorf(nameItem.start, "invalid shortcode name %q", name)
	}
	sc := &p.closing
	if closing {
		p.closing = Shortcode{Name: name, Start: left.start, Markdown: markdown}
	} else {
		sc = &Shortcode{Name: name, Start: left.start, Markdown: markdown}
	}
	for {
		it := p.peek()
		switch it.typ {
		case itemRightDelim, itemSelfClose:
			p.next()
			sc.End = it.end
			if closing {
				if len(sc.Params) > 0 {
					return p.errorf(sc.Params[0].Offset, "closing shortcode %q has parameters", name)
				}
				if it.typ == itemSelfClose {
					return p.errorf(it.start, "closing shortcode %q is self-closing", name)
				}
				err := p.close(sc)
				p.see(name)
				return err
			}
			p.see(name)
			sc.Line, sc.Col = p.lines.at(sc.Start)
			p.maxOpen = max(p.maxOpen, len(p.stack)+1)
			p.add(sc)
			if it.typ == itemSelfClose {
				sc.Paired, sc.SelfClosing = true, true
				sc.InnerStart, sc.InnerEnd = sc.End, sc.End
			} else {
				p.stack = append(p.stack, frame{sc: sc, end: sc.End, start: len(p.nodes)})
			}
			return nil
		}
		if err := p.param(sc); err != nil {
			return err
		}
	}
}

// param parses one parameter into sc.
func (p *parser) param(sc *Shortcode) error {
	it := p.next()
	var prm Param
	switch it.typ {
	case itemWord, itemString, itemRawString:
		prm = Param{Value: p.value(it), Offset: it.start}
		if p.peek().typ == itemEquals {
			eq := p.next()
			if it.typ != itemWord {
				return p.errorf(it.start, "quoted parameter name %s", p.src[it.start:it.end])
			}
			v := p.peek()
			if v.typ != itemWord && v.typ != itemString && v.typ != itemRawString {
				if v.typ == itemError {
					return p.fail(v, "")
				}
				return p.errorf(eq.start, "missing value for parameter %q", prm.Value)
			}
			p.next()
			prm.Name, prm.Value = prm.Value, p.value(v)
		}
	case itemEquals:
		return p.errorf(it.start, "missing parameter name before \"=\"")
	default:
		return p.fail(it, "in shortcode "+fmt.Sprintf("%q", sc.Name))
	}
	named := prm.Name != ""
	if len(sc.Params) == 0 {
		sc.Named = named
	} else if sc.Named != named {
		return p.errorf(prm.Offset, "shortcode %q mixes named and positional parameters", sc.Name)
	}
	if named {
		for i, q := range sc.Params {
			if q.Name == prm.Name {
				sc.Params[i].Value = prm.Value // the last wins, as in Hugo
				sc.Duplicates = append(sc.Duplicates, prm)
				return nil
			}
		}
	}
	sc.Params = append(sc.Params, prm)
	return nil
}

// value returns a parameter value without its quotes; in a double-quoted
// string \" and \\ are unescaped and other backslashes kept, so Windows
// paths and regular expressions survive.
func (p *parser) value(it item) string {
	s := string(p.src[it.start:it.end])
	switch it.typ {
	case itemRawString:
		return s[1 : len(s)-1]
	case itemString:
		s = s[1 : len(s)-1]
		if !strings.Contains(s, `\`) {
			return s
		}
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\') {
				i++
			}
			b.WriteByte(s[i])
		}
		return b.String()
	}
	return s
}

// close pairs the closing tag c with the open shortcode it closes
// (closes).
func (p *parser) close(c *Shortcode) error {
	k, err := p.closes(c)
	if err != nil {
		return err
	}
	// The shortcodes opened after it are standalone: their nodes are
	// after them, inside it.
	f := p.stack[k]
	p.stack = p.stack[:k]
	sc := f.sc
	sc.Paired = true
	if inner := p.nodes[f.start:]; len(inner) > 0 {
		sc.Inner = slices.Clone(inner)
	}
	p.nodes = p.nodes[:f.start]
	sc.InnerStart, sc.InnerEnd, sc.End = f.end, c.Start, c.End
	return nil
}

func delims(markdown bool) string {
	if markdown {
		return "{{% %}}"
	}
	return "{{< >}}"
}

// validName reports whether name is made of letters, digits, '-', '_' and
// '/' (as in Hugo's "foo/bar", a template in a subdirectory).
func validName(name string) bool {
	name = strings.TrimSuffix(name, inlineSuffix) // Hugo's inline shortcodes
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '/':
		default:
			return false
		}
	}
	return name != "" && name[0] != '/' && name[len(name)-1] != '/' && !strings.Contains(name, "//")
}
