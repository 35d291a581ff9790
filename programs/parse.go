package programs

import (
	"path"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Parse parses and validates one program file. file names the file in
// errors and gives the program's id (the base name without extension) and
// its format (.yaml, .yml, .json or .toml). Problems are returned as an
// [ErrorList].
func Parse(file string, src []byte) (*Program, error) {
	ext := path.Ext(file)
	id := strings.TrimSuffix(path.Base(file), ext)
	d := &decoder{file: file}
	root := d.parse(src)
	if id == "" {
		d.errorf(1, "the file name gives an empty program id")
	}
	if len(d.errs) > 0 {
		return nil, d.errs.sorted()
	}
	p := d.program(root, id)
	if err := d.errs.sorted(); err != nil {
		return nil, err
	}
	return p, nil
}

// parse parses the file's text by its extension: YAML or JSON (.yaml,
// .yml, .json), TOML (.toml); another is an error.
func (d *decoder) parse(src []byte) *yaml.Node {
	switch ext := path.Ext(d.file); strings.ToLower(ext) {
	case ".yaml", ".yml", ".json":
		return d.parseYAML(src)
	case ".toml":
		return d.parseTOML(src)
	default:
		d.errorf(1, "unsupported file type %q (want .yaml, .yml, .toml or .json)", ext)
		return nil
	}
}

// parseYAML parses YAML (or JSON, a subset of YAML) into a node tree,
// recording a syntax error with its line.
func (d *decoder) parseYAML(src []byte) *yaml.Node {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		line, msg := yamlErrorLine(err.Error())
		d.errorf(line, "%s", msg)
		return nil
	}
	return &root
}

// yamlErrorLine splits a yaml.v3 error, "yaml: line 3: did not find
// expected key", into its line and message; errors without a line are put
// on line 1.
func yamlErrorLine(s string) (int, string) {
	s = strings.TrimPrefix(s, "yaml: ")
	if rest, ok := strings.CutPrefix(s, "line "); ok {
		num, msg, found := strings.Cut(rest, ": ")
		if n, err := strconv.Atoi(num); found && err == nil {
			return n, "invalid YAML: " + msg
		}
	}
	return 1, "invalid YAML: " + s
}
