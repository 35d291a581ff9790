// Package keypos finds where a key is set in the text of a YAML, TOML or
// JSON file (key:, key =, "key":), so that a diagnostic can point at it.
// It reads the text rather than a parse tree, so that it serves the three
// formats alike.
package keypos

import "bytes"

// Top returns the line and column at which a top-level key is set in src
// (front matter, from the file's start), matched without regard to case
// as page fields are; 1, 1 if none is found. An indented key is a key of
// a nested table or map, unless it is quoted (JSON's indented keys).
func Top(src []byte, key string) (line, col int) { return find(src, key, true) }

// Any returns the line and column of key's first definition in src at
// any depth, matched exactly, as a YAML list item ("- key:") too, quoted
// with " or '; 1, 1 if none is found.
func Any(src []byte, key string) (line, col int) { return find(src, key, false) }

// find is Top when top is set, else Any.
func find(src []byte, key string, top bool) (line, col int) {
	for n := 1; len(src) > 0; n++ {
		l, rest, _ := bytes.Cut(src, []byte("\n"))
		src = rest
		if c, ok := keyCol(l, key, top); ok {
			return n, c
		}
	}
	return 1, 1
}

// keyCol returns the column at which line sets key, and whether it does.
func keyCol(line []byte, key string, top bool) (int, bool) {
	quote := func(b []byte) bool { return len(b) > 0 && (b[0] == '"' || !top && b[0] == '\'') }
	cut := " \t-"
	if top {
		cut = " \t"
	}
	l := bytes.TrimLeft(line, cut)
	quoted := quote(l)
	if top && len(l) < len(line) && !quoted {
		return 0, false // indented: a key of a nested table or map
	}
	if quoted {
		l = l[1:]
	}
	col := len(line) - len(l) + 1
	if len(l) < len(key) || !(bytes.Equal(l[:len(key)], []byte(key)) || top && bytes.EqualFold(l[:len(key)], []byte(key))) {
		return 0, false
	}
	after := l[len(key):]
	if quote(after) {
		after = after[1:]
	}
	after = bytes.TrimLeft(after, " \t")
	return col, len(after) > 0 && (after[0] == ':' || after[0] == '=')
}
