package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
	"gopkg.in/yaml.v3"
)

// lineError is a decoder's error at a line of its text (1-based), and
// at a column when it is known (0 when not).
type lineError struct {
	line, col int
	msg       string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// dupKey is a key given a second time, at a line and column of the
// decoder's text (the column 0 when not known).
type dupKey struct {
	key       string
	line, col int
}

// yamlLineRE finds the line in yaml.v3's syntax errors, which carry it
// only in their text ("yaml: line 3: did not find expected key").
var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// placeError turns a decoder's error into a diagnostic at the file's
// line and column; first is the file's line of the decoder's line 1 of
// text. An error without a line is put on the file's first line.
func placeError(file string, first int, text []byte, err error) error {
	var lerr *lineError
	if errors.As(err, &lerr) {
		return diag.Errorf(file, first+lerr.line-1, lerr.col, diag.FrontMatter, "front matter: %s", lerr.msg)
	}
	if terr, ok := err.(toml.ParseError); ok {
		col := terr.Position.Col
		if col > lineLength(text, terr.Position.Line)+1 {
			col = 0 // past the line's end (a key defined twice): not placed
		}
		return diag.Errorf(file, first+terr.Position.Line-1, col, diag.FrontMatter, "front matter: %s", terr.Message)
	}
	msg := err.Error()
	var yerr *yaml.TypeError
	if errors.As(err, &yerr) && len(yerr.Errors) > 0 {
		msg = yerr.Errors[0]
	}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		problem := msg[len(m[0]):]
		if yamlParserProblem(problem) {
			n++
		}
		return diag.Errorf(file, first+n-1, 0, diag.FrontMatter, "front matter: %s", problem)
	}
	return diag.Errorf(file, 1, 0, diag.FrontMatter, "front matter: %s", strings.TrimPrefix(msg, "yaml: "))
}

// yamlParserProblem tells whether a yaml.v3 syntax error comes from its
// parser rather than its scanner. yaml.v3 counts a parser error's line
// from 0 (its scanner's from 1): the line is that of the list or map left
// open, or of the problem.
func yamlParserProblem(problem string) bool {
	switch problem {
	case "did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"did not find expected '-' indicator", "did not find expected <document start>",
		"did not find expected key", "did not find expected node content",
		"found duplicate %TAG directive", "found duplicate %YAML directive",
		"found incompatible YAML document", "found undefined tag handle":
		return true
	}
	return false
}

// decodeJSON decodes JSON front matter after checking it as JSON data
// files are checked (values.JSONProblem: syntax and duplicate keys).
func decodeJSON(text []byte) (map[string]any, []dupKey, error) {
	if line, msg := values.JSONProblem(text); msg != "" {
		return nil, nil, &lineError{line: line, msg: msg}
	}
	m := map[string]any{}
	return m, nil, json.Unmarshal(text, &m)
}

// lineLength is the length in bytes of line n (1-based) of text, 0 past
// its end.
func lineLength(text []byte, n int) int {
	for line := range bytes.Lines(text) {
		if n--; n == 0 {
			return len(bytes.TrimRight(line, "\r\n"))
		}
	}
	return 0
}
