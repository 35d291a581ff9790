package programs

import (
	"errors"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"gopkg.in/yaml.v3"
)

// parseTOML converts TOML to the node tree that YAML files give, so that one
// decoder validates both, with each value's literal text and line.
//
// go-toml's unstable.Parser gives every key and value with its raw bytes and
// position, so an amount is the text as written ("1234567890123456.78",
// "4e-1"), never a float64, and the same money rules apply as in YAML and
// JSON. The parser checks only syntax; the document is first decoded with
// toml.Unmarshal, which checks what TOML forbids beyond it (a key or table
// defined twice, an integer beyond 64 bits), so the tree is built from a valid
// document only.
func (d *decoder) parseTOML(src []byte) *yaml.Node {
	var check map[string]any
	if err := toml.Unmarshal(src, &check); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ := de.Position()
			d.errorf(line, "invalid TOML: %s", strings.TrimPrefix(de.Error(), "toml: "))
		} else {
			d.errorf(1, "invalid TOML: %v", err)
		}
		return nil
	}
	b := &tomlBuilder{root: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1}}
	b.p.Reset(src)
	table := b.root
	for b.p.NextExpression() {
		e := b.p.Expression()
		switch e.Kind {
		case unstable.Table:
			table = b.walk(b.root, keyParts(e.Key()), false)
		case unstable.ArrayTable:
			table = b.walk(b.root, keyParts(e.Key()), true)
		case unstable.KeyValue:
			b.keyValue(table, e)
		}
	}
	if err := b.p.Error(); err != nil { // toml.Unmarshal accepted it; be safe
		line := 1
		var pe *unstable.ParserError
		if errors.As(err, &pe) && pe.Highlight != nil {
			line = b.p.Shape(b.p.Range(pe.Highlight)).Start.Line
		}
		d.errorf(line, "invalid TOML: %v", err)
		return nil
	}
	return b.root
}

// tomlBuilder builds the node tree of one TOML document.
type tomlBuilder struct {
	p    unstable.Parser
	root *yaml.Node
}

// keyParts returns the parts of a dotted key.
func keyParts(it unstable.Iterator) []*unstable.Node {
	var parts []*unstable.Node
	for it.Next() {
		parts = append(parts, it.Node())
	}
	return parts
}

// line returns the 1-based line where n starts.
func (b *tomlBuilder) line(n *unstable.Node) int {
	return b.p.Shape(n.Raw).Start.Line
}

// walk follows the key parts from n, making mappings that do not exist yet
// and entering the last element of arrays of tables. With array set, the
// last part names an array of tables that gets a new element, which is
// returned.
func (b *tomlBuilder) walk(n *yaml.Node, parts []*unstable.Node, array bool) *yaml.Node {
	for i, part := range parts {
		name, line := string(part.Data), b.line(part)
		last := i == len(parts)-1
		c := child(n, name)
		switch {
		case last && array:
			if c == nil {
				c = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
				appendPair(n, name, line, c)
			}
			elem := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
			c.Content = append(c.Content, elem)
			return elem
		case c == nil:
			c = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
			appendPair(n, name, line, c)
		case c.Kind == yaml.SequenceNode && len(c.Content) > 0:
			c = c.Content[len(c.Content)-1]
		}
		n = c
	}
	return n
}

// keyValue adds the key/value expression e (a dotted key is a path of
// mappings) to table.
func (b *tomlBuilder) keyValue(table *yaml.Node, e *unstable.Node) {
	parts := keyParts(e.Key())
	if len(parts) == 0 {
		return
	}
	parent := b.walk(table, parts[:len(parts)-1], false)
	key := parts[len(parts)-1]
	appendPair(parent, string(key.Data), b.line(key), b.value(e.Value(), b.line(key)))
}

// value converts a TOML value to a node. Scalars keep their literal text
// (strings their decoded text); line is used for containers, whose own
// range the parser does not give.
func (b *tomlBuilder) value(v *unstable.Node, line int) *yaml.Node {
	scalar := func(tag string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v.Data), Line: b.line(v)}
	}
	switch v.Kind {
	case unstable.String:
		return scalar("!!str")
	case unstable.Bool:
		return scalar("!!bool")
	case unstable.Integer:
		return scalar("!!int")
	case unstable.Float:
		return scalar("!!float")
	case unstable.Array:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for it := v.Children(); it.Next(); {
			item := it.Node()
			seq.Content = append(seq.Content, b.value(item, b.lineOr(item, line)))
		}
		return seq
	case unstable.InlineTable:
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		for it := v.Children(); it.Next(); {
			b.keyValue(m, it.Node())
		}
		return m
	}
	return scalar("!!timestamp") // dates and times, as written
}

// lineOr returns the line of n, or line when n has no range of its own.
func (b *tomlBuilder) lineOr(n *unstable.Node, line int) int {
	if n.Raw.Length == 0 {
		return line
	}
	return b.line(n)
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
