package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/affsite/affsite/internal/suggest"
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
  affsite new page TITLE [--section S] [-s SITE]
      write content/[S/]<title>.md, a page that is not a review (about,
      contact, privacy): "type: page" keeps it out of review lists and feeds
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
	case "page":
		return runNewPage(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, newUsage)
		return exitOK
	}
	msg := fmt.Sprintf("affsite new: unknown kind %q (want site, review, program or page)", args[0])
	if s, ok := suggest.Closest(args[0], newKindNames()); ok {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	fmt.Fprintf(stderr, "%s\nRun \"affsite help new\" for what each makes.\n", msg)
	return exitUsage
}

// parseNewFlags parses flags that may come before or after the one
// argument a "new" command takes, as in "new review kartra --title T".
// ok is false when the command should exit with code.
func parseNewFlags(fs *flagSet, args []string, what string, stdout, stderr io.Writer) (arg string, code int, ok bool) {
	var pos []string
	for {
		if code, ok := fs.parse(args, stdout, stderr); !ok {
			return "", code, false
		}
		if fs.fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.fs.Arg(0))
		args = fs.fs.Args()[1:]
	}
	switch {
	case len(pos) == 0:
		fmt.Fprintf(stderr, "affsite %s: missing %s\nRun \"affsite help %s\" for its flags.\n", fs.path, what, fs.path)
		return "", exitUsage, false
	case len(pos) > 1:
		fmt.Fprintf(stderr, "affsite %s: unexpected argument %q\n", fs.path, pos[1])
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

func newSiteFlags(force *bool) *flagSet {
	fs := newFlagSet("new site", "DIR [flags]", "Create a site in DIR that builds at once, with an example program and review and deploy recipes.")
	fs.boolVar(force, "force", false, "write into a folder that is not empty (existing files are still never replaced)")
	return fs
}

func runNewSite(args []string, stdout, stderr io.Writer) int {
	var force bool
	dir, code, ok := parseNewFlags(newSiteFlags(&force), args, "the folder to create the site in (affsite new site DIR)", stdout, stderr)
	if !ok {
		return code
	}
	files, err := scaffold.NewSite(dir, scaffold.SiteOptions{Force: force})
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

func newReviewFlags(site, title *string) *flagSet {
	fs := newFlagSet("new review", "PROGRAM [flags]", "Write content/posts/<title>.md, a review of data/programs/PROGRAM.*, from archetypes/review.md or the built-in one.")
	fs.stringVar(site, "source", "s", "DIR", ".", "the site's folder")
	fs.stringVar(title, "title", "", "TITLE", "", `the review's title (default "<Name> affiliate program review")`)
	return fs
}

func runNewReview(args []string, stdout, stderr io.Writer) int {
	var site, title string
	program, code, ok := parseNewFlags(newReviewFlags(&site, &title), args, "the program to review (affsite new review PROGRAM)", stdout, stderr)
	if !ok {
		return code
	}
	file, err := scaffold.NewReview(site, program, scaffold.ReviewOptions{Title: title})
	if err != nil {
		return newError(stderr, "new review", err)
	}
	fmt.Fprintf(stdout, "Created %s\n", filepath.ToSlash(file))
	return exitOK
}

func newProgramFlags(site, name, url *string) *flagSet {
	fs := newFlagSet("new program", "ID --name NAME --url URL [flags]", "Write data/programs/ID.yaml with every key, commented, and placeholder figures.")
	fs.stringVar(site, "source", "s", "DIR", ".", "the site's folder")
	fs.stringVar(name, "name", "", "NAME", "", "the program's name, as readers know it (required)")
	fs.stringVar(url, "url", "", "URL", "", "the vendor's home page, http(s) (required)")
	return fs
}

func runNewProgram(args []string, stdout, stderr io.Writer) int {
	var site, name, url string
	id, code, ok := parseNewFlags(newProgramFlags(&site, &name, &url), args, "the program's id (affsite new program ID)", stdout, stderr)
	if !ok {
		return code
	}
	if err := scaffold.CheckID(id); err != nil {
		fmt.Fprintf(stderr, "affsite new program: %v\n", err)
		return exitUsage
	}
	if name == "" || url == "" {
		fmt.Fprintf(stderr, "affsite new program: --name and --url are required, such as --name %q --url https://%s.example/\n", id, id)
		return exitUsage
	}
	file, err := scaffold.NewProgram(site, id, name, url)
	if err != nil {
		return newError(stderr, "new program", err)
	}
	fmt.Fprintf(stdout, "Created %s; replace its placeholder figures with the program's terms.\n", filepath.ToSlash(file))
	return exitOK
}

func newPageFlags(site, section *string) *flagSet {
	fs := newFlagSet("new page", "TITLE [flags]", "Write content/[SECTION/]<title>.md, a page beside the reviews (about, contact, privacy), kept out of review lists, the home page and feeds.")
	fs.stringVar(site, "source", "s", "DIR", ".", "the site's folder")
	fs.stringVar(section, "section", "", "S", "", "the folder under content/ to put it in (default: content/ itself)")
	return fs
}

func runNewPage(args []string, stdout, stderr io.Writer) int {
	var site, section string
	title, code, ok := parseNewFlags(newPageFlags(&site, &section), args, "the page's title (affsite new page TITLE)", stdout, stderr)
	if !ok {
		return code
	}
	file, err := scaffold.NewPage(site, title, scaffold.PageOptions{Section: section})
	if err != nil {
		return newError(stderr, "new page", err)
	}
	fmt.Fprintf(stdout, "Created %s\n", filepath.ToSlash(file))
	return exitOK
}

// quoteArg quotes a path for a shell command line when it needs it.
func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\!*?&;|<>()") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
