package builtins

import (
	"html/template"

	"github.com/affsite/affsite/shortcodes"
)

// AffLink is the afflink shortcode: an affiliate text link.
//
//	{{< afflink program="kartra" plan="gold" placement="intro" >}}Kartra Gold{{< /afflink >}}
//	{{< afflink program="kartra" />}}
//
// The inner HTML is the link text; standalone, the text is the program's
// name, or "Program – Plan". Its template's .Data is a LinkData.
func (st *PageState) AffLink(inv *shortcodes.Invocation) error {
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	plan, err := planArg(inv, p)
	if err != nil {
		return err
	}
	placement, _ := inv.Arg("placement")
	var text template.HTML
	if inv.Inner != "" {
		text = textHTML(inv, "")
	}
	inv.Data = st.link(inv, p, plan, placement, text)
	return nil
}
