package builtins

import (
	"html/template"
	"strings"

	"github.com/affsite/affsite/internal/htmlesc"
)

// The default theme's afflink, link, disclosure and commission-table
// templates call the methods below ({{ .Data.HTML }}): every review has
// several of them, and html/template spent a page's shortcode time on
// their actions. Each writes byte for byte what the template it
// replaces wrote (markup_test.go runs both on hostile text); a site's or
// theme's own template of the same name still replaces the theme's file,
// and its .Data keeps every field.

// HTML is the link as the default theme's afflink.html and link.html
// write it: <a href rel [target]>Text</a>.
func (d LinkData) HTML() template.HTML {
	var b strings.Builder
	b.Grow(len(d.Href) + len(d.Rel) + len(d.Text) + 40)
	htmlesc.WriteURLAttr(&b, `<a href="`, d.Href, `" rel="`)
	htmlesc.Write(&b, d.Rel)
	if d.Target != "" {
		b.WriteString(`" target="`)
		htmlesc.Write(&b, d.Target)
	}
	b.WriteString(`">`)
	b.WriteString(string(d.Text))
	b.WriteString(`</a>`)
	return template.HTML(b.String())
}

// HTML is the disclosure box as the default theme's disclosure.html
// writes it; the generator's disclosure rule finds it by its class.
func (d *DisclosureData) HTML() template.HTML {
	var b strings.Builder
	b.WriteString(`<div class="aff-disclosure" role="note"><span class="aff-disclosure-label">`)
	htmlesc.Write(&b, d.Label)
	b.WriteString(`</span>`)
	b.WriteString(string(d.Text))
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}
