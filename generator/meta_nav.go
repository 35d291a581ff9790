package generator

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/affsite/affsite/internal/htmlesc"
)

// navItem is the navItem template function: one entry of the main
// navigation as the default theme's header.html shows it, a link with
// its aria-current and title, and its children in a list below it,
// written from Go because every page shows the whole menu. The text is
// byte for byte what the theme's former nav-item template wrote (the
// test runs both).
func (b *builder) navItem(v any) (template.HTML, error) {
	m, ok := v.(MenuItem)
	if !ok {
		return "", fmt.Errorf("navItem: want a menu entry (range .MenuItems), not %T", v)
	}
	var w strings.Builder
	b.writeNavItem(&w, m)
	return template.HTML(w.String()), nil
}

func (b *builder) writeNavItem(w io.StringWriter, m MenuItem) {
	htmlesc.WriteURLAttr(w, `<a href="`, b.relURL(m.URL), `"`)
	if m.Current != "" {
		w.WriteString(` aria-current="`)
		htmlesc.Write(w, m.Current)
		w.WriteString(`"`)
	}
	if m.Title != "" {
		w.WriteString(` title="`)
		htmlesc.Write(w, m.Title)
		w.WriteString(`"`)
	}
	w.WriteString(">" + string(m.Pre))
	htmlesc.Write(w, m.Name)
	w.WriteString(string(m.Post) + "</a>")
	if len(m.Children) == 0 {
		return
	}
	w.WriteString("\n<ul>")
	for _, c := range m.Children {
		w.WriteString("\n  <li>")
		b.writeNavItem(w, c)
		w.WriteString("</li>")
	}
	w.WriteString("\n</ul>")
}
