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
// text, with its line; msg is "" when there is none. It is the one check
// of JSON data files and JSON front matter.
func JSONProblem(src []byte) (line int, msg string) {
	dec := json.NewDecoder(bytes.NewReader(src))
	lineAt := func(off int64) int {
		return bytes.Count(src[:min(int(off), len(src))], []byte("\n")) + 1
	}
	type frame struct {
		object bool
		keys   map[string]bool
		key    bool // the next string token is a key
	}
	var stack []*frame
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return 0, ""
		}
		if err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				return lineAt(se.Offset), err.Error()
			}
			return lineAt(dec.InputOffset()), err.Error()
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if top != nil && top.object {
					top.key = true
				}
				stack = append(stack, &frame{object: d == '{', keys: map[string]bool{}, key: d == '{'})
			default:
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if top == nil || !top.object {
			continue
		}
		if top.key {
			k, _ := tok.(string)
			if top.keys[k] {
				// before is the offset after the previous token; the key
				// itself follows, perhaps on a later line.
				rest := src[before:]
				i := bytes.Index(rest, []byte(strconv.Quote(k)))
				if i < 0 {
					i = 0
				}
				return lineAt(before + int64(i)), fmt.Sprintf("duplicate key %q", k)
			}
			top.keys[k] = true
			top.key = false
			continue
		}
		top.key = true
	}
}
