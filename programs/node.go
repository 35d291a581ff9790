package programs

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/affsite/affsite/internal/suggest"

	"gopkg.in/yaml.v3"

	"github.com/affsite/affsite/money"
)

// decoder turns the node tree of one file into a Program, collecting every
// problem instead of stopping at the first.
type decoder struct {
	file string
	errs ErrorList
	cur  money.Currency // of the file's amounts; decoded before them
}

// errorf records a problem at line.
func (d *decoder) errorf(line int, format string, args ...any) {
	if line < 1 {
		line = 1
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// entry is one key/value pair of a mapping.
type entry struct {
	key  string
	k, v *yaml.Node
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// isNull reports whether n is absent or an explicit null ("key:" or "~").
func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// mapping returns the pairs of the mapping n, reporting duplicate keys and,
// when known is not nil, keys not in known (with a did-you-mean suggestion).
// Duplicates and unknown keys are left out of the result. what names the
// mapping in messages.
func (d *decoder) mapping(n *yaml.Node, what string, known []string) ([]entry, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		d.errorf(lineOf(n), "%s: expected a mapping of keys to values", what)
		return nil, false
	}
	seen := make(map[string]int, len(n.Content)/2)
	var out []entry
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			d.errorf(lineOf(k), "%s: a key must be a plain name", what)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k.Line, "duplicate key %q (first at line %d)", k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		if known != nil && !slices.Contains(known, k.Value) {
			if s, ok := suggest.Closest(k.Value, known); ok {
				d.errorf(k.Line, "unknown key %q (did you mean %q?)", k.Value, s)
			} else {
				d.errorf(k.Line, "unknown key %q in %s", k.Value, what)
			}
			continue
		}
		out = append(out, entry{key: k.Value, k: k, v: resolve(v)})
	}
	return out, true
}

// lineOf returns n's line, or 1 when n is nil.
func lineOf(n *yaml.Node) int {
	if n == nil || n.Line < 1 {
		return 1
	}
	return n.Line
}

// scalar returns the literal text of a scalar value; ok is false for a null
// value (treated as not given) or, with an error recorded, a non-scalar.
func (d *decoder) scalar(e entry) (string, bool) {
	if isNull(e.v) {
		return "", false
	}
	if e.v.Kind != yaml.ScalarNode {
		d.errorf(e.v.Line, "%s: expected a single value, not a list or mapping", e.key)
		return "", false
	}
	return e.v.Value, true
}

// str returns a text value, trimmed of surrounding space.
func (d *decoder) str(e entry) string {
	s, _ := d.scalar(e)
	return strings.TrimSpace(s)
}

// cents returns a non-negative amount of money in the file's currency,
// read from its literal text (a TOML float too: see parseTOML). More
// decimals than the currency has is an error, never a rounding.
func (d *decoder) cents(e entry) (money.Cents, bool) {
	s, ok := d.scalar(e)
	if !ok {
		return 0, false
	}
	c, err := d.cur.ParseAmount(s)
	var de *money.DecimalsError
	switch {
	case errors.As(err, &de) && de.Max == 0:
		d.errorf(e.v.Line, "%s: %q has decimals, but %s has no minor unit (write a whole amount, such as 1,001)", e.key, s, d.cur.OrDefault().Code)
		return 0, false
	case errors.As(err, &de):
		d.errorf(e.v.Line, "%s: %q has %d decimals, but %s has %d; amounts are not rounded", e.key, s, de.Decimals, d.cur.OrDefault().Code, de.Max)
		return 0, false
	case errors.Is(err, money.ErrOverflow):
		d.errorf(e.v.Line, "%s: %q is too large an amount", e.key, s)
		return 0, false
	case err != nil:
		d.errorf(e.v.Line, "%s: %q is not an amount of money (want e.g. %s)", e.key, s, exampleAmount(d.cur))
		return 0, false
	}
	if c < 0 {
		d.errorf(e.v.Line, "%s: negative price %q", e.key, s)
		return 0, false
	}
	return c, true
}

// exampleAmount returns an amount written as cur wants it, for messages.
func exampleAmount(cur money.Currency) string {
	switch cur.MinorUnits() {
	case 0:
		return "1,001"
	case 2:
		return "12.50"
	}
	return cur.Plain(12500)
}

// rate returns a rate between 0 and 1, written as a percentage ("40%") or as
// a bare fraction below 1 (0.40). A bare 1 is refused as ambiguous (100 % or
// 1 %?) with a message asking for the percentage; a bare number above 1 is
// outside 0–1 like any rate above 100 %. A bare 0 is 0 %.
func (d *decoder) rate(e entry) (money.Rate, bool) {
	s, ok := d.scalar(e)
	if !ok {
		return money.Rate{}, false
	}
	r, err := money.ParseRate(s)
	if err != nil {
		d.errorf(e.v.Line, "%s: %q is not a rate (want e.g. 0.40 or 40%%)", e.key, s)
		return money.Rate{}, false
	}
	percent := strings.HasSuffix(strings.TrimSpace(s), "%")
	one := money.MustParseRate("1")
	switch {
	case !percent && r.Cmp(one) == 0:
		d.errorf(e.v.Line, "%s: a bare %s is ambiguous: write \"100%%\" for the whole price, or \"1%%\" (0.01)", e.key, s)
		return money.Rate{}, false
	case !r.InUnitRange():
		d.errorf(e.v.Line, "%s: rate %s is outside 0–1 (0%%–100%%)", e.key, s)
		return money.Rate{}, false
	}
	return r, true
}

// boolean returns a true/false value.
func (d *decoder) boolean(e entry) bool {
	s, ok := d.scalar(e)
	if !ok {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "yes":
		return true
	case "false", "no":
		return false
	}
	d.errorf(e.v.Line, "%s: %q is not true or false", e.key, s)
	return false
}

// count returns a non-negative whole number.
func (d *decoder) count(e entry) int {
	s, ok := d.scalar(e)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		d.errorf(e.v.Line, "%s: %q is not a whole number", e.key, s)
		return 0
	}
	if n < 0 {
		d.errorf(e.v.Line, "%s: %d is negative", e.key, n)
		return 0
	}
	return n
}

