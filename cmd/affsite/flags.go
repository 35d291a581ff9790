package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/affsite/affsite/internal/suggest"
)

// The command line is parsed with the standard flag package, wrapped for
// help written for people: "--name VALUE" in help, one line a flag, the
// default shown, a did-you-mean for a misspelt flag, and the same table
// driving shell completion. (Why not spf13/cobra: see the commit that
// added this file, and README's "Commands".)

// flagSet is a command's flags, in the order help lists them.
type flagSet struct {
	fs *flag.FlagSet
	// path is the command as typed: "build", "new site".
	path string
	// args is what follows the command in the usage line.
	args string
	// summary is one line saying what the command does.
	summary string
	flags   []*flagDef
}

// flagDef is one flag as help and completion show it.
type flagDef struct {
	name, short string
	// meta names the value ("DIR", "URL"); "" for a boolean flag.
	meta string
	// choices are the values it accepts, when they are few (--format).
	choices []string
	usage   string
	// def is the default help shows; "" shows none.
	def string
}

func newFlagSet(path, args, summary string) *flagSet {
	fs := flag.NewFlagSet(path, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{fs: fs, path: path, args: args, summary: summary}
}

func (f *flagSet) add(d *flagDef) *flagDef {
	f.flags = append(f.flags, d)
	return d
}

// stringVar defines --name META, with the one-letter alias short when it
// is not "".
func (f *flagSet) stringVar(p *string, name, short, meta, def, usage string) *flagDef {
	f.fs.StringVar(p, name, def, usage)
	if short != "" {
		f.fs.StringVar(p, short, def, usage)
	}
	return f.add(&flagDef{name: name, short: short, meta: meta, usage: usage, def: def})
}

func (f *flagSet) boolVar(p *bool, name string, def bool, usage string) *flagDef {
	f.fs.BoolVar(p, name, def, usage)
	d := &flagDef{name: name, usage: usage}
	if def {
		d.def = "true"
	}
	return f.add(d)
}

func (f *flagSet) intVar(p *int, name, short, meta string, def int, usage string) *flagDef {
	f.fs.IntVar(p, name, def, usage)
	if short != "" {
		f.fs.IntVar(p, short, def, usage)
	}
	return f.add(&flagDef{name: name, short: short, meta: meta, usage: usage, def: fmt.Sprint(def)})
}

// dashed is a flag's name as help writes it: -s, --source.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// names returns every name the set knows, long and short.
func (f *flagSet) names() []string {
	var n []string
	for _, d := range f.flags {
		n = append(n, d.name)
		if d.short != "" {
			n = append(n, d.short)
		}
	}
	return n
}

// writeHelp writes the command's help: its usage line, summary and a
// line a flag.
func (f *flagSet) writeHelp(w io.Writer) {
	fmt.Fprintf(w, "Usage: affsite %s %s\n\n%s\n\nFlags:\n", f.path, f.args, f.summary)
	type row struct{ left, right string }
	rows := make([]row, 0, len(f.flags)+1)
	width := 0
	for _, d := range f.flags {
		left := "    "
		if d.short != "" {
			left = dashed(d.short) + ", "
		}
		left += dashed(d.name)
		if d.meta != "" {
			left += " " + d.meta
		}
		right := d.usage
		if d.def != "" && !strings.Contains(right, "(default") {
			right += fmt.Sprintf(" (default %s)", d.def)
		}
		rows = append(rows, row{left, right})
		width = max(width, len(left))
	}
	rows = append(rows, row{"-h, --help", "show this help"})
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %s\n", width, r.left, r.right)
	}
}

// undefinedPrefix starts the flag package's error for a flag that is not
// defined. The package has no error type for it, and the message has
// been the same since Go 1.0; TestUnknownFlag notices if it changes.
const undefinedPrefix = "flag provided but not defined: -"

// flagNameRE finds a flag's name as the flag package's errors write it
// ("flag needs an argument: -s", "invalid value … for flag -port: …").
var flagNameRE = regexp.MustCompile(`(^|[ :])-([A-Za-z][A-Za-z0-9_-]*)`)

// parse parses args. ok is false when the command should exit with code:
// after -h or --help (help on stderr, as Go's flag package does, exit 0;
// "affsite help CMD" passes stdout as stderr) or a mistake (a short
// message on stderr, exit 2).
func (f *flagSet) parse(args []string, stdout, stderr io.Writer) (code int, ok bool) {
	err := f.fs.Parse(args)
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		f.writeHelp(stderr)
		return exitOK, false
	}
	f.usageError(stderr, err)
	return exitUsage, false
}

// usageError reports a parse error of the flag package in help's terms.
func (f *flagSet) usageError(stderr io.Writer, err error) {
	msg := err.Error()
	if name, found := strings.CutPrefix(msg, undefinedPrefix); found {
		name = strings.TrimLeft(name, "-")
		msg = "unknown flag " + dashed(name)
		if s, ok := closestFlag(name, f.names()); ok {
			msg += "; did you mean " + dashed(s) + "?"
		}
	} else {
		msg = flagNameRE.ReplaceAllStringFunc(msg, func(m string) string {
			sub := flagNameRE.FindStringSubmatch(m)
			return sub[1] + dashed(sub[2])
		})
	}
	fmt.Fprintf(stderr, "affsite %s: %s\nRun \"affsite help %s\" for its flags.\n", f.path, msg, f.path)
}

// closestFlag is the flag meant by a misspelt name: one that differs only
// in case (--baseurl), else the nearest by edit distance.
func closestFlag(name string, known []string) (string, bool) {
	for _, k := range known {
		if strings.EqualFold(k, name) {
			return k, true
		}
	}
	return suggest.Closest(name, known)
}
