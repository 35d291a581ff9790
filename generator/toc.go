package generator

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/affsite/affsite/siteconfig"
	"github.com/yuin/goldmark/ast"
)

// emptyTOC is Hugo's table of contents of a page with no headings.
const emptyTOC = `<nav id="TableOfContents"></nav>`

// tocHeading is one entry of a table of contents, with the entries of
// the headings below it. An entry with no id and no title stands for a
// level the page skipped (an h3 with no h2 before it), as in Hugo.
type tocHeading struct {
	id, title string
	children  []*tocHeading
}

// tableOfContents renders the page's headings as Hugo 0.111 renders
// .TableOfContents, byte for byte: the same tree (a new top-level row at
// each h1), the levels of markup.tableOfContents, and the same
// indentation. A page with no headings has none ("" rather than Hugo's
// empty <nav>, so that a theme's {{ if .TableOfContents }} works).
func (m *markdown) tableOfContents(st *mdState, src []byte) (template.HTML, error) {
	if len(st.headings) == 0 {
		return "", nil
	}
	var rows []*tocHeading
	row := -1
	for _, h := range st.headings {
		if h.Level == 1 || row == -1 {
			row++
		}
		e := &tocHeading{}
		if id, ok := h.AttributeString("id"); ok {
			b, _ := id.([]byte)
			e.id = string(b)
		}
		title, err := m.headingTitle(h, src)
		if err != nil {
			return "", err
		}
		if st.placeholders != nil {
			title, _ = st.placeholders(title)
		}
		e.title = title
		rows = addTOCHeading(rows, e, row, h.Level-1)
	}
	w := &tocWriter{cfg: m.toc}
	w.sb.WriteString(`<nav id="TableOfContents">`)
	w.headings(1, 0, rows)
	w.sb.WriteString("</nav>")
	if w.sb.Len() == len(emptyTOC) {
		return "", nil // no heading at the levels listed
	}
	return template.HTML(w.sb.String()), nil
}

// addTOCHeading adds h to the tree rows at row, level levels down (0:
// the row itself), filling the levels in between with empty entries.
func addTOCHeading(rows []*tocHeading, h *tocHeading, row, level int) []*tocHeading {
	for len(rows) <= row {
		rows = append(rows, &tocHeading{})
	}
	if level == 0 {
		rows[row] = h
		return rows
	}
	parent := rows[row]
	for i := 1; i < level; i++ {
		if len(parent.children) == 0 {
			parent.children = append(parent.children, &tocHeading{})
		}
		parent = parent.children[len(parent.children)-1]
	}
	parent.children = append(parent.children, h)
	return rows
}

// headingTitle renders a heading's text as Hugo's table of contents
// does: code spans, links, images and emphasis whole, and the text,
// raw HTML and autolinks inside any other inline (strikethrough's
// words, without its <del>).
func (m *markdown) headingTitle(h *ast.Heading, src []byte) (string, error) {
	if m.ownOnly {
		if title, ok := plainTitle(h, src); ok {
			return title, nil
		}
	}
	var buf bytes.Buffer
	w := bufferWriter{&buf} // Render would wrap &buf in a bufio.Writer of 4 KiB on every call
	r := m.md.Renderer()
	err := ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n == h {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeSpan, ast.KindLink, ast.KindImage, ast.KindEmphasis:
			return ast.WalkSkipChildren, r.Render(w, src, n)
		case ast.KindAutoLink, ast.KindRawHTML, ast.KindText, ast.KindString:
			return ast.WalkContinue, r.Render(w, src, n)
		}
		return ast.WalkContinue, nil
	})
	return buf.String(), err
}

// plainTitle is headingTitle of a heading whose children are all text
// that the renderer writes as it is: no break, and none of the bytes
// its Writer escapes or reads as a reference, an escape or NUL (most
// headings). ok is false for any other heading.
func plainTitle(h *ast.Heading, src []byte) (title string, ok bool) {
	n := 0
	for c := h.FirstChild(); c != nil; c = c.NextSibling() {
		t, isText := c.(*ast.Text)
		if !isText || t.IsRaw() || t.SoftLineBreak() || t.HardLineBreak() || c.HasChildren() {
			return "", false
		}
		v := t.Segment.Value(src)
		if bytes.ContainsAny(v, "&<>\"\\\x00") {
			return "", false
		}
		n += len(v)
	}
	var sb strings.Builder
	sb.Grow(n)
	for c := h.FirstChild(); c != nil; c = c.NextSibling() {
		sb.Write(c.(*ast.Text).Segment.Value(src))
	}
	return sb.String(), true
}

// tocWriter writes a table of contents the way Hugo's tocBuilder does.
type tocWriter struct {
	sb  strings.Builder
	cfg siteconfig.TableOfContentsConfig
}

// headings writes the entries hs, at level, as a list (unless level is
// above startLevel: then their children's lists, or below endLevel).
func (w *tocWriter) headings(level, indent int, hs []*tocHeading) {
	if level < w.cfg.StartLevel {
		for _, h := range hs {
			w.headings(level+1, indent, h.children)
		}
		return
	}
	if w.cfg.EndLevel != -1 && level > w.cfg.EndLevel || len(hs) == 0 {
		return
	}
	list := "ul"
	if w.cfg.Ordered {
		list = "ol"
	}
	w.sb.WriteString("\n")
	w.indent(indent + 1)
	w.write("<", list, ">\n")
	for _, h := range hs {
		w.indent(indent + 2)
		w.sb.WriteString("<li>")
		if h.id != "" || h.title != "" {
			w.write(`<a href="#`, h.id, `">`, h.title, "</a>")
		}
		w.headings(level+1, indent+2, h.children)
		w.sb.WriteString("</li>\n")
	}
	w.indent(indent + 1)
	w.write("</", list, ">\n")
	w.indent(indent)
}

// write writes each of parts (not joined first: no string made).
func (w *tocWriter) write(parts ...string) {
	for _, p := range parts {
		w.sb.WriteString(p)
	}
}

// indent writes n levels of indentation.
func (w *tocWriter) indent(n int) {
	for range n {
		w.sb.WriteString("  ")
	}
}
