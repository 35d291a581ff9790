// Package values is what every reader of TOML, YAML and JSON text
// (front matter, data files, the configuration) does to the text and to
// the untyped values it decodes into: strip a byte-order mark, check
// JSON for syntax errors and duplicate keys, turn YAML's maps into
// map[string]any, and look keys up in any case.
package values

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/affsite/affsite/diag"
)

// TrimBOM strips a UTF-8 byte-order mark from the start of src.
func TrimBOM(src []byte) []byte {
	return bytes.TrimPrefix(src, []byte{0xEF, 0xBB, 0xBF})
}

// LookupKey finds key in m without regard to case. A key set to
// nothing ("tags:" in YAML) is no key, as in Hugo.
func LookupKey(m map[string]any, key string) (any, bool) {
	if v, ok := m[key]; ok {
		return v, v != nil
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v, v != nil
		}
	}
	return nil, false
}

// IndexFold returns the index of the first element of list that equals
// s without regard to case, or -1.
func IndexFold(list []string, s string) int {
	for i, e := range list {
		if strings.EqualFold(e, s) {
			return i
		}
	}
	return -1
}

// ContainsFold reports whether list holds s, without regard to case.
func ContainsFold(list []string, s string) bool { return IndexFold(list, s) >= 0 }

// NormalizeMap converts the map[interface{}]interface{} values that YAML
// decoding yields into map[string]any, so templates and jsonify work.
func NormalizeMap(m map[string]any) map[string]any {
	for k, v := range m {
		m[k] = NormalizeValue(v)
	}
	return m
}

// NormalizeValue is NormalizeMap for any decoded value: maps within it,
// and within its lists, become map[string]any.
func NormalizeValue(v any) any {
	switch t := v.(type) {
	case map[any]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[fmt.Sprint(k)] = NormalizeValue(e)
		}
		return out
	case map[string]any:
		return NormalizeMap(t)
	case []any:
		for i, e := range t {
			t[i] = NormalizeValue(e)
		}
		return t
	}
	return v
}

// JSONProblem finds the first syntax error or duplicate key of a JSON
// text, with its line and column (diag.LineCol: of the character that is
// wrong, the repeated key, or the end of a text left open); msg is "" when
// there is none. It is the one check of JSON data files, JSON front
// matter and JSON configuration files.
func JSONProblem(src []byte) (line, col int, msg string) {
	c := &jsonChecker{src: src, dec: json.NewDecoder(bytes.NewReader(src))}
	for {
		before := c.dec.InputOffset()
		tok, err := c.dec.Token()
		if errors.Is(err, io.EOF) {
			if len(c.stack) > 0 { // an object or array left open
				line, col := c.at(int64(len(bytes.TrimRight(src, " \t\r\n"))))
				return line, col, "unexpected end of JSON input"
			}
			return 0, 0, ""
		}
		if err != nil {
			return c.syntaxError(err)
		}
		if k, dup := c.token(tok); dup {
			return c.duplicate(before, k)
		}
	}
}

// jsonChecker reads a JSON document token by token, keeping a frame for
// each object and array open.
type jsonChecker struct {
	src   []byte
	dec   *json.Decoder
	stack []*jsonFrame
}

// jsonFrame is an open object or array.
type jsonFrame struct {
	object bool
	keys   map[string]bool
	key    bool // the next string token is a key
}

// at is the line and column of byte offset off.
func (c *jsonChecker) at(off int64) (line, col int) {
	return diag.LineCol(c.src, int(off))
}

// syntaxError places a decoding error at the character that is wrong.
// A Decoder's SyntaxError.Offset depends on how far it had buffered and
// scanned, so the text is read again by Unmarshal, whose Offset counts the
// bytes up to and including that character; without one, the error is
// placed where the decoder stopped.
func (c *jsonChecker) syntaxError(err error) (line, col int, msg string) {
	var se *json.SyntaxError
	if uerr := json.Unmarshal(c.src, new(json.RawMessage)); errors.As(uerr, &se) {
		line, col = c.at(se.Offset - 1)
		return line, col, uerr.Error()
	}
	line, col = c.at(c.dec.InputOffset())
	return line, col, err.Error()
}

// token takes in the next token; it returns the key when tok repeats a
// key of its object.
func (c *jsonChecker) token(tok json.Token) (string, bool) {
	var top *jsonFrame
	if len(c.stack) > 0 {
		top = c.stack[len(c.stack)-1]
	}
	if d, ok := tok.(json.Delim); ok {
		c.delim(d, top)
		return "", false
	}
	if top == nil || !top.object {
		return "", false
	}
	return top.take(tok)
}

// delim opens or closes an object or array; one that opens is the
// value of a key of top, when top is an object.
func (c *jsonChecker) delim(d json.Delim, top *jsonFrame) {
	if d != '{' && d != '[' {
		c.stack = c.stack[:len(c.stack)-1]
		return
	}
	if top != nil && top.object {
		top.key = true
	}
	c.stack = append(c.stack, &jsonFrame{object: d == '{', keys: map[string]bool{}, key: d == '{'})
}

// take reads tok, a key or a scalar value of object f; it returns the
// key when f already has it.
func (f *jsonFrame) take(tok json.Token) (string, bool) {
	if !f.key {
		f.key = true // a value: a key comes next
		return "", false
	}
	k, _ := tok.(string)
	if f.keys[k] {
		return k, true
	}
	f.keys[k], f.key = true, false
	return "", false
}

// duplicate places repeated key k: before is the offset after the
// previous token, and the key follows, perhaps on a later line.
func (c *jsonChecker) duplicate(before int64, k string) (line, col int, msg string) {
	i := bytes.Index(c.src[before:], []byte(strconv.Quote(k)))
	if i < 0 {
		i = 0
	}
	line, col = c.at(before + int64(i))
	return line, col, fmt.Sprintf("duplicate key %q", k)
}
