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
var keys = [...]string{"id", "destination", "program", "cloaked", "status", "categories", "expires", "fallback", "notes"}

// idPattern is what an id may be: it is typed in shortcodes and, by
// default, is the last folder of the cloaked path.
var idPattern = regexp.MustCompile(`^[\pL\pN][\pL\pN._-]*$`)

// Load reads every links file (.yaml, .yml, .toml, .json) in dir of fsys.
// A missing dir gives an empty set. prefix is the folder of cloaked paths
// not given ("/go/"; DefaultPrefix when empty). Every problem of every
// file, a duplicate id or cloaked path included, is returned together as
// a programs.ErrorList sorted by file and line.
func Load(fsys fs.FS, dir, prefix string) (*Set, error) {
	all, errs, err := loadFiles(fsys, dir, prefix)
	if err != nil {
		return nil, err
	}
	errs = append(errs, duplicates(all)...)
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *programs.Error) int {
			return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		return nil, errs
	}
	return NewSet(all...), nil
}

// loadFiles parses the link files of dir, in name order, and returns
// their links and the errors in them; err is set only when dir cannot
// be read (a missing dir has no links).
func loadFiles(fsys fs.FS, dir, prefix string) ([]*Link, programs.ErrorList, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("links: %w", err)
	}
	var all []*Link
	var errs programs.ErrorList
	for _, de := range entries {
		if isLinkFile(de) {
			ls, fileErrs := loadFile(fsys, path.Join(dir, de.Name()), prefix)
			all, errs = append(all, ls...), append(errs, fileErrs...)
		}
	}
	return all, errs, nil
}

// isLinkFile reports whether de is a YAML, TOML or JSON file.
func isLinkFile(de fs.DirEntry) bool {
	switch strings.ToLower(path.Ext(de.Name())) {
	case ".yaml", ".yml", ".toml", ".json":
		return !de.IsDir()
	}
	return false
}

// loadFile parses the links of one file; an error without a line is
// at line 1.
func loadFile(fsys fs.FS, file, prefix string) ([]*Link, programs.ErrorList) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, programs.ErrorList{{File: file, Line: 1, Msg: err.Error()}}
	}
	ls, err := Parse(file, src, prefix)
	var list programs.ErrorList
	switch {
	case errors.As(err, &list):
		return ls, list
	case err != nil:
		return ls, programs.ErrorList{{File: file, Line: 1, Msg: err.Error()}}
	}
	return ls, nil
}

// duplicates reports each link whose id or cloaked path an earlier link
// already has.
func duplicates(all []*Link) programs.ErrorList {
	var errs programs.ErrorList
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
	return errs
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

// url decodes an absolute http(s) URL; "" when it is not given.
func (d *decoder) url(e entry) string {
	s := d.text(e)
	if s != "" && !programs.IsHTTPURL(s) {
		d.errorf(e.v.Line, "%s: %q is not an absolute http(s) URL", e.key, s)
		return ""
	}
	return s
}

// link decodes one entry of the list.
func (d *decoder) link(n *yaml.Node) *Link {
	l := &Link{File: d.file, Line: n.Line, Status: DefaultStatus}
	before := len(d.errs)
	for _, e := range d.mapping(n, "link", keys[:]) {
		d.linkField(l, e)
	}
	d.complete(l, n.Line, before)
	if len(d.errs) > before {
		return nil
	}
	return l
}

// linkField decodes entry e of a link into l.
func (d *decoder) linkField(l *Link, e entry) {
	switch e.key {
	case "id":
		l.ID = d.id(e)
	case "destination":
		l.Destination = d.url(e)
	case "program":
		l.Program = d.text(e)
	case "cloaked":
		l.Cloaked = d.cloaked(e)
	case "status":
		l.Status = d.status(e)
	case "categories":
		l.Categories = d.texts(e)
	case "expires":
		l.Expires = d.date(e)
	case "fallback":
		l.Fallback = d.url(e)
	case "notes":
		l.Notes = d.text(e)
	}
}

// complete checks that l, which starts at line, has an id and (unless
// one of its fields was in error) a destination, and gives it the
// default cloaked path, prefix + id.
func (d *decoder) complete(l *Link, line, before int) {
	if l.ID == "" {
		d.errorf(line, "link without an id")
	}
	if l.Destination == "" && len(d.errs) == before {
		d.errorf(line, "link %q has no destination", l.ID)
	}
	if l.Cloaked == "" && l.ID != "" {
		l.Cloaked, _ = CleanPath(d.prefix + l.ID)
	}
}

// id decodes a link's id: letters, digits, '.', '_' and '-'.
func (d *decoder) id(e entry) string {
	id := d.text(e)
	if id != "" && !idPattern.MatchString(id) {
		d.errorf(e.v.Line, "id %q: use letters, digits, '.', '_' and '-', starting with a letter or digit", id)
	}
	return id
}

// cloaked decodes a cloaked path, cleaned; "" when it is not given.
func (d *decoder) cloaked(e entry) string {
	s := d.text(e)
	p, ok := CleanPath(s)
	if !ok && s != "" {
		d.errorf(e.v.Line, "cloaked: %q is not a plain site path such as /recommends/name/", s)
	}
	return p
}

// status decodes a redirect status: 301, 302 or 307.
func (d *decoder) status(e entry) int {
	s := d.text(e)
	n, err := strconv.Atoi(s)
	if err != nil || !ValidStatus(n) {
		d.errorf(e.v.Line, "status: %q is not 301, 302 or 307", s)
	}
	return n
}

// date decodes a YYYY-MM-DD date; zero when it is not given.
func (d *decoder) date(e entry) time.Time {
	s := d.text(e)
	t, err := time.Parse(time.DateOnly, s)
	if err != nil && s != "" {
		d.errorf(e.v.Line, "%s: %q is not a date (want YYYY-MM-DD)", e.key, s)
	}
	return t
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
