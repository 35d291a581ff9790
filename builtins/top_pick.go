package builtins

import (
	"html/template"
	"strings"

	"github.com/affsite/affsite/shortcodes"
)

// TopPickData is the data of the top-pick template.
type TopPickData struct {
	Pick
	Label   string        // label=, default "Our top pick"
	BestFor string        // best_for=, whom it suits; empty for none
	Verdict template.HTML // the inner content, a line of verdict; empty for none
}

// TopPick is the top-pick shortcode: a box near the top of a review with
// the program's picture, rating and lowest price from its data, a line on
// whom it suits and a tracked button (placement "top-pick").
//
//	{{< top-pick program="kartra" best_for="Course creators who want one account for everything" >}}
//	{{< top-pick label="Editor's choice" >}}The best all-in-one suite we tested.{{< /top-pick >}}
//
// program= defaults to the page's; best_for= (which may hold {{< fact … >}})
// or a verdict inside is required, so that the box says why. text= is
// the button's text ("{program}" is the name; default "Try Program").
// Its template's .Data is a TopPickData.
func (st *PageState) TopPick(inv *shortcodes.Invocation) error {
	p, err := st.program(inv)
	if err != nil {
		return err
	}
	raw, _ := inv.Arg("best_for")
	bestFor, err := st.ExpandFacts(p, strings.TrimSpace(raw))
	if err != nil {
		return inv.Errorf("shortcode %q: best_for=: %v", inv.Name, err)
	}
	verdict := template.HTML(strings.TrimSpace(string(inv.Inner)))
	if bestFor == "" && verdict == "" {
		return inv.Errorf("shortcode %q: missing best_for= (whom it suits, such as best_for=\"Course creators\"), or a one-line verdict inside", inv.Name)
	}
	k, err := st.pickOf(inv, p, placementArg(inv, "top-pick"))
	if err != nil {
		return err
	}
	label, _ := inv.Arg("label")
	if strings.TrimSpace(label) == "" {
		label = "Our top pick"
	}
	inv.Data = &TopPickData{Pick: k, Label: strings.TrimSpace(label), BestFor: bestFor, Verdict: verdict}
	return nil
}
