package frontmatter

import "bytes"

// KeyLine is the line of the file (head is its front matter, from the
// file's start) on which a top-level key is set, matched without regard
// to case as page fields are; 1 if none is found. It reads the text, so
// that it serves YAML (key:), TOML (key =) and JSON ("key":) alike.
func KeyLine(head []byte, key string) int {
	for n := 1; len(head) > 0; n++ {
		line, rest, _ := bytes.Cut(head, []byte("\n"))
		head = rest
		l := bytes.TrimLeft(line, " \t")
		if len(l) < len(line) && l[0] != '"' {
			continue // indented: a key of a nested table or map
		}
		l = bytes.TrimPrefix(l, []byte(`"`))
		if len(l) <= len(key) || !bytes.EqualFold(l[:len(key)], []byte(key)) {
			continue
		}
		after := bytes.TrimLeft(bytes.TrimPrefix(l[len(key):], []byte(`"`)), " \t")
		if len(after) > 0 && (after[0] == ':' || after[0] == '=') {
			return n
		}
	}
	return 1
}
