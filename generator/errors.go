package generator

import "github.com/affsite/affsite/diag"

// errorList is diag.Join: nil for no errors, the error itself for one,
// the sorted diag.List of all of them for more.
func errorList(errs []error) error { return diag.Join(errs) }
