// Package diag is the one type of affsite's errors and warnings: a
// Diagnostic has a file, a line and column, a severity, a stable code
// that tools filter on, and a message. The build, affsite check and the
// preview server all report Diagnostics; nothing parses message text
// back. Packages below the generator (shortcodes, programs) keep their
// own error types and say where they are by implementing Positioned.
package diag

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Severity says how bad a diagnostic is.
type Severity string

// Severities. Only errors stop a build or fail a check.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Code names the rule a diagnostic comes from, stably: tools and
// affsite check filter on it, never on the message.
type Code string

// Codes of affsite's diagnostics.
const (
	Unplaced    Code = ""                     // an error that says nothing of its place
	Config      Code = "config"               // site.toml, hugo.toml, config.toml
	FrontMatter Code = "front-matter"         // a content file's front matter
	Content     Code = "content"              // a content file's body or URL
	Shortcode   Code = "shortcode"            // a shortcode's syntax, arguments or output
	Template    Code = "template"             // a layout or partial
	Data        Code = "data"                 // data/ and program files
	Source      Code = "source"               // a site file that cannot be read as one
	Output      Code = "output"               // two sources for one output file
	Sponsored   Code = "affiliate-rel"        // an affiliate link without rel="sponsored"
	Disclosure  Code = "affiliate-disclosure" // an affiliate link before any disclosure
	Figure      Code = "data-figure"          // a figure typed in prose that the program data has or contradicts
	RefID       Code = "ref-id"               // a program's referral id is missing or a placeholder
)

// Diagnostic is one error or warning, at a place in a site's files. Line
// and Col are 1-based; 0 means unknown.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"col,omitempty"`
	Severity Severity `json:"level"`
	Code     Code     `json:"code,omitempty"`
	Message  string   `json:"message"`
	// Err is the error the message wraps (with %w), for errors.Is.
	Err error `json:"-"`
}

// Errorf returns an error Diagnostic; %w wraps an error as fmt.Errorf
// does.
func Errorf(file string, line, col int, code Code, format string, args ...any) *Diagnostic {
	err := fmt.Errorf(format, args...)
	return &Diagnostic{File: file, Line: line, Col: col, Severity: Error, Code: code, Message: err.Error(), Err: errors.Unwrap(err)}
}

// Unwrap returns the error the diagnostic wraps.
func (d Diagnostic) Unwrap() error { return d.Err }

// Warningf returns a warning Diagnostic.
func Warningf(file string, line, col int, code Code, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...)}
}

// Error formats d as the build prints it: "file:line:col: message",
// leaving out what is unknown.
func (d Diagnostic) Error() string { return d.Place() + d.Message }

// Place is "file:line:col: " (or the part of it that is known), or "".
func (d Diagnostic) Place() string {
	switch {
	case d.File == "" && d.Line == 0:
		return ""
	case d.Line == 0:
		return d.File + ": "
	case d.Col == 0:
		return fmt.Sprintf("%s:%d: ", d.File, d.Line)
	}
	return fmt.Sprintf("%s:%d:%d: ", d.File, d.Line, d.Col)
}

// String formats d as affsite check prints it: "file:line: level:
// message", the column after the message.
func (d Diagnostic) String() string {
	msg := d.Message
	if d.Col > 0 {
		msg += fmt.Sprintf(" (column %d)", d.Col)
	}
	switch {
	case d.File == "":
		return fmt.Sprintf("%s: %s", d.Severity, msg)
	case d.Line == 0:
		return fmt.Sprintf("%s: %s: %s", d.File, d.Severity, msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", d.File, d.Line, d.Severity, msg)
}

// LineCol returns the 1-based line and column (in runes) of byte offset
// off in src, as a Diagnostic gives them. An offset outside src is
// clamped to it.
func LineCol(src []byte, off int) (line, col int) {
	off = max(0, min(off, len(src)))
	before := src[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

// Positioned is an error of another package that knows its place.
type Positioned interface {
	error
	Diagnostic() Diagnostic
}

// List is several diagnostics, sorted by Sort.
type List []Diagnostic

// maxShown is how many diagnostics List.Error prints at most.
const maxShown = 50

// Error prints the diagnostics one a line, at most maxShown of them.
func (l List) Error() string {
	var sb strings.Builder
	for i := range l {
		if i == maxShown {
			sb.WriteString("\n… and more errors")
			break
		}
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(l[i].Error())
	}
	return sb.String()
}

// Sort orders l by file, line, column and message, and drops exact
// duplicates.
func (l *List) Sort() {
	slices.SortFunc(*l, func(a, b Diagnostic) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			strings.Compare(a.Message, b.Message), strings.Compare(string(a.Severity), string(b.Severity)))
	})
	*l = slices.CompactFunc(*l, func(a, b Diagnostic) bool {
		return a.File == b.File && a.Line == b.Line && a.Col == b.Col && a.Severity == b.Severity && a.Code == b.Code && a.Message == b.Message
	})
}

// Of returns the diagnostics an error holds: a Diagnostic or a List as
// they are, a Positioned error's own, the errors joined by errors.Join
// (or held by an ErrorList-like []error) each in turn, and any other
// error as one error Diagnostic with no place.
func Of(err error) List {
	if err == nil {
		return nil
	}
	var out List
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case *Diagnostic:
			out = append(out, *e)
			return
		case Diagnostic:
			out = append(out, e)
			return
		case List:
			out = append(out, e...)
			return
		case Positioned:
			d := e.Diagnostic()
			if d.Severity == "" {
				d.Severity = Error
			}
			out = append(out, d)
			return
		case interface{ Unwrap() []error }:
			for _, c := range e.Unwrap() {
				walk(c)
			}
			return
		}
		// A wrapped Positioned error whose wrapper adds nothing to its
		// text is still that error.
		var p Positioned
		if errors.As(err, &p) && p.Error() == err.Error() {
			walk(p)
			return
		}
		out = append(out, Diagnostic{Severity: Error, Message: err.Error()})
	}
	walk(err)
	return out
}

// Join returns nil for no errors, the error itself for one, and the
// sorted List of all of them for more.
func Join(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	var l List
	for _, e := range errs {
		l = append(l, Of(e)...)
	}
	l.Sort()
	return l
}
