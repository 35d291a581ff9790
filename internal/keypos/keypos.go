// Package keypos finds where a key is set in the text of a YAML, TOML or
// JSON file (key:, key =, "key":), so that a diagnostic can point at it.
// It reads the text rather than a parse tree, so that it serves the three
// formats alike. (Front matter has its parsers' own positions:
// frontmatter.PlacesOf.)
package keypos

import "bytes"

// Any returns the line and column of key's first definition in src at
// any depth, matched exactly, as a YAML list item ("- key:") too, quoted
// with " or '; 1, 1 if none is found.
func Any(src []byte, key string) (line, col int) {
	if line, col, ok := Find(src, key); ok {
		return line, col
	}
	return 1, 1
}

// Find is Any that says whether key is set at all, for a caller to whom
// 1, 1 is not a place to point at when it is not.
func Find(src []byte, key string) (line, col int, ok bool) {
	for n := 1; len(src) > 0; n++ {
		l, rest, _ := bytes.Cut(src, []byte("\n"))
		src = rest
		if c, ok := keyCol(l, key); ok {
			return n, c, true
		}
	}
	return 0, 0, false
}

// keyCol returns the column at which line sets key, and whether it does.
func keyCol(line []byte, key string) (int, bool) {
	quote := func(b []byte) bool { return len(b) > 0 && (b[0] == '"' || b[0] == '\'') }
	l := bytes.TrimLeft(line, " \t-")
	if quote(l) {
		l = l[1:]
	}
	col := len(line) - len(l) + 1
	if len(l) < len(key) || !bytes.Equal(l[:len(key)], []byte(key)) {
		return 0, false
	}
	after := l[len(key):]
	if quote(after) {
		after = after[1:]
	}
	after = bytes.TrimLeft(after, " \t")
	return col, len(after) > 0 && (after[0] == ':' || after[0] == '=')
}
