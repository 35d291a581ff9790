package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/affsite/affsite/check"
)

// runCheck is "affsite check": it only parses flags; check.Run does the
// work.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	var sf siteFlags
	sf.register(fs, false)
	format := fs.String("format", "text", "output format: text, or json for CI annotations")
	external := fs.Bool("external", false, "also request every external and affiliate URL (8 at a time, 10 s timeout, 2 retries)")
	strict := fs.Bool("strict", false, "make stale program prices an error, not a warning")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "affsite check: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	res, err := check.Run(check.Options{
		Source: sf.source, BaseURL: sf.baseURL, Drafts: sf.drafts, Future: sf.future, Expired: sf.expired,
		External: *external, Strict: *strict,
	})
	if err != nil {
		fmt.Fprintf(stderr, "affsite check: %v\n", err)
		return exitContent
	}
	if *format == "json" {
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
