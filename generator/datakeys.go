package generator

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
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
	if line, col, msg := values.JSONProblem(src); msg != "" {
		return diag.Errorf(file, line, col, diag.Data, "%s", msg)
	}
	return nil
}
