package generator

import (
	"fmt"

	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/internal/suggest"
)

// programView is the program template function: the computed, formatted
// data of a program (builtins.ProgramView), so that a theme or a site's
// own shortcode shows plans, commissions and facts without arithmetic:
//
//	{{ with program "kartra" }}{{ .Name }} pays {{ .Fact "rate" }}{{ end }}
//	{{ range (program "kartra").Plans }}{{ .Name }}: {{ .Monthly }}{{ end }}
func (b *builder) programView(id string) (*builtins.ProgramView, error) {
	p, ok := b.programs.Get(id)
	if !ok {
		if s, ok := suggest.Closest(id, b.programs.IDs()); ok {
			return nil, fmt.Errorf("program %q: no such program (did you mean %q?)", id, s)
		}
		return nil, fmt.Errorf("program %q: no such program (programs: %v)", id, b.programs.IDs())
	}
	return b.newPageState().View(p)
}
