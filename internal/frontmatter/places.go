package frontmatter

import (
	"strconv"
	"strings"

	"github.com/affsite/affsite/internal/values"
	"gopkg.in/yaml.v3"
)

// Pos is a place in a content file: a 1-based line and column (0 when
// not known).
type Pos struct{ Line, Col int }

// Place is where an item of front matter is written: its key, and its
// value (a list item's key is the item).
type Place struct{ Key, Value Pos }

// Places are where the items of a content file's front matter are
// written, found by path: the keys from the top, in any case, and a list
// item's index ("tags", "1"), each the last of its key when the key is
// given twice, as Parse keeps the last value.
type Places struct {
	m     map[string]Place
	first int // the file's line of the decoder's line 1
}

// placeKey is a path's key in Places.m.
func placeKey(path []string) string { return strings.ToLower(strings.Join(path, "\x00")) }

// At is the place of the item at path, or of the nearest item that holds
// it when it has no place of its own (an item the front matter does not
// write, from a cascade or an alias); ok is false when none does.
func (ps Places) At(path ...string) (p Place, ok bool) {
	for n := len(path); n > 0; n-- {
		if p, ok = ps.m[placeKey(path[:n])]; ok {
			return p, true
		}
	}
	return Place{}, false
}

// add records the place of the item at path, key and value given in
// lines and columns of the decoder's text.
func (ps Places) add(path []string, key, value Pos) {
	key.Line += ps.first - 1
	value.Line += ps.first - 1
	ps.m[placeKey(path)] = Place{Key: key, Value: value}
}

// PlacesOf reads where the items of src's front matter are written, from
// the node trees of the same decoders as Parse (and with the same count
// of lines). It finds none when there is no front matter or it does not
// parse (Parse reports that). It is meant for errors and warnings: a
// build asks for it only when one of them needs a place.
func PlacesOf(src []byte) Places {
	src = values.TrimBOM(src)
	ps := Places{m: map[string]Place{}}
	f, text, _, ok := cut(src)
	if !ok {
		return ps
	}
	ps.first = firstLine(src, f)
	f.places(text, ps.add)
	return ps
}

// firstLine is the file's line of line 1 of the text f's decoder reads:
// after the blank lines the front matter may follow, and after its
// opening line unless that line is part of the text.
func firstLine(src []byte, f format) int {
	first := leadingBlankLines(src) + 1
	if !f.withDelims {
		first++
	}
	return first
}

// yamlPlaces finds the places of YAML (or JSON, which YAML reads) front
// matter in the tree decodeYAML decodes.
func yamlPlaces(text []byte, add func(path []string, key, value Pos)) {
	root, _, err := yamlTree(text)
	if err != nil || root.Kind == 0 || len(root.Content) == 0 {
		return
	}
	nodePlaces(root.Content[0], nil, add)
}

// NodePlaces calls add with the place of every item below the YAML node
// n (a document's top-level mapping), as PlacesOf finds those of front
// matter: what a configuration file read as a yaml.Node has its keys'
// places from.
func NodePlaces(n *yaml.Node, add func(path []string, key, value Pos)) {
	nodePlaces(n, nil, add)
}

// nodePlaces adds the places of the items below n, at path.
func nodePlaces(n *yaml.Node, path []string, add func(path []string, key, value Pos)) {
	at := func(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := append(path[:len(path):len(path)], k.Value)
			add(p, at(k), at(v))
			nodePlaces(v, p, add)
		}
	case yaml.SequenceNode:
		for i, v := range n.Content {
			p := append(path[:len(path):len(path)], strconv.Itoa(i))
			add(p, at(v), at(v))
			nodePlaces(v, p, add)
		}
	}
}
