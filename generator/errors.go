package generator

import (
	"sort"
	"strings"
)

// ErrorList is several errors of one build, each reading
// "file:line: message", sorted by file and line.
type ErrorList []error

// maxErrors is how many errors a build reports at most.
const maxErrors = 50

// Error joins the errors one a line, at most maxErrors of them.
func (l ErrorList) Error() string {
	var sb strings.Builder
	for i, e := range l {
		if i == maxErrors {
			sb.WriteString("\n… and more errors")
			break
		}
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(e.Error())
	}
	return sb.String()
}

// errorList returns nil for no errors, the error itself for one, and a
// sorted ErrorList for more.
func errorList(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	l := ErrorList(errs)
	sort.SliceStable(l, func(i, j int) bool { return l[i].Error() < l[j].Error() })
	return l
}
