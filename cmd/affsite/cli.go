package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/cpuprofile"
	"github.com/affsite/affsite/internal/plural"
	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/outdir"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // the site has errors
	exitUsage   = 2 // the command line is wrong
)

// commands are the top-level commands, as usage lists them; aliases
// (server for serve) are not listed.
var commands = [...]struct{ name, args, summary string }{
	{"build", "[flags]", "build the site into public/ (or --destination)"},
	{"serve", "[flags]", "build the site and preview it at http://127.0.0.1:1313/"},
	{"check", "[flags]", "build the site in memory and report broken links, disclosures, stale data"},
	{"new", "KIND …", `create a site, review, program or page ("affsite help new")`},
	{"import", "wordpress …", `create a site from a WordPress export ("affsite help import wordpress")`},
	{"version", "", "print the version"},
	{"completion", "SHELL", "print the completion script for bash, zsh or fish"},
	{"help", "[command]", "show help, or a command's flags"},
}

// writeUsage writes the top-level help.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, "affsite builds affiliate-review sites from Markdown and program data.\n\nUsage:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-26s  %s\n", strings.TrimSpace("affsite "+c.name+" "+c.args), c.summary)
	}
	fmt.Fprint(w, "\nRun \"affsite help COMMAND\" (build, serve, check, new, import wordpress) for its flags.\n")
}

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
		writeUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "serve", "server":
		return runServe(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, versionInfo())
		return exitOK
	case "completion":
		return runCompletion(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		return runHelp(args[1:], stdout)
	}
	unknownCommand(args[0], stderr)
	return exitUsage
}

// runHelp writes the usage, or with a command the command's help:
// "help new site" is "new site -h", whose help goes to standard output
// when it was asked for with "help".
func runHelp(args []string, stdout io.Writer) int {
	if len(args) > 0 {
		return run(append(append([]string{}, args...), "-h"), stdout, stdout)
	}
	writeUsage(stdout)
	return exitOK
}

