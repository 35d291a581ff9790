package generator

import (
	"testing"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/hugoshortcodes"
)

// TestHugoShortcodesApart: a page's Registry holds affsite's built-ins
// and falls back to the build's one of Hugo's, so Hugo's were added last
// only while no name is in both: if one were, affsite's would now win.
func TestHugoShortcodesApart(t *testing.T) {
	t.Parallel()
	own := builtins.Registry(builtins.NewPageState(nil, affiliate.Config{}))
	for _, name := range hugoshortcodes.Names() {
		if _, ok := own.Lookup(name); ok {
			t.Errorf("%q is both an affsite built-in and a Hugo shortcode", name)
		}
	}
}
