package shortcodes

import (
	"fmt"
	"html/template"
	"strconv"

	"github.com/affsite/affsite/diag"
)

// Invocation is "." inside a shortcode template, and what a built-in Func
// receives: one use of a shortcode while a page is expanded.
type Invocation struct {
	Name string
	// Params is map[string]string for named parameters, []string for
	// positional ones, nil when there are none.
	Params any
	// Inner is the content between the tags. For {{< >}} it is the raw inner
	// text with nested shortcodes replaced by their HTML; for {{% %}} it is
	// that inner text rendered by Env.Markdown (nested shortcodes expanded).
	// Once the enclosing shortcode has run, a nested shortcode's Inner is
	// cleared: its content is part of the enclosing one's.
	Inner template.HTML
	// Markdown is true for a use with {{% %}} delimiters, whose Inner is
	// rendered Markdown; false for {{< >}}.
	Markdown   bool
	Page, Site any
	// Data is set by a built-in Func before its template runs.
	Data any
	// Ordinal is the zero-based index among shortcodes with the same parent.
	Ordinal int
	// Parent is the enclosing shortcode, nil at the top level.
	Parent *Invocation
	// Line and Col locate the shortcode in its file (Env.LineOffset applied).
	Line, Col int
	Env       *Env

	// src is the parsed source, shared (no copy per nesting level), and
	// the inner text is src[innerStart:innerEnd]; InnerErrorf counts its
	// lines from the start of src.
	src                  []byte
	innerStart, innerEnd int
}

// Get returns a parameter: by index (an int, or a string of digits) when
// parameters are positional, by name (a string) when they are named. Unlike
// Hugo, which returns nil, a missing parameter yields "" so templates can
// test it with {{ if .Get "x" }} and print it without "<no value>".
func (inv *Invocation) Get(key any) any {
	switch k := key.(type) {
	case int:
		return inv.positional(k)
	case int64:
		return inv.positional(int(k))
	case string:
		if m, ok := inv.Params.(map[string]string); ok {
			return m[k]
		}
		if i, err := strconv.Atoi(k); err == nil {
			return inv.positional(i)
		}
	}
	return ""
}

func (inv *Invocation) positional(i int) string {
	if p, ok := inv.Params.([]string); ok && i >= 0 && i < len(p) {
		return p[i]
	}
	return ""
}

// Arg returns the named parameter name, or for positional parameters the
// one whose index name spells, and whether it was given.
func (inv *Invocation) Arg(name string) (string, bool) {
	switch p := inv.Params.(type) {
	case map[string]string:
		v, ok := p[name]
		return v, ok
	case []string:
		if i, err := strconv.Atoi(name); err == nil && i >= 0 && i < len(p) {
			return p[i], true
		}
	}
	return "", false
}

// IsNamedParams reports whether the shortcode was given named parameters.
func (inv *Invocation) IsNamedParams() bool {
	_, ok := inv.Params.(map[string]string)
	return ok
}

// Position returns "file:line:col" ("line:col" when Env.File is empty).
func (inv *Invocation) Position() string {
	if f := inv.file(); f != "" {
		return fmt.Sprintf("%s:%d:%d", f, inv.Line, inv.Col)
	}
	return fmt.Sprintf("%d:%d", inv.Line, inv.Col)
}

// Errorf returns a *PosError at the shortcode's position, reading
// "file:line:col: msg". Arguments are formatted as fmt.Sprintf does; an
// error argument matched by %w is kept for errors.Is and errors.As.
func (inv *Invocation) Errorf(format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	return &PosError{File: inv.file(), Line: inv.Line, Col: inv.Col, Msg: err.Error(), Err: unwrapOne(err)}
}

func unwrapOne(err error) error {
	if u, ok := err.(interface{ Unwrap() error }); ok {
		return u.Unwrap()
	}
	return nil
}

// InnerText returns the raw inner text, as written between the tags
// (nested shortcodes unexpanded).
func (inv *Invocation) InnerText() string { return string(inv.src[inv.innerStart:inv.innerEnd]) }

// InnerErrorf is Errorf at byte off of InnerText rather than at the
// shortcode: for a built-in that reads its inner text as data, so that
// an error names the line of the entry at fault.
func (inv *Invocation) InnerErrorf(off int, format string, args ...any) error {
	if inv.src == nil {
		return inv.Errorf(format, args...)
	}
	line, col := diag.LineCol(inv.src, inv.innerStart+off)
	if inv.Env != nil {
		line += inv.Env.LineOffset
	}
	err := fmt.Errorf(format, args...)
	return &PosError{File: inv.file(), Line: line, Col: col, Msg: err.Error(), Err: unwrapOne(err)}
}

func (inv *Invocation) file() string {
	if inv.Env == nil {
		return ""
	}
	return inv.Env.File
}

// htmlString marks s as safe HTML: shortcode inner content is author-written
// Markdown and HTML, trusted like the rest of the page.
func htmlString(s string) template.HTML { return template.HTML(s) }
