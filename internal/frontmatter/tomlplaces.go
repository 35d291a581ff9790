package frontmatter

import (
	"bytes"
	"strconv"

	"github.com/pelletier/go-toml/v2/unstable"
)

// TOMLPlaces calls add with the place of every item of the TOML text:
// those of TOML front matter, and what a configuration file has its
// keys' places from. The decoder (BurntSushi/toml) keeps its positions
// to itself, so they come from go-toml's parser, which gives each key and value with its bytes in the
// text, as the program data's TOML reader uses it (programs/toml.go).
// A table's place is its header's first key, an array of tables' the
// first of its headers.
func TOMLPlaces(text []byte, add func(path []string, key, value Pos)) {
	t := &tomlPlacer{add: add, tables: map[string]int{}, seen: map[string]bool{}}
	t.p.Reset(text)
	var table []string
	for t.p.NextExpression() {
		switch e := t.p.Expression(); e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = t.header(e)
		case unstable.KeyValue:
			t.keyValue(table, e)
		}
	}
}

// tomlPlacer finds the places of one TOML text, expression by expression.
type tomlPlacer struct {
	p   unstable.Parser
	add func(path []string, key, value Pos)
	// tables counts the headers of each array of tables so far, by its
	// path (placeKey).
	tables map[string]int
	seen   map[string]bool // the paths placed
}

// place adds the place of the item at path, unless it has one: a table
// is where it is first named.
func (t *tomlPlacer) place(path []string, key, value Pos) {
	if k := placeKey(path); !t.seen[k] {
		t.seen[k] = true
		t.add(path, key, value)
	}
}

// pos is the place of the byte at off.
func (t *tomlPlacer) pos(off uint32) Pos {
	s := t.p.Shape(unstable.Range{Offset: off})
	return Pos{s.Start.Line, s.Start.Column}
}

// header returns the path of the table e starts: an entry of an array of
// tables (the path's last part its index) when e is [[a.b]], and within
// the last entry of each array of tables on the way.
func (t *tomlPlacer) header(e *unstable.Node) []string {
	var path []string
	it := e.Key()
	for last := !it.Next(); !last; {
		part := it.Node()
		last = !it.Next()
		path = append(path, string(part.Data))
		at := t.pos(part.Raw.Offset)
		n, isArray := t.tables[placeKey(path)]
		switch {
		case last && e.Kind == unstable.ArrayTable:
			t.tables[placeKey(path)] = n + 1
			t.place(path, at, at)
			path = append(path, strconv.Itoa(n))
		case isArray:
			path = append(path, strconv.Itoa(n-1))
			continue
		}
		t.place(path, at, at)
	}
	return path
}

// keyValue adds the places of the key/value e, within the table at
// path, and of the items of its value.
func (t *tomlPlacer) keyValue(table []string, e *unstable.Node) {
	path := table[:len(table):len(table)]
	var key *unstable.Node
	for it := e.Key(); it.Next(); {
		if key != nil { // a dotted key's table
			t.place(path, t.pos(key.Raw.Offset), t.pos(key.Raw.Offset))
		}
		key = it.Node()
		path = append(path, string(key.Data))
	}
	if key == nil {
		return
	}
	v := e.Value()
	at := t.valuePos(v, key.Raw.Offset+key.Raw.Length)
	t.place(path, t.pos(key.Raw.Offset), at)
	t.items(path, v, at)
}

// valuePos is the place of the value v; an array, whose node has no bytes
// of its own, starts at the first thing after the = that follows its
// key (which ends at keyEnd).
func (t *tomlPlacer) valuePos(v *unstable.Node, keyEnd uint32) Pos {
	if v.Raw.Length > 0 || v.Kind != unstable.Array {
		return t.pos(v.Raw.Offset)
	}
	data, off := t.p.Data(), int(keyEnd)
	if eq := bytes.IndexByte(data[off:], '='); eq >= 0 {
		off += eq + 1
	}
	for off < len(data) && (data[off] == ' ' || data[off] == '\t') {
		off++
	}
	return t.pos(uint32(off))
}

// openingBracket is the offset of the [ that opens the array whose first
// element starts at first: the [ before it, past space and line breaks
// (first itself when there is none).
func (t *tomlPlacer) openingBracket(first uint32) uint32 {
	before := bytes.TrimRight(t.p.Data()[:first], " \t\r\n")
	if len(before) > 0 && before[len(before)-1] == '[' {
		return uint32(len(before) - 1)
	}
	return first
}

// items adds the places of the items of the value v at path: an array's
// elements (an array within an array, whose node has no bytes either, at
// the [ before its first element; an empty one at the outer array), an
// inline table's keys.
func (t *tomlPlacer) items(path []string, v *unstable.Node, at Pos) {
	switch v.Kind {
	case unstable.Array:
		i := 0
		for it := v.Children(); it.Next(); i++ {
			item := it.Node()
			p := append(path[:len(path):len(path)], strconv.Itoa(i))
			itemAt := at
			if item.Raw.Length > 0 {
				itemAt = t.pos(item.Raw.Offset)
			} else if first := item.Child(); first != nil && first.Raw.Length > 0 {
				itemAt = t.pos(t.openingBracket(first.Raw.Offset))
			}
			t.place(p, itemAt, itemAt)
			t.items(p, item, itemAt)
		}
	case unstable.InlineTable:
		for it := v.Children(); it.Next(); {
			t.keyValue(path, it.Node())
		}
	}
}
