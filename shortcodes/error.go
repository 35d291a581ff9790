package shortcodes

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/affsite/affsite/diag"
)

// Error is a syntax error found by Parse. Offset is a byte offset into the
// parsed source; Line and Col are 1-based, Col counted in runes.
type Error struct {
	Line, Col int
	Offset    int
	Msg       string
}

// Error formats the error as "LINE:COL: msg".
func (e *Error) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// At returns e as a PosError naming file, with lineOffset (the lines before
// the parsed body, such as front matter) added to its line.
func (e *Error) At(file string, lineOffset int) *PosError {
	return &PosError{File: file, Line: e.Line + lineOffset, Col: e.Col, Msg: e.Msg}
}

// PosError is an error positioned in a content file, as returned by Expand
// and Invocation.Errorf. Line is file-relative (front matter included).
type PosError struct {
	File      string
	Line, Col int
	Msg       string
	Err       error // the underlying error, if any (a template or built-in error)
}

// Error formats the error as "file:line:col: msg", or "line:col: msg" when
// File is empty.
func (e *PosError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Unwrap returns the underlying error, so errors.Is and errors.As see it.
func (e *PosError) Unwrap() error { return e.Err }

// Diagnostic implements diag.Positioned.
func (e *PosError) Diagnostic() diag.Diagnostic {
	return diag.Diagnostic{File: e.File, Line: e.Line, Col: e.Col, Severity: diag.Error, Code: diag.Shortcode, Message: e.Msg}
}

// lineCounter computes line:col for offsets visited in increasing order
// without rescanning the source from the start each time.
type lineCounter struct {
	src       []byte
	off, line int // line (1-based) holding byte offset off
	lineStart int // offset where that line starts
}

func (c *lineCounter) at(off int) (line, col int) {
	off = max(0, min(off, len(c.src)))
	if c.line == 0 || off < c.off {
		c.off, c.line, c.lineStart = 0, 1, 0
	}
	seg := c.src[c.off:off]
	if n := bytes.Count(seg, []byte("\n")); n > 0 {
		c.line += n
		c.lineStart = c.off + bytes.LastIndexByte(seg, '\n') + 1
	}
	c.off = off
	return c.line, utf8.RuneCount(c.src[c.lineStart:off]) + 1
}
