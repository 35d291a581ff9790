package main

import (
	"fmt"
	"io"
	"os"

	"github.com/affsite/affsite/check"
)

// checkArgs are check's flags.
type checkArgs struct {
	site             siteFlags
	format           string
	external, strict bool
}

func checkFlags(a *checkArgs) *flagSet {
	fs := newFlagSet("check", "[flags]", "Build the site in memory and report broken links and anchors, missing disclosures, stale program data and SEO basics.")
	a.site.register(fs, false)
	fs.stringVar(&a.format, "format", "", "FORMAT", "text", "text, or json for CI annotations").choices = []string{"text", "json"}
	fs.boolVar(&a.external, "external", false, "also request every external and affiliate URL (8 at a time, 10 s timeout, 2 retries)")
	fs.boolVar(&a.strict, "strict", false, "make stale program prices and placeholders left from \"affsite new\" errors, not warnings")
	return fs
}

// runCheck is "affsite check": it only parses flags; check.Run does the
// work.
func runCheck(args []string, stdout, stderr io.Writer) int {
	var a checkArgs
	if code, ok := parseFlags(checkFlags(&a), args, stdout, stderr); !ok {
		return code
	}
	if a.format != "text" && a.format != "json" {
		fmt.Fprintf(stderr, "affsite check: --format must be text or json, not %q\n", a.format)
		return exitUsage
	}
	res, err := check.Run(check.Options{
		Source: a.site.source, BaseURL: a.site.baseURL, Environment: a.site.environment,
		Drafts: a.site.drafts, Future: a.site.future, Expired: a.site.expired,
		External: a.external, Strict: a.strict, HostDefault: hostFromEnv(os.Getenv),
	})
	if err != nil {
		fmt.Fprintf(stderr, "affsite check: %v\n", err)
		return exitContent
	}
	if a.format == "json" {
		err = res.WriteJSON(stdout)
	} else {
		err = res.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "affsite check: %v\n", err)
		return exitContent
	}
	if res.Errors() > 0 {
		return exitContent
	}
	return exitOK
}
