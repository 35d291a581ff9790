package shortcodes

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/plural"
	"github.com/affsite/affsite/internal/suggest"
)

// Args declares the arguments a built-in shortcode takes, given to
// Registry.Add with WithArgs. Expand checks every use of the built-in
// against it before the built-in runs, so a misspelt argument is an error
// at its position instead of being ignored.
type Args struct {
	// Named are the names of the named arguments the built-in reads.
	Named []string
	// Positional names the positional arguments in order; empty when the
	// built-in takes none.
	Positional []string
	// Example shows named arguments, such as `program="id" Starter=6`, in
	// the error for positional ones when Positional is empty. Without it
	// the error lists Named.
	Example string
	// OtherNamed, when set, accepts named arguments beyond Named if it
	// returns nil for them: earnings takes the program's plans as counts.
	// Its error is reported as it is. A name within two edits of one of
	// Named that OtherNamed refuses is reported as a misspelling of it.
	OtherNamed func(inv *Invocation, name string) error
}

// WithArgs declares a built-in's arguments. A built-in registered without
// it accepts any, as a template shortcode does.
func WithArgs(a Args) Option {
	return func(b *builtin) { b.args = &a }
}

// check returns the error for the first argument of sc that a does not
// declare, positioned at the argument. src is what sc was parsed from.
func (a *Args) check(inv *Invocation, sc *Shortcode, src []byte) error {
	if len(sc.Params) == 0 {
		return nil
	}
	if !sc.Named {
		return a.checkPositional(inv, sc, src)
	}
	for _, p := range sc.Params {
		if err := a.checkNamed(inv, sc, src, p); err != nil {
			return err
		}
	}
	return nil
}

// checkPositional refuses positional arguments where the shortcode
// takes named ones only, and more of them than it takes.
func (a *Args) checkPositional(inv *Invocation, sc *Shortcode, src []byte) error {
	switch {
	case len(a.Positional) == 0 && a.Example != "":
		return inv.Errorf("shortcode %q takes named arguments, such as %s", sc.Name, a.Example)
	case len(a.Positional) == 0:
		return inv.Errorf("shortcode %q takes named arguments (%s)", sc.Name, strings.Join(a.Named, ", "))
	case len(sc.Params) > len(a.Positional):
		return argError(inv, src, sc.Params[len(a.Positional)], "shortcode %q takes %s (%s)",
			sc.Name, plural.N(len(a.Positional), "positional argument"), strings.Join(a.Positional, ", "))
	}
	return nil
}

// checkNamed refuses named argument p unless the shortcode takes it (or
// OtherNamed accepts it), suggesting the name it may have meant.
func (a *Args) checkNamed(inv *Invocation, sc *Shortcode, src []byte, p Param) error {
	if slices.Contains(a.Named, p.Name) {
		return nil
	}
	near, misspelt := suggest.Closest(p.Name, a.Named)
	if a.OtherNamed != nil {
		err := a.OtherNamed(inv, p.Name)
		if err == nil {
			return nil
		}
		if !misspelt {
			return positioned(inv, err)
		}
	}
	switch {
	case misspelt:
		return argError(inv, src, p, "unknown argument %q of %s; did you mean %q?", p.Name, sc.Name, near)
	case len(a.Named) == 0:
		return argError(inv, src, p, "unknown argument %q of %s (it takes no named arguments)", p.Name, sc.Name)
	}
	return argError(inv, src, p, "unknown argument %q of %s (arguments: %s)", p.Name, sc.Name, strings.Join(a.Named, ", "))
}

// positioned returns err, positioned at inv's shortcode unless it is a
// *PosError already, as Expand does for a built-in's error.
func positioned(inv *Invocation, err error) error {
	var pe *PosError
	if errors.As(err, &pe) {
		return err
	}
	return inv.Errorf("shortcode %q: %w", inv.Name, err)
}

// argError is a *PosError at the argument p of inv's shortcode.
func argError(inv *Invocation, src []byte, p Param, format string, args ...any) *PosError {
	line, col := diag.LineCol(src, p.Offset)
	if inv.Env != nil {
		line += inv.Env.LineOffset
	}
	return &PosError{File: inv.file(), Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}
