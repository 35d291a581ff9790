package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/affsite/affsite/diag"
)

// yamlErrLineRE finds the line that a yaml.v3 error names.
var yamlErrLineRE = regexp.MustCompile(`line (\d+): `)

// yamlError turns a yaml.v3 error into "file:line: message" with the
// line the decoder names; its multi-line "unmarshal errors" keep only
// the first.
func yamlError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	msg, _, _ = strings.Cut(strings.TrimSpace(msg), "\n")
	if m := yamlErrLineRE.FindStringSubmatchIndex(msg); m != nil && m[0] == 0 {
		n, _ := strconv.Atoi(msg[m[2]:m[3]])
		return diag.Errorf(file, n, 0, diag.Data, "%s", msg[m[1]:])
	}
	return diag.Errorf(file, 1, 0, diag.Data, "%s", msg)
}

// checkJSON reports a JSON data file's syntax errors and duplicate keys
// (which encoding/json accepts, keeping the last) as "file:line: …".
func checkJSON(file string, src []byte) error {
	if line, msg := jsonProblem(src); msg != "" {
		return diag.Errorf(file, line, 0, diag.Data, "%s", msg)
	}
	return nil
}

// jsonProblem finds the first syntax error or duplicate key of a JSON
// text, with its line; msg is "" when there is none. It is the one check
// of JSON data files and JSON front matter.
func jsonProblem(src []byte) (line int, msg string) {
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
