package generator

import (
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/values"
)

// checkJSON reports a JSON data file's syntax errors and duplicate keys
// (which encoding/json accepts, keeping the last) as "file:line:col: …".
func checkJSON(file string, src []byte) error {
	if line, col, msg := values.JSONProblem(src); msg != "" {
		return diag.Errorf(file, line, col, diag.Data, "%s", msg)
	}
	return nil
}
