package frontmatter

import (
	"errors"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"
)

// yamlTypeRE reads yaml.v3's decoding errors, which give the line of
// the node and its tag only in their text ("line 2: cannot unmarshal
// !!seq into string").
var yamlTypeRE = regexp.MustCompile(`^line (\d+): cannot (?:unmarshal|decode) (!!\w+)`)

// placeTypeError gives a decoding error of root (a value of a type that
// cannot be where it is: a list as a key, a list for the whole front
// matter) the column of its node: the last node, in the tree's order, on
// the error's line with the error's tag. Other errors are returned as they are.
func placeTypeError(root *yaml.Node, err error) error {
	var yerr *yaml.TypeError
	if !errors.As(err, &yerr) || len(yerr.Errors) == 0 {
		return err
	}
	m := yamlTypeRE.FindStringSubmatch(yerr.Errors[0])
	if m == nil {
		return err
	}
	line, _ := strconv.Atoi(m[1])
	var col int
	walk(root, func(n *yaml.Node) { // the last one: a key's map, not the map it is a key of
		if n.Kind != yaml.DocumentNode && n.Line == line && n.ShortTag() == m[2] {
			col = n.Column
		}
	})
	if col == 0 {
		return err
	}
	msg := yerr.Errors[0][len("line ")+len(m[1])+len(": "):]
	return &lineError{line: line, col: col, msg: msg}
}
