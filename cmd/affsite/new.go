package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/affsite/affsite/scaffold"
)

const newUsage = `Usage:
  affsite new site DIR [--force]
      create a site in DIR (which must be empty, unless --force) that
      builds at once, with an example program, an example review and
      deploy recipes for GitHub Pages and Netlify
  affsite new review PROGRAM [--title "…"] [-s SITE]
      write content/posts/<title>.md, a review of data/programs/PROGRAM.*,
      from the site's archetypes/review.md or the built-in one
  affsite new program ID --name "…" --url "…" [-s SITE]
      write data/programs/ID.yaml with every key, commented
`

// runNew is "affsite new KIND …".
func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, newUsage)
		return exitUsage
	}
	switch args[0] {
	case "site":
		return runNewSite(args[1:], stdout, stderr)
	case "review":
		return runNewReview(args[1:], stdout, stderr)
	case "program":
		return runNewProgram(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, newUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "affsite new: unknown kind %q (want site, review or program)\n\n%s", args[0], newUsage)
	return exitUsage
}

// parseNewFlags parses flags that may come before or after the one
// argument a "new" command takes, as in "new review kartra --title T".
// ok is false when the command should exit with code.
func parseNewFlags(fs *flag.FlagSet, args []string, what string, stderr io.Writer) (arg string, code int, ok bool) {
	fs.SetOutput(stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return "", exitOK, false
			}
			return "", exitUsage, false
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(pos) == 0:
		fmt.Fprintf(stderr, "affsite %s: missing %s\n", fs.Name(), what)
		fs.Usage()
		return "", exitUsage, false
	case len(pos) > 1:
		fmt.Fprintf(stderr, "affsite %s: unexpected argument %q\n", fs.Name(), pos[1])
		return "", exitUsage, false
	}
	return pos[0], 0, true
}

// newError prints a scaffold error; a refusal to replace files is the
// site's state, not a usage mistake.
func newError(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "affsite %s: %v\n", cmd, err)
	return exitContent
}

func runNewSite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new site", flag.ContinueOnError)
	force := fs.Bool("force", false, "write into a folder that is not empty (existing files are still never replaced)")
	dir, code, ok := parseNewFlags(fs, args, "the folder to create the site in (affsite new site DIR)", stderr)
	if !ok {
		return code
	}
	files, err := scaffold.NewSite(dir, scaffold.SiteOptions{Force: *force})
	if err != nil {
		return newError(stderr, "new site", err)
	}
	fmt.Fprintf(stdout, "Created a site in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	fmt.Fprintf(stdout, "\nNext:\n  cd %s\n  affsite serve            # preview at http://127.0.0.1:1313/\n  affsite new program ID --name \"Name\" --url https://…\n  affsite new review ID\n", quoteArg(dir))
	return exitOK
}

func runNewReview(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new review", flag.ContinueOnError)
	site := fs.String("s", ".", "the site's folder")
	fs.StringVar(site, "source", ".", "the site's folder (same as -s)")
	title := fs.String("title", "", `the review's title (default "<Name> affiliate program review")`)
	program, code, ok := parseNewFlags(fs, args, "the program to review (affsite new review PROGRAM)", stderr)
	if !ok {
		return code
	}
	file, err := scaffold.NewReview(*site, program, scaffold.ReviewOptions{Title: *title})
	if err != nil {
		return newError(stderr, "new review", err)
	}
	fmt.Fprintf(stdout, "Created %s\n", filepath.ToSlash(file))
	return exitOK
}

func runNewProgram(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new program", flag.ContinueOnError)
	site := fs.String("s", ".", "the site's folder")
	fs.StringVar(site, "source", ".", "the site's folder (same as -s)")
	name := fs.String("name", "", "the program's name, as readers know it (required)")
	url := fs.String("url", "", "the vendor's home page, http(s) (required)")
	id, code, ok := parseNewFlags(fs, args, "the program's id (affsite new program ID)", stderr)
	if !ok {
		return code
	}
	if err := scaffold.CheckID(id); err != nil {
		fmt.Fprintf(stderr, "affsite new program: %v\n", err)
		return exitUsage
	}
	if *name == "" || *url == "" {
		fmt.Fprintf(stderr, "affsite new program: --name and --url are required, such as --name %q --url https://%s.example/\n", id, id)
		return exitUsage
	}
	file, err := scaffold.NewProgram(*site, id, *name, *url)
	if err != nil {
		return newError(stderr, "new program", err)
	}
	fmt.Fprintf(stdout, "Created %s; replace its placeholder figures with the program's terms.\n", filepath.ToSlash(file))
	return exitOK
}

// quoteArg quotes a path for a shell command line when it needs it.
func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\!*?&;|<>()") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
