package frontmatter

import (
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
		line, col := TOMLErrorPlace(text, terr)
		return diag.Errorf(file, first+line-1, col, diag.FrontMatter, "front matter: %s", terr.Message)
	}
	n, problem, ok := YAMLErrorLine(err)
	if !ok {
		return diag.Errorf(file, 1, 0, diag.FrontMatter, "front matter: %s", problem)
	}
	return diag.Errorf(file, first+n-1, 0, diag.FrontMatter, "front matter: %s", problem)
}

// TOMLErrorPlace is the line and column in text of a TOML parse error:
// the parser's line, and the column of the byte offset it gives
// (Position.Start; its Col is counted from the line before for an error
// at a line's first character, and in bytes); column 0 when that offset
// is not on the parser's line. Front matter, configuration and data
// files place TOML errors with it.
func TOMLErrorPlace(text []byte, perr toml.ParseError) (line, col int) {
	line, col = diag.LineCol(text, perr.Position.Start)
	if line != perr.Position.Line {
		return perr.Position.Line, 0
	}
	return line, col
}

// YAMLError is a yaml.v3 error decoding file, as a whole (a configuration
// or data file, not front matter): "file:line: message" at the line it
// names (YAMLErrorLine), else at line 1, with code.
func YAMLError(file string, code diag.Code, err error) error {
	line, msg, _ := YAMLErrorLine(err)
	return diag.Errorf(file, max(line, 1), 0, code, "%s", msg)
}

// YAMLErrorLine is the line a yaml.v3 error names and its message
// without it; ok is false when it names none (the message is then the
// error's, without "yaml: "). yaml.v3 gives no column: it keeps only a
// line, in the text of its errors. Front matter and configuration files
// place YAML errors with it.
func YAMLErrorLine(err error) (line int, msg string, ok bool) {
	msg = err.Error()
	var yerr *yaml.TypeError
	if errors.As(err, &yerr) && len(yerr.Errors) > 0 {
		msg = yerr.Errors[0]
	}
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return 0, strings.TrimPrefix(msg, "yaml: "), false
	}
	line, _ = strconv.Atoi(m[1])
	msg = msg[len(m[0]):]
	if yamlParserProblem(msg) {
		line++
	}
	return line, msg, true
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
	if line, col, msg := values.JSONProblem(text); msg != "" {
		return nil, nil, &lineError{line: line, col: col, msg: msg}
	}
	m := map[string]any{}
	return m, nil, json.Unmarshal(text, &m)
}
