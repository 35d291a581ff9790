package frontmatter

import "gopkg.in/yaml.v3"

// plainValue is the value of n as yaml.v3's Decode into an any, then
// values.NormalizeValue, give it, read from the tree directly rather
// than through Decode's reflection, for what front matter almost always
// is: mappings whose keys are plain text, lists, and text, booleans and
// nulls (numbers are decoded one by one, by yaml.v3). ok is false for
// anything else — an alias, a merge, another tag, a key that is not
// text — which decodeYAML then gives to Decode whole.
func plainValue(n *yaml.Node) (v any, ok bool) {
	switch n.Kind {
	case yaml.MappingNode:
		return plainMapping(n)
	case yaml.SequenceNode:
		return plainSequence(n)
	case yaml.ScalarNode:
		return plainScalar(n)
	}
	return nil, false
}

// plainSequence is plainValue of a list.
func plainSequence(n *yaml.Node) (list []any, ok bool) {
	if n.Tag != "!!seq" {
		return nil, false
	}
	list = make([]any, len(n.Content))
	for i, c := range n.Content {
		if list[i], ok = plainValue(c); !ok {
			return nil, false
		}
	}
	return list, true
}

// plainMapping is plainValue of a mapping, whose keys must all be text.
func plainMapping(n *yaml.Node) (map[string]any, bool) {
	if n.Tag != "!!map" {
		return nil, false
	}
	m := make(map[string]any, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
			return nil, false // a merge (<<), or a key Decode makes a map[any]any of
		}
		v, ok := plainValue(n.Content[i+1])
		if !ok {
			return nil, false
		}
		m[k.Value] = v
	}
	return m, true
}

// plainScalar is plainValue of a scalar, as yaml.v3 resolves its tag
// (after yaml11).
func plainScalar(n *yaml.Node) (any, bool) {
	switch n.Tag {
	case "!!str":
		return n.Value, true
	case "!!bool", "!!null":
		return plainWord(n.Tag, n.Value)
	case "!!int", "!!float":
		var v any
		err := n.Decode(&v)
		return v, err == nil
	}
	return nil, false
}

// plainWord is the boolean or null that YAML 1.2 reads value as, when it
// is one of the words yaml.v3 resolves to tag.
func plainWord(tag, value string) (any, bool) {
	switch value {
	case "true", "True", "TRUE":
		return true, tag == "!!bool"
	case "false", "False", "FALSE":
		return false, tag == "!!bool"
	case "", "~", "null", "Null", "NULL":
		return nil, tag == "!!null"
	}
	return nil, false
}
