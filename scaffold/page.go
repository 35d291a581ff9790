package scaffold

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/affsite/affsite/internal/slugs"
)

// PageOptions says how NewPage writes a page.
type PageOptions struct {
	// Section is the folder under content/ the page goes in; empty puts
	// it at the top of content/ (content/about.md, published at /about/).
	Section string
}

// PageData is what the page template sees.
type PageData struct {
	Title string
	Slug  string // the file name without ".md"
}

// NewPage writes site/content/[section/]<slug>.md, a page that is not a
// post (an about, contact or privacy page): its front matter says
// "type: page", which keeps it out of the review lists, the home page,
// the feeds and the 404 page's latest reviews. An existing file is never
// replaced. It returns the path written.
func NewPage(site, title string, opts PageOptions) (string, error) {
	slug := slugs.Words(title)
	if slug == "" {
		return "", fmt.Errorf("title %q makes an empty file name; use letters or digits", title)
	}
	section := strings.Trim(filepath.ToSlash(opts.Section), "/")
	for _, part := range strings.Split(section, "/") {
		if part == ".." || part == "." || strings.HasPrefix(part, "_") || strings.HasPrefix(part, ".") {
			return "", fmt.Errorf("section %q: want a folder name below content/, such as \"legal\"", opts.Section)
		}
	}
	t := template.Must(template.New("page.md").Funcs(template.FuncMap{"quote": quote}).Parse(readTemplate("page.md")))
	var b bytes.Buffer
	if err := t.Execute(&b, PageData{Title: title, Slug: slug}); err != nil {
		return "", err
	}
	name := filepath.Join(site, "content", filepath.FromSlash(section), slug+".md")
	return name, writeNew(name, b.Bytes())
}
