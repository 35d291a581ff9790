package links

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/programs"
)

// Errors are programs.Error values ("file:line: message") so that every
// data folder reports alike.

// keys are the keys of one link, in the order the README lists them.
var keys = []string{"id", "destination", "program", "cloaked", "status", "categories", "expires", "fallback", "notes"}

// idPattern is what an id may be: it is typed in shortcodes and, by
// default, is the last folder of the cloaked path.
var idPattern = regexp.MustCompile(`^[\pL\pN][\pL\pN._-]*$`)

// Load reads every links file (.yaml, .yml, .toml, .json) in dir of fsys.
// A missing dir gives an empty set. prefix is the folder of cloaked paths
// not given ("/go/"; DefaultPrefix when empty). Every problem of every
// file, a duplicate id or cloaked path included, is returned together as
// a programs.ErrorList sorted by file and line.
func Load(fsys fs.FS, dir, prefix string) (*Set, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return NewSet(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("links: %w", err)
	}
	var all []*Link
	var errs programs.ErrorList
	for _, de := range entries {
		switch strings.ToLower(path.Ext(de.Name())) {
		case ".yaml", ".yml", ".toml", ".json":
		default:
			continue
		}
		if de.IsDir() {
			continue
		}
		file := path.Join(dir, de.Name())
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs = append(errs, &programs.Error{File: file, Line: 1, Msg: err.Error()})
			continue
		}
		ls, err := Parse(file, src, prefix)
		var list programs.ErrorList
		switch {
		case errors.As(err, &list):
			errs = append(errs, list...)
		case err != nil:
			errs = append(errs, &programs.Error{File: file, Line: 1, Msg: err.Error()})
		}
		all = append(all, ls...)
	}
	byID, byPath := map[string]*Link{}, map[string]*Link{}
	for _, l := range all {
		if first, dup := byID[l.ID]; dup {
			errs = append(errs, &programs.Error{File: l.File, Line: l.Line,
				Msg: fmt.Sprintf("link id %q is already defined at %s:%d", l.ID, first.File, first.Line)})
			continue
		}
		byID[l.ID] = l
		if first, dup := byPath[l.Cloaked]; dup {
			errs = append(errs, &programs.Error{File: l.File, Line: l.Line,
				Msg: fmt.Sprintf("cloaked path %s of link %q is already the path of link %q (%s:%d)", l.Cloaked, l.ID, first.ID, first.File, first.Line)})
			continue
		}
		byPath[l.Cloaked] = l
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *programs.Error) int {
			return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		return nil, errs
	}
	return NewSet(all...), nil
}

// Parse reads one links file: a mapping whose key "links" is a list of
// links (in TOML, [[links]] tables). Problems are a programs.ErrorList;
// the links read without a problem are returned with it.
func Parse(file string, src []byte, prefix string) ([]*Link, error) {
	if prefix == "" {
		prefix = DefaultPrefix
	}
	root, err := programs.ParseNode(file, src)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: file, prefix: prefix}
	if root == nil || root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		return nil, nil // an empty file holds no links
	}
	top := d.mapping(root, "links file", []string{"links"})
	var out []*Link
	for _, e := range top {
		if e.v.Kind != yaml.SequenceNode {
			d.errorf(e.v.Line, "links: expected a list of links (in TOML, [[links]] tables)")
			continue
		}
		for _, item := range e.v.Content {
			if l := d.link(item); l != nil {
				out = append(out, l)
			}
		}
	}
	if len(d.errs) > 0 {
		return out, d.errs
	}
	return out, nil
}

type decoder struct {
	file, prefix string
	errs         programs.ErrorList
}

type entry struct {
	key  string
	k, v *yaml.Node
}

func (d *decoder) errorf(line int, format string, args ...any) {
	d.errs = append(d.errs, &programs.Error{File: d.file, Line: max(line, 1), Msg: fmt.Sprintf(format, args...)})
}

// mapping returns n's pairs, reporting duplicate and unknown keys (with
// a did-you-mean) and leaving them out.
func (d *decoder) mapping(n *yaml.Node, what string, known []string) []entry {
	if n.Kind != yaml.MappingNode {
		d.errorf(n.Line, "%s: expected a mapping of keys to values", what)
		return nil
	}
	seen := map[string]int{}
	var out []entry
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			d.errorf(k.Line, "duplicate key %q (first at line %d)", k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		if !slices.Contains(known, k.Value) {
			if s, ok := suggest.Closest(k.Value, known); ok {
				d.errorf(k.Line, "unknown key %q (did you mean %q?)", k.Value, s)
			} else {
				d.errorf(k.Line, "unknown key %q in %s (keys: %s)", k.Value, what, strings.Join(known, ", "))
			}
			continue
		}
		out = append(out, entry{key: k.Value, k: k, v: v})
	}
	return out
}