// unknownCommand says that name is no command, with the closest one.
func unknownCommand(name string, stderr io.Writer) {
	msg := fmt.Sprintf("affsite: unknown command %q", name)
	names := []string{"server"}
	for _, c := range commands {
		names = append(names, c.name)
	}
	if s, ok := suggest.Closest(name, names); ok {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	fmt.Fprintf(stderr, "%s\nRun \"affsite help\" for the commands.\n", msg)
}

// siteFlags are the flags build, serve and check share.
type siteFlags struct {
	source, baseURL, environment string
	drafts, future, expired      bool
}

// register adds the flags; serving gives them serve's defaults, which
// are Hugo's server's: drafts shown, the development environment.
func (f *siteFlags) register(fs *flagSet, serving bool) {
	fs.stringVar(&f.source, "source", "s", "DIR", ".", "the site's folder")
	fs.stringVar(&f.baseURL, "baseURL", "", "URL", "", "the address the site is published at, instead of site.toml's baseURL")
	env := generator.EnvProduction
	if serving {
		env = generator.EnvDevelopment
	}
	fs.stringVar(&f.environment, "environment", "e", "ENV", env, "the environment whose config/ENV/ settings are merged over config/_default/")
	drafts := "include draft pages"
	if serving {
		drafts += "; --drafts=false leaves them out"
	}
	fs.boolVar(&f.drafts, "drafts", serving, drafts)
	fs.boolVar(&f.future, "future", false, "include pages dated in the future")
	fs.boolVar(&f.expired, "expired", false, "include expired pages")
}

func (f *siteFlags) options() generator.Options {
	return generator.Options{Source: f.source, BaseURL: f.baseURL, Environment: f.environment, Drafts: f.drafts, Future: f.future, Expired: f.expired}
}

// parseFlags parses the flags of a command that takes no other
// argument; ok is false when run should exit with code.
func parseFlags(fs *flagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	if code, ok := fs.parse(args, stdout, stderr); !ok {
		return code, false
	}
	if fs.fs.NArg() > 0 {
		fmt.Fprintf(stderr, "affsite %s: unexpected argument %q\n", fs.path, fs.fs.Arg(0))
		return exitUsage, false
	}
	return 0, true
}

// buildArgs are build's flags.
type buildArgs struct {
	site                   siteFlags
	dest                   string
	minify, quiet          bool
	cpuProfile, memProfile string
	cache                  cacheFlags
	host                   string
}

// cacheFlags are --cacheDir and --noCache, which build and serve
// describe each in its own words.
type cacheFlags struct {
	dir string
	off bool
}

// of is the build cache folder for the site at source: --cacheDir, else
// SITE/.affsite/cache; "" (none) with --noCache.
func (c cacheFlags) of(source string) string {
	if c.off {
		return ""
	}
	return cmp.Or(c.dir, filepath.Join(source, ".affsite", "cache"))
}

func buildFlags(a *buildArgs) *flagSet {
	fs := newFlagSet("build", "[flags]", "Build the site into its output folder, replacing what an earlier build wrote there.")
	a.site.register(fs, false)
	fs.stringVar(&a.dest, "destination", "d", "DIR", "", "the output folder (default SITE/public)")
	fs.boolVar(&a.minify, "minify", false, "minify HTML, CSS, JS, JSON, SVG and XML")
	fs.stringVar(&a.cache.dir, "cacheDir", "", "DIR", "", "the build cache, reused by the next build for the pages that did not change (default SITE/.affsite/cache)")
	fs.boolVar(&a.cache.off, "noCache", false, "build without reading or writing the build cache")
	fs.stringVar(&a.host, "host", "", "HOST", "", "the host's files to write for cloaked links: netlify, cloudflare or any (default site.toml's [affiliate] host, else the host the build runs on, else any)")
	fs.boolVar(&a.quiet, "quiet", false, "do not print the summary line (warnings and errors are still printed)")
	fs.stringVar(&a.cpuProfile, "cpuprofile", "", "FILE", "", "write a CPU profile of the build to FILE")
	fs.stringVar(&a.memProfile, "memprofile", "", "FILE", "", "write a heap profile after the build to FILE")
	return fs
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	var a buildArgs
	if code, ok := parseFlags(buildFlags(&a), args, stdout, stderr); !ok {
		return code
	}
	if a.cpuProfile != "" {
		stop, err := cpuprofile.Start(a.cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "affsite build:", err)
			return exitUsage
		}
		defer stop()
	}
	if a.memProfile != "" {
		defer writeHeapProfile(a.memProfile, stderr)
	}
	opts, err := a.options(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "affsite build: --%v\n", err)
		return exitUsage
	}
	rep, err := build(opts, a.quiet, stderr)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return buildExit(err)
	}
	a.report(rep, stdout, stderr)
	return exitOK
}

// options are the build's options from its flags and the environment;
// the error is a --host that names no host.
func (a *buildArgs) options(stderr io.Writer) (generator.Options, error) {
	opts := a.site.options()
	opts.Dest = a.dest
	opts.Minify = a.minify
	if _, err := affiliate.ParseHost(a.host); err != nil {
		return opts, err
	}
	opts.Host, opts.HostDefault = a.host, hostFromEnv(os.Getenv)
	opts.CacheDir = a.cache.of(a.site.source)
	opts.Waiting = func() { fmt.Fprintln(stderr, "waiting for another affsite build of the output folder to finish") }
	return opts, nil
}

// build runs the build, showing its progress on stderr unless quiet.
func build(opts generator.Options, quiet bool, stderr io.Writer) (*generator.Report, error) {
	var progress *progressLine
	if !quiet {
		progress = newProgressLine(stderr, time.Now()) // nil when stderr is no terminal
	}
	if progress != nil {
		opts.Progress = progress.update
	}
	rep, err := generator.Build(opts)
	progress.clear()
	return rep, err
}

// report tells what the build did: a Hugo build moved aside and the
// warnings on stderr, then (unless quiet) a summary on stdout.
func (a *buildArgs) report(rep *generator.Report, stdout, stderr io.Writer) {
	if rep.MovedAside != "" {
		fmt.Fprintf(stderr, "note: the output folder held Hugo's build; moved it to %s (delete it when you no longer need it)\n", rep.MovedAside)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if !a.quiet {
		fmt.Fprintf(stdout, "Built %s, %s, %s in %s\n", plural.N(rep.Pages, "page"), plural.N(rep.Files, "file"), plural.N(len(rep.Links), "affiliate link"), rep.Duration.Round(1e6))
	}
}
