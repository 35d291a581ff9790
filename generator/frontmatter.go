package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v2"
)

// utf8BOM is stripped from the start of content files.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// splitFrontMatter parses the front matter of a content file and returns
// its keys, the body, and the number of lines before the body (so that
// positions in the body can be reported as file lines).
func splitFrontMatter(file string, src []byte) (map[string]any, []byte, int, error) {
	src = bytes.TrimPrefix(src, utf8BOM)
	fm := map[string]any{}
	body, err := frontmatter.Parse(bytes.NewReader(src), &fm, frontMatterFormats()...)
	if err != nil {
		return nil, nil, 0, frontMatterError(file, src, err)
	}
	if len(body) > len(src) {
		body = src // cannot happen: the parser returns a suffix
	}
	head := src[:len(src)-len(body)]
	if len(body) == len(src) && startsWithDelimiter(src) {
		return nil, nil, 0, fmt.Errorf("%s:1: front matter is not closed", file)
	}
	return normalizeMap(fm), body, bytes.Count(head, []byte("\n")), nil
}

// frontMatterFormats are the delimiters affsite accepts, as Hugo does:
// YAML between ---, TOML between +++, JSON as an object on top.
func frontMatterFormats() []*frontmatter.Format {
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", yaml.Unmarshal),
		frontmatter.NewFormat("+++", "+++", toml.Unmarshal),
		{Start: "{", End: "}", Unmarshal: json.Unmarshal, UnmarshalDelims: true},
	}
}

func startsWithDelimiter(src []byte) bool {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	switch strings.TrimSpace(string(first)) {
	case "---", "+++", "{":
		return true
	}
	return false
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// frontMatterError turns a decoder's error into "file:line: message",
// with the line counted in the whole file.
func frontMatterError(file string, src []byte, err error) error {
	msg := err.Error()
	var terr toml.ParseError
	if asTOML(err, &terr) {
		return fmt.Errorf("%s:%d: front matter: %s", file, terr.Position.Line+1, terr.Message)
	}
	if m := yamlLineRE.FindStringSubmatchIndex(msg); m != nil {
		n, _ := strconv.Atoi(msg[m[2]:m[3]])
		rest := strings.TrimPrefix(msg[m[1]:], ":")
		return fmt.Errorf("%s:%d: front matter:%s", file, n+1, rest)
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return fmt.Errorf("%s:1: front matter: %s", file, msg)
}

func asTOML(err error, target *toml.ParseError) bool {
	pe, ok := err.(toml.ParseError)
	if ok {
		*target = pe
	}
	return ok
}

// normalizeMap converts the map[interface{}]interface{} values that YAML
// decoding yields into map[string]any, so templates and jsonify work.
func normalizeMap(m map[string]any) map[string]any {
	for k, v := range m {
		m[k] = normalizeValue(v)
	}
	return m
}

func normalizeValue(v any) any {
	switch t := v.(type) {
	case map[any]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[fmt.Sprint(k)] = normalizeValue(e)
		}
		return out
	case map[string]any:
		return normalizeMap(t)
	case []any:
		for i, e := range t {
			t[i] = normalizeValue(e)
		}
		return t
	}
	return v
}
