package shortcodes

import (
	"io"
	"strings"
)

// InlineTemplate is the compiled template of an inline shortcode.
type InlineTemplate interface {
	Execute(w io.Writer, data any) error
}

// inlineSuffix ends the name of an inline shortcode, Hugo's
// {{< time.inline >}}{{ now }}{{< /time.inline >}}.
const inlineSuffix = ".inline"

// expandInline executes an inline shortcode: a paired use defines its
// template (the inner text, as written) and runs it; a standalone use
// (or self-closed) runs the template an earlier use on the page
// defined, as in Hugo.
func (e *expander) expandInline(sc *Shortcode, inv *Invocation) (*Invocation, string, error) {
	if e.env.Inline == nil {
		return nil, "", e.errorf(inv, nil, "inline shortcode %q: inline shortcodes are off; set enableInlineShortcodes = true in the site configuration to use them", sc.Name)
	}
	var t InlineTemplate
	if inv.innerEnd > inv.innerStart {
		var err error
		if t, err = e.env.Inline(sc.Name, inv.InnerText()); err != nil {
			return nil, "", e.errorf(inv, err, "inline shortcode %q: %v", sc.Name, err)
		}
		if e.inline == nil {
			e.inline = map[string]InlineTemplate{}
		}
		e.inline[sc.Name] = t
	} else if t = e.inline[sc.Name]; t == nil {
		return nil, "", e.errorf(inv, nil, "inline shortcode %q is used before it is defined: define it first with {{< %s >}}…{{< /%s >}}", sc.Name, sc.Name, sc.Name)
	}
	var out strings.Builder
	if err := t.Execute(&out, inv); err != nil {
		return nil, "", e.errorf(inv, err, "inline shortcode %q: %v", sc.Name, err)
	}
	return inv, out.String(), nil
}
