package generator

import "github.com/affsite/affsite/diag"

// errorList returns nil for no errors, the error itself for one, and the
// sorted diag.List of all of them for more.
func errorList(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	var l diag.List
	for _, e := range errs {
		l = append(l, diag.Of(e)...)
	}
	l.Sort()
	return l
}