// date returns a YYYY-MM-DD date.
func (d *decoder) date(e entry) time.Time {
	s, ok := d.scalar(e)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		d.errorf(e.v.Line, "%s: %q is not a date (want YYYY-MM-DD)", e.key, s)
		return time.Time{}
	}
	return t
}

// link returns an absolute http or https URL; anything else, such as a
// "javascript:" URL, is an error.
func (d *decoder) link(e entry) string {
	s := d.str(e)
	if s != "" && !IsHTTPURL(s) {
		d.errorf(e.v.Line, "%s: %q is not an absolute http(s) URL", e.key, s)
		return ""
	}
	return s
}

// strings returns a list of texts. A single text is accepted as a list of
// one.
func (d *decoder) strings(e entry) []string {
	if isNull(e.v) {
		return nil
	}
	if e.v.Kind == yaml.ScalarNode {
		return []string{strings.TrimSpace(e.v.Value)}
	}
	if e.v.Kind != yaml.SequenceNode {
		d.errorf(e.v.Line, "%s: expected a list", e.key)
		return nil
	}
	out := make([]string, 0, len(e.v.Content))
	for _, item := range e.v.Content {
		item = resolve(item)
		if item == nil || item.Kind != yaml.ScalarNode || isNull(item) {
			d.errorf(lineOf(item), "%s: each entry must be a single text", e.key)
			continue
		}
		out = append(out, strings.TrimSpace(item.Value))
	}
	return out
}

// list returns the items of a list value.
func (d *decoder) list(e entry) []*yaml.Node {
	if isNull(e.v) {
		return nil
	}
	if e.v.Kind != yaml.SequenceNode {
		d.errorf(e.v.Line, "%s: expected a list", e.key)
		return nil
	}
	items := make([]*yaml.Node, len(e.v.Content))
	for i, item := range e.v.Content {
		items[i] = resolve(item)
	}
	return items
}