// text returns a scalar value trimmed; a list or mapping is an error.
func (d *decoder) text(e entry) string {
	if e.v.Kind != yaml.ScalarNode {
		d.errorf(e.v.Line, "%s: expected a single value, not a list or mapping", e.key)
		return ""
	}
	if e.v.ShortTag() == "!!null" {
		return ""
	}
	return strings.TrimSpace(e.v.Value)
}

func (d *decoder) url(e entry) string {
	s := d.text(e)
	if s == "" {
		return ""
	}
	if !programs.IsHTTPURL(s) {
		d.errorf(e.v.Line, "%s: %q is not an absolute http(s) URL", e.key, s)
		return ""
	}
	return s
}

// link decodes one entry of the list.
func (d *decoder) link(n *yaml.Node) *Link {
	l := &Link{File: d.file, Line: n.Line, Status: DefaultStatus}
	before := len(d.errs)
	for _, e := range d.mapping(n, "link", keys) {
		switch e.key {
		case "id":
			l.ID = d.text(e)
			if l.ID != "" && !idPattern.MatchString(l.ID) {
				d.errorf(e.v.Line, "id %q: use letters, digits, '.', '_' and '-', starting with a letter or digit", l.ID)
			}
		case "destination":
			l.Destination = d.url(e)
		case "program":
			l.Program = d.text(e)
		case "cloaked":
			if s := d.text(e); s != "" {
				p, ok := CleanPath(s)
				if !ok {
					d.errorf(e.v.Line, "cloaked: %q is not a plain site path such as /recommends/name/", s)
				}
				l.Cloaked = p
			}
		case "status":
			s := d.text(e)
			n, err := strconv.Atoi(s)
			if err != nil || n != 301 && n != 302 && n != 307 {
				d.errorf(e.v.Line, "status: %q is not 301, 302 or 307", s)
			}
			l.Status = n
		case "categories":
			l.Categories = d.texts(e)
		case "expires":
			if s := d.text(e); s != "" {
				t, err := time.Parse(time.DateOnly, s)
				if err != nil {
					d.errorf(e.v.Line, "expires: %q is not a date (want YYYY-MM-DD)", s)
				}
				l.Expires = t
			}
		case "fallback":
			l.Fallback = d.url(e)
		case "notes":
			l.Notes = d.text(e)
		}
	}
	if l.ID == "" {
		d.errorf(n.Line, "link without an id")
	}
	if l.Destination == "" && len(d.errs) == before {
		d.errorf(n.Line, "link %q has no destination", l.ID)
	}
	if l.Cloaked == "" && l.ID != "" {
		l.Cloaked, _ = CleanPath(d.prefix + l.ID)
	}
	if len(d.errs) > before {
		return nil
	}
	return l
}

func (d *decoder) texts(e entry) []string {
	switch e.v.Kind {
	case yaml.ScalarNode:
		if s := d.text(e); s != "" {
			return []string{s}
		}
		return nil
	case yaml.SequenceNode:
		var out []string
		for _, it := range e.v.Content {
			if it.Kind != yaml.ScalarNode {
				d.errorf(it.Line, "%s: each entry must be a single text", e.key)
				continue
			}
			out = append(out, strings.TrimSpace(it.Value))
		}
		return out
	}
	d.errorf(e.v.Line, "%s: expected a list", e.key)
	return nil
}

// CheckPrograms reports links naming a program that progs does not
// have, at the link's line, with a did-you-mean.
func (s *Set) CheckPrograms(progs *programs.Set) error {
	var errs programs.ErrorList
	for _, l := range s.All() {
		if l.Program == "" {
			continue
		}
		if _, ok := progs.Get(l.Program); ok {
			continue
		}
		msg := fmt.Sprintf("link %q: unknown program %q", l.ID, l.Program)
		if sug, ok := suggest.Closest(l.Program, progs.IDs()); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", sug)
		}
		errs = append(errs, &programs.Error{File: l.File, Line: l.Line, Msg: msg})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}
