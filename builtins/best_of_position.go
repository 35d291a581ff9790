package builtins

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/affsite/affsite/shortcodes"
)

// This file finds where a page's front matter writes a top-level key and
// the items of its list, so that an error about a best_of item names its
// line. It reads the text, as the generator finds a front-matter key's
// line, so that it serves YAML, TOML and JSON alike: a YAML block list
// ("- program: …"), a flow list or JSON array ([{…}, {…}]), or TOML's
// [[best_of]] tables.

// frontMatterKeyOffset is the byte offset in fm (a file's text up to its
// body) of the top-level key, matched without regard to case, and the
// offset just after its ":" or "="; ok is false when fm does not set it.
func frontMatterKeyOffset(fm []byte, key string) (at, after int, ok bool) {
	for start := 0; start < len(fm); {
		line, _, _ := bytes.Cut(fm[start:], []byte("\n"))
		lineStart := start
		start += len(line) + 1
		l := bytes.TrimLeft(line, " \t")
		if len(l) < len(line) && (len(l) == 0 || l[0] != '"') {
			continue // indented: a key of a nested table (JSON's keys are quoted)
		}
		keyAt := lineStart + len(line) - len(l)
		l = bytes.TrimPrefix(l, []byte(`"`))
		if len(l) <= len(key) || !bytes.EqualFold(l[:len(key)], []byte(key)) {
			continue
		}
		rest := bytes.TrimPrefix(l[len(key):], []byte(`"`))
		sep := bytes.TrimLeft(rest, " \t")
		if len(sep) > 0 && (sep[0] == ':' || sep[0] == '=') {
			return keyAt, lineStart + len(line) - len(sep) + 1, true
		}
	}
	return 0, 0, false
}

// frontMatterItemOffset is the byte offset in fm of item n (1-based) of
// the top-level list key; ok is false when it cannot be found.
func frontMatterItemOffset(fm []byte, key string, n int) (int, bool) {
	if off, ok := tomlTableOffset(fm, key, n); ok {
		return off, true
	}
	_, after, ok := frontMatterKeyOffset(fm, key)
	if !ok {
		return 0, false
	}
	value := after + len(fm[after:]) - len(bytes.TrimLeft(fm[after:], " \t\r\n"))
	if value < len(fm) && fm[value] == '[' {
		return flowItemOffset(fm, value, n)
	}
	return blockItemOffset(fm, after, n)
}

// tomlTableOffset is the offset of the nth [[key]] table header of fm.
func tomlTableOffset(fm []byte, key string, n int) (int, bool) {
	count := 0
	for start := 0; start < len(fm); {
		line, _, _ := bytes.Cut(fm[start:], []byte("\n"))
		lineStart := start
		start += len(line) + 1
		t := strings.ReplaceAll(strings.TrimSpace(string(line)), " ", "")
		if strings.EqualFold(t, "[["+key+"]]") {
			if count++; count == n {
				return lineStart + len(line) - len(bytes.TrimLeft(line, " \t")), true
			}
		}
	}
	return 0, false
}

// flowItemOffset is the offset of item n of the flow list or JSON array
// that opens at fm[open]: where the nth value at depth 1 starts.
func flowItemOffset(fm []byte, open, n int) (int, bool) {
	depth, count, expect := 0, 0, false
	var quote byte
	for i := open; i < len(fm); i++ {
		c := fm[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			continue
		}
		if expect && depth == 1 && c != ']' {
			if count++; count == n {
				return i, true
			}
			expect = false
		}
		switch c {
		case '"', '\'':
			quote = c
		case '[', '{':
			if depth++; depth == 1 {
				expect = true
			}
		case ']', '}':
			if depth--; depth == 0 {
				return 0, false
			}
		case ',':
			expect = depth == 1
		}
	}
	return 0, false
}

// blockItemOffset is the offset of the dash of item n of the YAML block
// list on the lines after after: the lines starting with "-" at the
// first item's indentation, until a line less indented than it.
func blockItemOffset(fm []byte, after, n int) (int, bool) {
	_, rest, _ := bytes.Cut(fm[after:], []byte("\n"))
	start := len(fm) - len(rest)
	indent, count := -1, 0
	for start < len(fm) {
		line, _, _ := bytes.Cut(fm[start:], []byte("\n"))
		lineStart := start
		start += len(line) + 1
		t := bytes.TrimLeft(line, " \t")
		if len(bytes.TrimSpace(t)) == 0 || t[0] == '#' {
			continue
		}
		in := len(line) - len(t)
		if indent < 0 {
			indent = in
		}
		if in < indent || in == indent && t[0] != '-' {
			return 0, false
		}
		if in == indent {
			if count++; count == n {
				return lineStart + in, true
			}
		}
	}
	return 0, false
}

// frontMatterErrorf returns an error at the top-level key of the page's
// front matter (item n of its list when n > 0), or at the shortcode when
// the page's own front matter does not write it (the site's params or a
// cascade gave it).
func (st *PageState) frontMatterErrorf(inv *shortcodes.Invocation, key string, n int) func(format string, args ...any) error {
	off, ok := 0, false
	if n > 0 {
		off, ok = frontMatterItemOffset(st.FrontMatter, key, n)
	} else {
		off, _, ok = frontMatterKeyOffset(st.FrontMatter, key)
	}
	if !ok {
		return inv.Errorf
	}
	line, col := shortcodes.LineCol(st.FrontMatter, off)
	file := st.File
	if inv.Env != nil && inv.Env.File != "" {
		file = inv.Env.File
	}
	return func(format string, args ...any) error {
		err := fmt.Errorf(format, args...)
		return &shortcodes.PosError{File: file, Line: line, Col: col, Msg: err.Error(), Err: errors.Unwrap(err)}
	}
}
