package builtins

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/affsite/affsite/internal/frontmatter"
	"github.com/affsite/affsite/shortcodes"
)

// frontMatterErrorf returns a maker of errors at the value of the
// page's front-matter key (item n of its list when n > 0), where the
// front matter parsers place it (frontmatter.PlacesOf), or at the
// shortcode when the page's own front matter does not write it (the
// site's params or a cascade gave it). The places are read only when an
// error is made.
func (st *PageState) frontMatterErrorf(inv *shortcodes.Invocation, key string, n int) func(format string, args ...any) error {
	path := []string{key}
	if n > 0 {
		path = append(path, strconv.Itoa(n-1))
	}
	file := st.File
	if inv.Env != nil && inv.Env.File != "" {
		file = inv.Env.File
	}
	return func(format string, args ...any) error {
		at, ok := frontmatter.PlacesOf(st.FrontMatter).At(path...)
		if !ok {
			return inv.Errorf(format, args...)
		}
		err := fmt.Errorf(format, args...)
		return &shortcodes.PosError{File: file, Line: at.Value.Line, Col: at.Value.Col, Msg: err.Error(), Err: errors.Unwrap(err)}
	}
}
