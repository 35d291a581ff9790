package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progressDelay is how long a build runs before its progress is shown:
// a quick build prints only its summary.
const progressDelay = time.Second

// progressLine shows "Rendering pages: 120/5000" on one line of a
// terminal, rewritten in place with a carriage return, once the build
// has run for progressDelay. The count only grows, so a line never needs
// more than "\r" to replace the one before; no terminal escape codes, so
// that old Windows consoles show it too.
type progressLine struct {
	w     io.Writer
	start time.Time
	now   func() time.Time
	width int // of the line shown, 0 when none is
}

// newProgressLine returns a progress line on w, or nil when w is not a
// terminal: in a CI log or a file, progress would be noise.
func newProgressLine(w io.Writer, start time.Time) *progressLine {
	if !isTerminal(w) {
		return nil
	}
	return &progressLine{w: w, start: start, now: time.Now}
}

// isTerminal reports whether w is a terminal (a character device, so
// /dev/null counts, which is harmless), and not one that says it cannot
// move the cursor.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// update shows done of total; it is generator.Options.Progress.
func (p *progressLine) update(done, total int) {
	if p.width == 0 && p.now().Sub(p.start) < progressDelay {
		return
	}
	line := fmt.Sprintf("Rendering pages: %d/%d", done, total)
	p.width = max(p.width, len(line))
	fmt.Fprintf(p.w, "\r%-*s", p.width, line)
}

// clear erases the line, if one is shown, so that what follows starts at
// the beginning of an empty line. A nil line does nothing.
func (p *progressLine) clear() {
	if p == nil || p.width == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	p.width = 0
}
