package shortcodes

import "testing"

// TestTextBytes: the view Expand writes of each Text is the text Literal
// gives, for every tree of parseTests (escaped shortcodes included).
func TestTextBytes(t *testing.T) {
	t.Parallel()
	for _, tt := range parseTests {
		doc, err := Parse([]byte(tt.input))
		if err != nil {
			continue
		}
		var walk func([]Node)
		walk = func(nodes []Node) {
			for _, n := range nodes {
				switch n := n.(type) {
				case *Text:
					if got, want := string(n.bytes([]byte(tt.input))), n.Literal([]byte(tt.input)); got != want {
						t.Errorf("%s: bytes = %q, Literal = %q", tt.name, got, want)
					}
				case *Shortcode:
					walk(n.Inner)
				}
			}
		}
		walk(doc.Nodes)
	}
}
