// Package highlight colours code with chroma the way Hugo does: the
// options of Hugo's markup.highlight configuration, the attributes of a
// code fence ({linenos=table,hl_lines=[2,"4-5"]}) and the option string
// of the highlight shortcode, all read by one Config.Set, and Hugo's
// markup around chroma's (<div class="highlight"><pre tabindex="0" …>).
//
// Fenced code blocks are coloured through goldmark-highlighting
// (Config.Extender); the highlight shortcode calls Config.Highlight.
package highlight

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/values"
)

// Config is Hugo's markup.highlight configuration. The zero value is not
// Hugo's default; start from Default.
type Config struct {
	// Style is the chroma style, "monokai" by default.
	Style string
	// CodeFences colours fenced code blocks; true by default.
	CodeFences bool
	// NoClasses writes inline styles (true by default, as Hugo); false
	// writes chroma's CSS classes, for a style sheet of the site's own.
	NoClasses bool
	// NoHl turns highlighting off.
	NoHl bool
	// LineNos shows line numbers; LineNumbersInTable puts them in a
	// table column of their own (true by default) instead of inline.
	LineNos, LineNumbersInTable bool
	// AnchorLineNos links each line number to itself, with ids
	// LineAnchors + "-" + number.
	AnchorLineNos bool
	LineAnchors   string
	// LineNoStart is the number of the first line, 1 by default.
	LineNoStart int
	// HLLines are the lines to highlight, as ranges of line positions in
	// the block (the first line is 1 whatever LineNoStart is).
	HLLines [][2]int
	// TabWidth is the width of a tab, 4 by default.
	TabWidth int
	// GuessSyntax colours a block with no known language by guessing it.
	GuessSyntax bool
	// WrapperClass is the class of the <div> around coloured code,
	// "highlight" by default.
	WrapperClass string
}

// Default returns Hugo's default configuration.
func Default() Config {
	return Config{
		Style:              "monokai",
		CodeFences:         true,
		NoClasses:          true,
		LineNumbersInTable: true,
		LineNoStart:        1,
		TabWidth:           4,
		WrapperClass:       "highlight",
	}
}

// Decode sets the options of a markup.highlight table, as decoded from
// TOML, YAML or JSON, on a copy of c. Keys are matched ignoring case, as
// Hugo does; keys Hugo has but affsite does not use (hl_inline) are
// accepted. The error names the key, "markup.highlight.KEY: …".
func (c Config) Decode(table map[string]any) (Config, error) {
	for _, k := range slices.Sorted(maps.Keys(table)) { // the first bad key is the same on every run
		if err := c.Set(k, table[k]); err != nil {
			return c, fmt.Errorf("markup.highlight.%s: %v", k, err)
		}
	}
	return c, nil
}

// Set sets one option by its Hugo name, ignoring case. v is a value as a
// config decoder, goldmark's attribute parser ([]byte for strings,
// float64 for numbers, []any for lists) or an option string gives it.
// An unknown name is ignored, as Hugo ignores it.
func (c *Config) Set(name string, v any) error {
	var err error
	switch strings.ToLower(name) {
	case "style":
		c.Style, err = values.ToString(v)
	case "codefences":
		c.CodeFences, err = values.ToBool(v)
	case "noclasses":
		c.NoClasses, err = values.ToBool(v)
	case "nohl":
		c.NoHl, err = values.ToBool(v)
	case "linenos":
		// "table" and "inline" turn line numbers on and say where.
		if s, ok := values.Text(v); ok && (s == "table" || s == "inline") {
			c.LineNos, c.LineNumbersInTable = true, s == "table"
			return nil
		}
		c.LineNos, err = values.ToBool(v)
	case "linenumbersintable":
		c.LineNumbersInTable, err = values.ToBool(v)
	case "anchorlinenos":
		c.AnchorLineNos, err = values.ToBool(v)
	case "lineanchors":
		c.LineAnchors, err = values.ToString(v)
	case "linenostart":
		c.LineNoStart, err = values.ToInt(v)
	case "hl_lines":
		c.HLLines, err = lineRanges(v)
	case "tabwidth":
		c.TabWidth, err = values.ToInt(v)
	case "guesssyntax":
		c.GuessSyntax, err = values.ToBool(v)
	case "wrapperclass":
		c.WrapperClass, err = values.ToString(v)
	}
	return err
}

// SetOptions applies an option string of the highlight shortcode,
// "linenos=table,hl_lines=2 4-5,linenostart=199".
func (c *Config) SetOptions(opts string) error {
	opts = strings.TrimSpace(opts)
	if opts == "" {
		return nil
	}
	for _, kv := range strings.Split(opts, ",") {
		k, v, ok := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return fmt.Errorf("invalid highlight option %q: want key=value", strings.TrimSpace(kv))
		}
		if err := c.Set(k, strings.TrimSpace(v)); err != nil {
			return fmt.Errorf("highlight option %s: %v", k, err)
		}
	}
	return nil
}

// lineRanges reads hl_lines: a string of numbers and ranges separated by
// spaces ("2 4-5"), or a list of numbers and such strings ([2, "4-5"]).
func lineRanges(v any) ([][2]int, error) {
	fields, ok := v.([]any)
	if !ok {
		fields = []any{v}
	}
	var out [][2]int
	for _, f := range fields {
		rs, err := rangesOf(f)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

// rangesOf reads one entry of hl_lines: a text of lines and ranges
// ("4-5 7"), or a line number.
func rangesOf(f any) ([][2]int, error) {
	s, ok := values.Text(f)
	if !ok {
		n, err := values.ToInt(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%v is no line number", f)
		}
		return [][2]int{{n, n}}, nil
	}
	var out [][2]int
	for _, part := range strings.Fields(s) {
		r, err := lineRange(part)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// lineRange reads a line, "7", or a range of lines, "4-5".
func lineRange(part string) ([2]int, error) {
	lo, hi, isRange := strings.Cut(part, "-")
	a, err := strconv.Atoi(lo)
	b := a
	if err == nil && isRange {
		b, err = strconv.Atoi(hi)
	}
	if err != nil || a < 1 || b < a {
		return [2]int{}, fmt.Errorf("%q is no line number or range of lines (such as 4-5)", part)
	}
	return [2]int{a, b}, nil
}
