package builtins

import (
	"html/template"

	"github.com/affsite/affsite/programs"
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
	p, plan, err := st.programPlan(inv)
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

// programPlan returns the shortcode's program (program=, else the
// page's) and its plan= (nil when not given).
func (st *PageState) programPlan(inv *shortcodes.Invocation) (*programs.Program, *programs.Plan, error) {
	p, err := st.program(inv)
	if err != nil {
		return nil, nil, err
	}
	plan, err := planArg(inv, p)
	if err != nil {
		return nil, nil, err
	}
	return p, plan, nil
}
