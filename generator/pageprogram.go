package generator

import "github.com/affsite/affsite/builtins"

// ProgramView returns the computed, formatted data of the page's program
// (front matter "program"), as the program template function gives it:
//
//	{{ with .ProgramView }}{{ .Name }} pays {{ .Fact "rate" }}{{ end }}
//
// It is nil for a page without a program or that is not a content page,
// and an error for a program the site does not have.
func (p *Page) ProgramView() (*builtins.ProgramView, error) {
	if p.Program == "" || p.Kind != KindPage || p.Site == nil || p.Site.hooks == nil {
		return nil, nil
	}
	return p.Site.hooks.programView(p.Program)
}

// prepareAffiliate gives each page what its affiliate links need before
// any is rendered (pages render in parallel and may read each other):
// its sub-id prefix, unique across the site.
func (b *builder) prepareAffiliate(srcs []*source, sections map[string]*source) {
	b.subIDPrefixes = b.pageSubIDPrefixes(srcs, sections)
}
