package builtins

import (
	"html/template"
	"strings"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/shortcodes"
)

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
// configuration's DisclosureText, else affiliate.DefaultDisclosureText.
// The disclosure rule (affiliate.Found.Place) finds the output by its
// class "aff-disclosure"; a page may instead carry the author's own
// disclosure line, which the rule finds by its phrases. Its template's
// .Data is a DisclosureData.
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
		text = affiliate.DefaultDisclosureText
	}
	d.Text = "<p>" + escapeHTML(text) + "</p>"
	inv.Data = d
	return nil
}
