package generator

import "github.com/affsite/affsite/builtins"

// ProgramView returns the computed, formatted data of the page's program
// (front matter "program"), as the program template function gives it:
//
//	{{ with .ProgramView }}{{ .Name }} pays {{ .Fact "rate" }}{{ end }}
//
// It is nil for a page without a program, and an error for a program the
// site does not have.
func (p *Page) ProgramView() (*builtins.ProgramView, error) {
	if p.Program == "" || p.programView == nil {
		return nil, nil
	}
	return p.programView(p.Program)
}

// prepareAffiliate gives each page what its affiliate links and program
// need before any is rendered (pages render in parallel and may read each
// other): its sub-id prefix, unique across the site, and its ProgramView.
func (b *builder) prepareAffiliate(srcs []*source, sections map[string]*source) {
	b.subIDPrefixes = b.pageSubIDPrefixes(srcs, sections)
	for _, s := range srcs {
		s.page.programView = b.programView
	}
}
