package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
	"gopkg.in/yaml.v2"
)

// splitFrontMatter parses the front matter of a content file and returns
// its keys, the body, and the number of lines before the body (so that
// positions in the body can be reported as file lines).
func splitFrontMatter(file string, src []byte) (map[string]any, []byte, int, error) {
	return splitFrontMatterWith(file, src, yaml.UnmarshalStrict)
}

// splitFrontMatterTolerant is splitFrontMatter for YAML front matter that
// gives a key twice: as Hugo does, the last value wins. The warning is
// splitFrontMatter's error for it, which a build reports as a warning.
func splitFrontMatterTolerant(file string, src []byte, strictErr error) (map[string]any, []byte, int, *diag.Diagnostic) {
	var d *diag.Diagnostic
	if !errors.As(strictErr, &d) || !strings.Contains(d.Message, "front matter: duplicate key") {
		return nil, nil, 0, nil
	}
	fm, body, lines, err := splitFrontMatterWith(file, src, yaml.Unmarshal)
	if err != nil {
		return nil, nil, 0, nil
	}
	w := *d
	w.Severity = diag.Warning
	w.Message += " (the last value is used, as in Hugo)"
	return fm, body, lines, &w
}

// splitFrontMatterWith is splitFrontMatter with YAML decoded by yamlDecode.
func splitFrontMatterWith(file string, src []byte, yamlDecode func([]byte, any) error) (map[string]any, []byte, int, error) {
	src = values.TrimBOM(src)
	fm := map[string]any{}
	body, err := frontmatter.Parse(bytes.NewReader(src), &fm, frontMatterFormats(yamlDecode)...)
	if err != nil {
		return nil, nil, 0, frontMatterError(file, leadingBlankLines(src), err)
	}
	if len(body) > len(src) {
		body = src // cannot happen: the parser returns a suffix
	}
	head := src[:len(src)-len(body)]
	if len(body) == len(src) && startsWithDelimiter(src) {
		return nil, nil, 0, diag.Errorf(file, 1, 0, diag.FrontMatter, "front matter is not closed")
	}
	return normalizeMap(fm), body, bytes.Count(head, []byte("\n")), nil
}

// frontMatterFormats are the delimiters affsite accepts, as Hugo does:
// YAML between ---, TOML between +++, JSON as an object on top. A key
// given twice is an error in each (TOML's decoder rejects it itself),
// unless yamlDecode is yaml.Unmarshal.
func frontMatterFormats(yamlDecode func([]byte, any) error) []*frontmatter.Format {
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", yamlDecode),
		frontmatter.NewFormat("+++", "+++", toml.Unmarshal),
		{Start: "{", End: "}", Unmarshal: unmarshalJSONFrontMatter, UnmarshalDelims: true},
	}
}

// unmarshalJSONFrontMatter decodes JSON front matter after checking it
// as JSON data files are checked (checkJSON: duplicate keys).
func unmarshalJSONFrontMatter(data []byte, v any) error {
	if line, msg := jsonProblem(data); msg != "" {
		return &frontMatterLineError{line: line, msg: msg}
	}
	return json.Unmarshal(data, v)
}

// frontMatterLineError is a front-matter error at a line of the front
// matter's text (its first line, the "{" of JSON, is line 1).
type frontMatterLineError struct {
	line int
	msg  string
}

func (e *frontMatterLineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// leadingBlankLines counts the blank lines before the front matter,
// which the parser skips.
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

func startsWithDelimiter(src []byte) bool {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	switch strings.TrimSpace(string(first)) {
	case "---", "+++", "{":
		return true
	}
	return false
}

var (
	yamlLineRE   = regexp.MustCompile(`line (\d+)`)
	yamlDupKeyRE = regexp.MustCompile(`key (".*") already set in map`)
)

// frontMatterError turns a decoder's error into "file:line: message",
// with the line counted in the whole file; lead is the number of blank
// lines before the front matter.
func frontMatterError(file string, lead int, err error) error {
	msg := err.Error()
	var lerr *frontMatterLineError
	if errors.As(err, &lerr) {
		return diag.Errorf(file, lead+lerr.line, 0, diag.FrontMatter, "front matter: %s", lerr.msg)
	}
	var terr toml.ParseError
	if asTOML(err, &terr) {
		return diag.Errorf(file, lead+terr.Position.Line+1, 0, diag.FrontMatter, "front matter: %s", terr.Message)
	}
	if m := yamlLineRE.FindStringSubmatchIndex(msg); m != nil {
		n, _ := strconv.Atoi(msg[m[2]:m[3]])
		rest := strings.TrimPrefix(msg[m[1]:], ":")
		// yaml.v2's word for a key given twice, in the words of the
		// other formats.
		rest = yamlDupKeyRE.ReplaceAllString(rest, "duplicate key $1")
		return diag.Errorf(file, lead+n+1, 0, diag.FrontMatter, "front matter:%s", rest)
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return diag.Errorf(file, 1, 0, diag.FrontMatter, "front matter: %s", msg)
}

func asTOML(err error, target *toml.ParseError) bool {
	pe, ok := err.(toml.ParseError)
	if ok {
		*target = pe
	}
	return ok
}

// normalizeMap is values.NormalizeMap: YAML's maps as map[string]any.
func normalizeMap(m map[string]any) map[string]any { return values.NormalizeMap(m) }

// frontMatterKeyLine is the line of the file (head is its front matter,
// from the file's start) on which a top-level key is set, matched
// without regard to case as decodeMeta matches keys; 1 if none is found.
// It reads the text, so that it serves YAML (key:), TOML (key =) and
// JSON ("key":) alike.
func frontMatterKeyLine(head []byte, key string) int {
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
