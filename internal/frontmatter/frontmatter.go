// Package frontmatter reads the front matter of a content file as Hugo
// does: YAML between --- lines, TOML between +++ lines, or a JSON object
// whose braces stand on their own lines. A key given twice is an error in
// TOML and JSON; in YAML it is reported in Result.Duplicates, and the
// last value is kept, so that the caller decides (affsite's own sites
// refuse it, Hugo sites get a warning). YAML reads as YAML 1.1 did in
// Hugo: yes/no/on/off are booleans and dates stay text.
package frontmatter

import (
	"bytes"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
)

// Result is a content file split into its front matter and body.
type Result struct {
	// Keys are the front matter's keys, maps within as map[string]any.
	Keys map[string]any
	// Body is the file after the front matter (a suffix of the file).
	Body []byte
	// Lines is the number of lines before the body, so that a position
	// in the body can be reported as a line of the file.
	Lines int
	// Duplicates are the YAML keys given twice, each an error at the
	// second key's line; Keys holds the last value of each.
	Duplicates diag.List
}

// format is one way of writing front matter (formatOf has its opening
// line): the line that closes it, its decoder, and what finds where its
// items are written (PlacesOf). withDelims says that the opening and
// closing lines are part of the text the decoder reads (JSON's braces).
type format struct {
	end        string
	withDelims bool
	decode     func(text []byte) (map[string]any, []dupKey, error)
	places     func(text []byte, add func(path []string, key, value Pos))
}

// formatOf is the format whose opening line is start, if any.
func formatOf(start []byte) (format, bool) {
	switch string(start) {
	case "---":
		return format{end: "---", decode: decodeYAML, places: yamlPlaces}, true
	case "+++":
		return format{end: "+++", decode: decodeTOML, places: TOMLPlaces}, true
	case "{":
		return format{end: "}", withDelims: true, decode: decodeJSON, places: yamlPlaces}, true
	}
	return format{}, false
}

// Parse splits src, the content of file (a name for messages), into its
// front matter and body. A file without front matter is all body. An
// error is a *diag.Diagnostic with the file's line.
func Parse(file string, src []byte) (Result, error) {
	src = values.TrimBOM(src)
	f, text, end, ok := cut(src)
	if !ok {
		if startsWithDelimiter(src) {
			return Result{}, diag.Errorf(file, 1, 0, diag.FrontMatter, "front matter is not closed")
		}
		return Result{Keys: map[string]any{}, Body: src}, nil
	}
	keys, dups, err := f.decode(text)
	first := firstLine(src, f) // the decoders count lines in their text
	if err != nil {
		return Result{}, placeError(file, first, text, err)
	}
	r := Result{Keys: values.NormalizeMap(keys), Body: src[end:], Lines: bytes.Count(src[:end], []byte("\n"))}
	for _, d := range dups {
		r.Duplicates = append(r.Duplicates, *diag.Errorf(file, first+d.line-1, d.col, diag.FrontMatter, "front matter: duplicate key %q", d.key))
	}
	return r, nil
}

// cut finds the front matter of src: the first line that is not blank
// opens it if it is a format's start (and not the file's last line), and
// the next line that is the format's end closes it; both are compared
// without surrounding space. It returns the format, the text its decoder
// reads and the offset of the body; ok is false if there is no front
// matter or it is not closed.
func cut(src []byte) (f format, text []byte, end int, ok bool) {
	off := 0
	line, next, last := lineAt(src, off)
	for len(line) == 0 && !last {
		off = next
		line, next, last = lineAt(src, off)
	}
	if f, ok = formatOf(line); !ok || last {
		return format{}, nil, 0, false
	}
	start := next
	if f.withDelims {
		start = off
	}
	for pos := next; ; {
		line, after, last := lineAt(src, pos)
		if string(line) == f.end {
			if f.withDelims {
				return f, src[start:after], after, true
			}
			return f, src[start:pos], after, true
		}
		if last {
			return format{}, nil, 0, false
		}
		pos = after
	}
}

// lineAt is the line of src that starts at off, without surrounding
// space; next is the offset after its newline, and last says that it has
// none (it ends the file).
func lineAt(src []byte, off int) (line []byte, next int, last bool) {
	rest := src[off:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		return bytes.TrimSpace(rest), len(src), true
	}
	return bytes.TrimSpace(rest[:i]), off + i + 1, false
}

// leadingBlankLines counts the blank lines before the front matter.
func leadingBlankLines(src []byte) int {
	n := 0
	for line := range bytes.Lines(src) {
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
		n++
	}
	return n
}

// startsWithDelimiter tells whether the file's first line opens front
// matter, so that a file whose front matter is never closed is an error
// rather than all body.
func startsWithDelimiter(src []byte) bool {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	switch strings.TrimSpace(string(first)) {
	case "---", "+++", "{":
		return true
	}
	return false
}

// decodeTOML decodes TOML front matter; its decoder rejects a key given
// twice itself.
func decodeTOML(text []byte) (map[string]any, []dupKey, error) {
	m := map[string]any{}
	return m, nil, toml.Unmarshal(text, &m)
}
