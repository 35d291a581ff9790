package programs

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/affsite/affsite/diag"
)

// Error is one problem in a program data file, at a line.
type Error struct {
	File string // path of the file, as given to Load or Parse
	Line int    // 1-based line number
	Msg  string
}

// Error returns "file:line: msg".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Diagnostic implements diag.Positioned.
func (e *Error) Diagnostic() diag.Diagnostic {
	return diag.Diagnostic{File: e.File, Line: e.Line, Severity: diag.Error, Code: diag.Data, Message: e.Msg}
}

// Unwrap returns the errors, so diag.Of sees each.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// ErrorList is every problem found, sorted by file and then line.
type ErrorList []*Error

// Error returns the errors one per line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// sorted sorts l by file then line, keeping the order of errors on one line,
// and returns it as an error, or nil when l is empty.
func (l ErrorList) sorted() error {
	if len(l) == 0 {
		return nil
	}
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	return l
}
