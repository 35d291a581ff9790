package builtins

import (
	"html/template"

	"github.com/affsite/affsite/shortcodes"
)

// CTA is the cta shortcode: a call-to-action button that is an affiliate
// link.
//
//	{{< cta program="kartra" plan="gold" text="Start your $1 trial" placement="intro" >}}
//
// The text is text=, else the inner HTML when paired, else "Try Program"
// ("Try Program Plan" with a plan). The placement defaults to "cta". Its
// template's .Data is a LinkData.
func (st *PageState) CTA(inv *shortcodes.Invocation) error {
	p, plan, err := st.programPlan(inv)
	if err != nil {
		return err
	}
	placement, ok := inv.Arg("placement")
	if !ok || placement == "" {
		placement = "cta"
	}
	var text template.HTML
	if t, _ := inv.Arg("text"); t != "" {
		text = escapeHTML(t)
	} else {
		name := "Try " + p.Name
		if plan != nil {
			name += " " + plan.Name
		}
		text = textHTML(inv, name)
	}
	inv.Data = st.link(inv, p, plan, placement, text)
	return nil
}
