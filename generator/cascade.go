package generator

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
)

// This file is Hugo's front matter cascade: an _index.md's cascade (a
// table, or a list of tables with _target) gives its values to every
// page below it that does not set them itself, the nearest _index.md's
// first. The _index.md files are read before the pages, the shallowest
// first, so a cascade reaches the sections below it too.

// cascadeEntry is one table of a cascade: the values, and which pages
// they are for (Hugo's _target: a path glob below content/, a kind, a
// language, an environment; empty: any).
type cascadeEntry struct {
	values          map[string]any
	path            *regexp.Regexp
	kind, lang, env string
}

// parseCascade reads an _index.md's cascade value; an error is at the
// value it is about, which at gives.
func parseCascade(file string, v any, at *fmPlaces) ([]cascadeEntry, error) {
	bad := func(path []string, format string, args ...any) error {
		line, col := at.value(append([]string{"cascade"}, path...)...)
		return diag.Errorf(file, line, col, diag.FrontMatter, "front matter: cascade "+format, args...)
	}
	var tables []map[string]any
	var paths [][]string // each table's path below cascade
	switch x := v.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		tables, paths = append(tables, x), append(paths, nil)
	case []any:
		for i, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, bad([]string{strconv.Itoa(i)}, "must be a table or a list of tables, not a list of %T", e)
			}
			tables, paths = append(tables, m), append(paths, []string{strconv.Itoa(i)})
		}
	default:
		return nil, bad(nil, "must be a table or a list of tables, not %T", v)
	}
	var out []cascadeEntry
	for i, t := range tables {
		e := cascadeEntry{values: map[string]any{}}
		for k, v := range t {
			if lk := strings.ToLower(k); lk != "_target" && lk != "target" {
				e.values[k] = v
				continue
			}
			if err := e.setTarget(v); err != nil {
				return nil, bad(append(paths[i], k), "%s: %v", k, err)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// setTarget reads a cascade's _target table.
func (e *cascadeEntry) setTarget(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("must be a table (path, kind, lang, environment)")
	}
	for k, v := range m {
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s must be a string", k)
		}
		switch strings.ToLower(k) {
		case "path":
			e.path = globRegexp(s)
		case "kind":
			e.kind = strings.ToLower(s)
		case "lang":
			e.lang = strings.ToLower(s)
		case "environment":
			e.env = s
		default:
			return fmt.Errorf("%s is not a target (path, kind, lang, environment)", k)
		}
	}
	return nil
}

// globRegexp is a path glob as Hugo's: ** any folders, * any name, ?
// one character, the rest as written, any case.
func globRegexp(glob string) *regexp.Regexp {
	var sb strings.Builder
	sb.WriteString("(?i)^")
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; {
		case c == '*' && i+1 < len(glob) && glob[i+1] == '*':
			sb.WriteString(".*")
			i++
		case c == '*':
			sb.WriteString("[^/]*")
		case c == '?':
			sb.WriteString("[^/]")
		default:
			sb.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	sb.WriteString("$")
	return regexp.MustCompile(sb.String())
}

// matches tells whether the entry is for the page of the content key
// and kind.
func (e cascadeEntry) matches(b *builder, key, kind string) bool {
	p := "/" + strings.TrimPrefix(key, "content/")
	pathOK := e.path == nil || e.path.MatchString(p) || e.path.MatchString(strings.TrimSuffix(p, path.Ext(p)))
	return pathOK && (e.kind == "" || e.kind == kind) &&
		(e.lang == "" || b.lang == nil || e.lang == b.lang.Lang) &&
		(e.env == "" || strings.EqualFold(e.env, b.cfg.Environment))
}

// applyCascade adds to fm the values the cascades above the page of the
// content key give and fm does not set. It returns fm.
func (b *builder) applyCascade(fm map[string]any, key, kind string) map[string]any {
	dir := path.Dir(key)
	if path.Base(key) == "_index.md" {
		if dir == "content" {
			return fm // the home page: nothing above it
		}
		dir = path.Dir(dir) // an _index.md's own cascade is for the pages below it
	}
	for {
		for _, e := range b.cascades[dir] {
			if !e.matches(b, key, kind) {
				continue
			}
			for k, v := range e.values {
				if _, ok := values.LookupKey(fm, k); !ok {
					if fm == nil {
						fm = map[string]any{}
					}
					fm[k] = v
				}
			}
		}
		if dir == "content" || dir == "." || dir == "/" {
			return fm
		}
		dir = path.Dir(dir)
	}
}

// readIndexFirst reads the _index.md files among files (full paths) in
// order of depth, recording each one's cascade before the files below
// it are read; srcs and errs get their results at their indexes.
func (b *builder) readIndexFirst(files []string, srcs []*source) (rest []int, errs []error) {
	var index []int
	for i, f := range files {
		if path.Base(b.contentKey(b.rel(f))) == "_index.md" {
			index = append(index, i)
		} else {
			rest = append(rest, i)
		}
	}
	depth := func(i int) int { return strings.Count(b.contentKey(b.rel(files[i])), "/") }
	for d := 1; len(index) > 0; d++ {
		var next []int
		for _, i := range index {
			if depth(i) != d {
				next = append(next, i)
				continue
			}
			s, err := b.readSource(files[i])
			srcs[i] = s
			if err != nil {
				errs = append(errs, err)
			} else if s != nil && len(s.cascade) > 0 {
				if b.cascades == nil {
					b.cascades = map[string][]cascadeEntry{}
				}
				b.cascades[path.Dir(s.key)] = s.cascade
			}
		}
		index = next
	}
	return rest, errs
}
