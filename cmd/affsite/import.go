package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/affsite/affsite/wpimport"
)

// repeated is a flag that may be given more than once (--links A --links B).
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

const importUsage = `Usage: affsite import wordpress EXPORT.xml -o DIR [flags]

Create a new site in DIR from a WordPress export (Tools → Export).
Run "affsite help import wordpress" for its flags.
`

func runImport(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, importUsage)
		return exitUsage
	}
	switch args[0] {
	case "wordpress", "wp":
		return runImportWordPress(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, importUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "affsite import: unknown source %q (want wordpress)\n", args[0])
	return exitUsage
}

func importFlags(opts *wpimport.Options, linkFiles *repeated) *flagSet {
	fs := newFlagSet("import wordpress", "EXPORT.xml -o DIR [flags]",
		"Create a new site in DIR from a WordPress export: posts, pages, media, permalinks and cloaked links.")
	fs.stringVar(&opts.Dir, "output", "o", "DIR", "", "the new site's folder (must be missing or empty)")
	fs.fs.Var(linkFiles, "links", "")
	fs.add(&flagDef{name: "links", meta: "FILE.csv", usage: "a ThirstyAffiliates or Pretty Links CSV export (may be given more than once)"})
	fs.stringVar(&opts.Uploads, "uploads", "", "DIR", "", "a copy of wp-content/uploads: the media posts use are copied into the site")
	fs.stringVar(&opts.TAPrefix, "links-prefix", "", "PATH", "/recommends/", "ThirstyAffiliates' link prefix, for rows without a cloaked URL")
	return fs
}

func runImportWordPress(args []string, stdout, stderr io.Writer) int {
	var opts wpimport.Options
	var linkFiles repeated
	fs := importFlags(&opts, &linkFiles)
	export, code, ok := parseNewFlags(fs, args, "EXPORT.xml", stdout, stderr)
	if !ok {
		return code
	}
	if opts.Dir == "" {
		fmt.Fprintf(stderr, "affsite import wordpress: missing -o DIR (the new site's folder)\n")
		return exitUsage
	}
	opts.Export, opts.Links = export, linkFiles
	rep, err := wpimport.Import(opts)
	if err != nil {
		fmt.Fprintf(stderr, "affsite import wordpress: %v\n", err)
		var oe *wpimport.OptionError
		if errors.As(err, &oe) {
			return exitUsage
		}
		return exitContent
	}
	fmt.Fprint(stdout, rep.Summary())
	fmt.Fprintf(stdout, "Wrote %s; review %s/import-report.md, then run: affsite serve -s %s\n", opts.Dir, opts.Dir, quoteArg(opts.Dir))
	return exitOK
}
