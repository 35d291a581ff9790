package builtins

import (
	"html/template"
	"strings"

	"github.com/affsite/affsite/shortcodes"
)

// DefaultDisclosure is the disclosure text when neither the shortcode nor
// the configuration gives one.
const DefaultDisclosure = "This page contains affiliate links: if you buy through them, we may earn a commission, at no extra cost to you."

// DisclosureData is the data of the disclosure template.
type DisclosureData struct {
	Label string        // "Affiliate disclosure"
	Text  template.HTML // one or more paragraphs
}

// Disclosure is the disclosure shortcode: the affiliate-disclosure box.
//
//	{{< disclosure >}}
//	{{< disclosure text="I earn a commission if you buy." >}}
//	{{% disclosure %}}I earn a **commission** if you buy.{{% /disclosure %}}
//
// The text is the inner content when paired, else text=, else the
// configuration's DisclosureText, else DefaultDisclosure. The generator
// finds the output by its class "aff-disclosure". Its template's .Data is
// a DisclosureData.
func (st *PageState) Disclosure(inv *shortcodes.Invocation) error {
	d := &DisclosureData{Label: "Affiliate disclosure"}
	if inner := strings.TrimSpace(string(inv.Inner)); inner != "" {
		if strings.HasPrefix(inner, "<") {
			d.Text = template.HTML(inner)
		} else {
			d.Text = "<p>" + template.HTML(inner) + "</p>"
		}
		inv.Data = d
		return nil
	}
	text, _ := inv.Arg("text")
	if text == "" {
		text = st.Config.DisclosureText
	}
	if strings.TrimSpace(text) == "" {
		text = DefaultDisclosure
	}
	d.Text = "<p>" + escapeHTML(text) + "</p>"
	inv.Data = d
	return nil
}
