package generator

import (
	"html/template"
	"io"
	"strings"
)

// htmlOf is what write writes, as the value of a template function: the
// Go-written partials' functions write into the page's buffer when a
// Go-written layout calls them (layoutgo.go), and into a string when a
// template does. size is the text's usual length.
func htmlOf(size int, write func(w io.StringWriter)) template.HTML {
	var w strings.Builder
	w.Grow(size)
	write(&w)
	return template.HTML(w.String())
}
