package programs

import (
	"gopkg.in/yaml.v3"
)

// ParseNode parses a data file into the node tree program files are
// decoded from, each value with its literal text and line: YAML or JSON
// (.yaml, .yml, .json) as yaml.v3 reads it, TOML (.toml) converted with
// the same rules as program files. Other data folders (data/links) read
// their files with it, so that their errors read as program files' do.
// An empty file gives a nil node. A syntax error is an [ErrorList] of "file:line: invalid …" errors.
func ParseNode(file string, src []byte) (*yaml.Node, error) {
	d := &decoder{file: file}
	root := d.parse(src)
	if err := d.errs.sorted(); err != nil {
		return nil, err
	}
	if root != nil && root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, nil // an empty file
		}
		root = root.Content[0]
	}
	return root, nil
}
