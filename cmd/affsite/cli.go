package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/outdir"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // the site has errors
	exitUsage   = 2 // the command line is wrong
)

const usage = `affsite builds affiliate-review sites from Markdown and program data.

Usage:
  affsite build [flags]    build the site into public/ (or -d)
  affsite serve [flags]    build the site and preview it at http://127.0.0.1:1313/
  affsite check [flags]    build the site in memory and report broken links, disclosures, stale data
  affsite new KIND …       create a site, review or program file ("affsite help new")
  affsite version          print the version
  affsite help [command]   show help

Run "affsite help COMMAND" (build, serve, check, new) for its flags.
`

// buildExit is the exit code for a failed build: a refused output folder
// is a wrong command line, anything else is the site's error.
func buildExit(err error) int {
	var r *outdir.Refusal
	if errors.As(err, &r) {
		return exitUsage
	}
	return exitContent
}

// run is the CLI without os.Exit, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "serve", "server":
		return runServe(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, versionInfo())
		return exitOK
	case "help", "-h", "--help":
		if len(args) > 1 {
			// Help that was asked for goes to standard output.
			return run([]string{args[1], "-h"}, stdout, stdout)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "affsite: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// siteFlags are the flags build and serve share.
type siteFlags struct {
	source, baseURL         string
	drafts, future, expired bool
}

func (f *siteFlags) register(fs *flag.FlagSet, draftsDefault bool) {
	fs.StringVar(&f.source, "s", ".", "the site's folder")
	fs.StringVar(&f.source, "source", ".", "the site's folder (same as -s)")
	fs.StringVar(&f.baseURL, "baseURL", "", "override the site's baseURL")
	fs.BoolVar(&f.drafts, "drafts", draftsDefault, "include draft pages")
	fs.BoolVar(&f.future, "future", false, "include pages dated in the future")
	fs.BoolVar(&f.expired, "expired", false, "include expired pages")
}

func (f *siteFlags) options() generator.Options {
	return generator.Options{Source: f.source, BaseURL: f.baseURL, Drafts: f.drafts, Future: f.future, Expired: f.expired}
}

// parseFlags parses a command's flags; ok is false when run should exit
// with code.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (code int, ok bool) {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "affsite %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage, false
	}
	return 0, true
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	var sf siteFlags
	sf.register(fs, false)
	dest := fs.String("d", "", "output folder (default SITE/public)")
	fs.StringVar(dest, "destination", "", "output folder (same as -d)")
	minify := fs.Bool("minify", false, "minify HTML, CSS, JS, JSON, SVG and XML")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file")
	memProfile := fs.String("memprofile", "", "write a heap profile after the build to this file")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "affsite build:", err)
			return exitUsage
		}
		defer stop()
	}
	if *memProfile != "" {
		defer writeHeapProfile(*memProfile, stderr)
	}
	opts := sf.options()
	opts.Dest = *dest
	opts.Minify = *minify
	opts.Waiting = func() { fmt.Fprintln(stderr, "waiting for another affsite build of the output folder to finish") }
	rep, err := generator.Build(opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return buildExit(err)
	}
	if rep.MovedAside != "" {
		fmt.Fprintf(stderr, "note: the output folder held Hugo's build; moved it to %s (delete it when you no longer need it)\n", rep.MovedAside)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "Built %d pages, %d files, %d affiliate links in %s\n", rep.Pages, rep.Files, len(rep.Links), rep.Duration.Round(1e6))
	}
	return exitOK
}
