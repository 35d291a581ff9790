package programs

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// parseTOML decodes TOML and converts it to the node tree that YAML files
// give, so that one decoder validates both.
//
// Key order comes from MetaData.Keys, which lists keys in document order
// (scenario mixes depend on it). MetaData does not expose key positions, so
// lines are found by searching the text for each key in that order. Inline
// tables inside arrays are not listed by Keys; their keys are sorted.
func (d *decoder) parseTOML(src []byte) *yaml.Node {
	var data map[string]any
	md, err := toml.Decode(string(src), &data)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			d.errorf(pe.Position.Line, "invalid TOML: %s", pe.Message)
		} else {
			d.errorf(1, "invalid TOML: %v", err)
		}
		return nil
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1}
	lines := newLineFinder(string(src))
	for _, key := range md.Keys() {
		if len(key) == 0 {
			continue
		}
		name := key[len(key)-1]
		line := lines.find(name)
		parent, pdata := tomlWalk(root, data, key[:len(key)-1])
		if parent == nil {
			continue
		}
		value, ok := pdata[name]
		if !ok {
			continue
		}
		existing := child(parent, name)
		switch v := value.(type) {
		case []map[string]any: // a [[table]] header: one more element
			if existing == nil {
				existing = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
				appendPair(parent, name, line, existing)
			}
			if len(existing.Content) < len(v) {
				existing.Content = append(existing.Content, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line})
			}
		case map[string]any:
			if existing == nil {
				appendPair(parent, name, line, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line})
			}
		default:
			if existing == nil {
				appendPair(parent, name, line, tomlValue(v, line))
			}
		}
	}
	return root
}

// tomlWalk follows path from the root through both the node tree and the
// decoded data, into the last element of arrays of tables.
func tomlWalk(n *yaml.Node, data map[string]any, path []string) (*yaml.Node, map[string]any) {
	for _, name := range path {
		c := child(n, name)
		if c == nil {
			return nil, nil
		}
		switch v := data[name].(type) {
		case map[string]any:
			n, data = c, v
		case []map[string]any:
			i := len(c.Content) - 1
			if i < 0 || i >= len(v) {
				return nil, nil
			}
			n, data = c.Content[i], v[i]
		default:
			return nil, nil
		}
	}
	return n, data
}

// child returns the value of key in mapping n.
func child(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// appendPair adds key: v to mapping n.
func appendPair(n *yaml.Node, key string, line int, v *yaml.Node) {
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line}
	n.Content = append(n.Content, k, v)
}

// tomlValue converts a decoded TOML value to a node at line.
func tomlValue(v any, line int) *yaml.Node {
	scalar := func(tag, s string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s, Line: line}
	}
	switch v := v.(type) {
	case string:
		return scalar("!!str", v)
	case int64:
		return scalar("!!int", strconv.FormatInt(v, 10))
	case float64:
		// The shortest 'f' form gives back the written decimal for up to 15
		// significant digits ("12.50" → 12.5 → "12.5"), which money then
		// parses exactly; prices and rates never need more.
		return scalar("!!float", strconv.FormatFloat(v, 'f', -1, 64))
	case bool:
		return scalar("!!bool", strconv.FormatBool(v))
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Nanosecond() == 0 {
			return scalar("!!timestamp", v.Format(time.DateOnly))
		}
		return scalar("!!timestamp", v.Format(time.RFC3339Nano))
	case []any:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for _, item := range v {
			seq.Content = append(seq.Content, tomlValue(item, line))
		}
		return seq
	case []map[string]any:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for _, item := range v {
			seq.Content = append(seq.Content, tomlValue(item, line))
		}
		return seq
	case map[string]any:
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			appendPair(m, k, line, tomlValue(v[k], line))
		}
		return m
	}
	return scalar("!!str", "")
}

// lineFinder finds the lines of TOML keys, given in document order, by
// searching forward from the line of the previous key.
type lineFinder struct {
	lines []string
	cur   int
}

// newLineFinder returns a finder over src.
func newLineFinder(src string) *lineFinder {
	return &lineFinder{lines: strings.Split(src, "\n")}
}

// find returns the 1-based line of the next occurrence of key as a TOML key,
// or the current line when there is none.
func (f *lineFinder) find(key string) int {
	for i := f.cur; i < len(f.lines); i++ {
		if lineHasKey(f.lines[i], key) {
			f.cur = i
			return i + 1
		}
	}
	return f.cur + 1
}

// lineHasKey reports whether key appears in line as a key: bare or quoted,
// after the start, a space, "{", ",", "[" or ".", and before "=", "." or "]".
func lineHasKey(line, key string) bool {
	for _, form := range []string{key, `"` + key + `"`, "'" + key + "'"} {
		for off := 0; ; {
			i := strings.Index(line[off:], form)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(form)
			off = start + 1
			if start > 0 && !strings.ContainsRune(" \t{,[.", rune(line[start-1])) {
				continue
			}
			rest := strings.TrimLeft(line[end:], " \t")
			if rest != "" && strings.ContainsRune("=.]", rune(rest[0])) {
				return true
			}
		}
	}
	return false
}
