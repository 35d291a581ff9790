package frontmatter

import (
	"gopkg.in/yaml.v3"
)

// decodeYAML decodes YAML front matter. It works on yaml.v3's node tree
// so that a key given twice is found with its line (and dropped, the last
// value kept), and so that values read as YAML 1.1, which Hugo's front
// matter has always used: see yaml11.
func decodeYAML(text []byte) (map[string]any, []dupKey, error) {
	m := map[string]any{}
	root, dups, err := yamlTree(text)
	if err != nil {
		return nil, nil, err
	}
	if root.Kind == 0 {
		return m, nil, nil // empty, or only comments
	}
	if len(root.Content) == 1 {
		if plain, ok := plainMapping(root.Content[0]); ok {
			return plain, dups, nil
		}
	}
	if err := root.Decode(&m); err != nil {
		return nil, nil, placeTypeError(root, err)
	}
	return m, dups, nil
}

// yamlTree parses YAML front matter into the node tree decodeYAML
// decodes: values as YAML 1.1 reads them, each key given twice dropped
// but for its last value, and returned. An empty tree (Kind 0) is front
// matter that is empty or only comments.
func yamlTree(text []byte) (*yaml.Node, []dupKey, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(text, &root); err != nil {
		return nil, nil, err
	}
	var dups []dupKey
	walk(&root, func(n *yaml.Node) {
		yaml11(n)
		if n.Kind == yaml.MappingNode {
			dups = append(dups, dropDuplicates(n)...)
		}
	})
	return &root, dups, nil
}

// walk calls fn on n and every node below it, each once: an alias is not
// followed, since its anchor is visited where it is defined.
func walk(n *yaml.Node, fn func(*yaml.Node)) {
	fn(n)
	for _, c := range n.Content {
		walk(c, fn)
	}
}

// dropDuplicates removes from the mapping n every key that is given
// again later (and its value), so that the last value is used, and
// returns the later keys. Keys are compared by their text, merge keys
// (<<) left alone: a key set after a merge overrides the merged one.
func dropDuplicates(n *yaml.Node) []dupKey {
	last := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Tag != "!!merge" {
			last[k.Value] = i
		}
	}
	var dups []dupKey
	kept := n.Content[:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if j, ok := last[k.Value]; ok && j != i && k.Kind == yaml.ScalarNode && k.Tag != "!!merge" {
			later := n.Content[j]
			dups = append(dups, dupKey{key: later.Value, line: later.Line, col: later.Column})
			continue
		}
		kept = append(kept, k, n.Content[i+1])
	}
	n.Content = kept
	return dups
}

// yaml11 makes a scalar value decode as YAML 1.1 (yaml.v2, and Hugo)
// decoded it, where YAML 1.2 (yaml.v3) differs: y, yes, on, n, no and
// off are booleans, and a date or time stays text, which the page's
// fields then read as a date. A mapping's keys are read as written, a
// null key (~) as "".
func yaml11(n *yaml.Node) {
	for i, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			continue
		}
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			if c.Tag == "!!null" {
				c.Tag, c.Value = "!!str", ""
			}
			continue
		}
		switch {
		case c.Tag == "!!timestamp":
			c.Tag = "!!str"
		case c.Tag == "!!bool" || c.Tag == "!!str" && c.Style&^yaml.FlowStyle == 0:
			if b, ok := yaml11Bool(c.Value); ok {
				c.Tag, c.Value = "!!bool", b
			}
		}
	}
}

// yaml11Bool reads YAML 1.1's booleans that YAML 1.2 reads as text, as
// the text YAML 1.2 reads as that boolean.
func yaml11Bool(s string) (string, bool) {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
		return "true", true
	case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return "false", true
	}
	return "", false
}
