// Command affsite builds and previews affiliate-review sites.
//
// Usage:
//
//	affsite build [-s SITE] [-d OUT] [--baseURL URL] [-e ENV] [--minify] [--drafts] [--future] [--expired] [--quiet]
//	              [--cpuprofile FILE] [--memprofile FILE]
//	affsite serve [-s SITE] [--bind ADDR] [-p|--port N] [--baseURL URL] [-e ENV] [--disableLiveReload]
//	              [--renderToDisk [-d OUT]] [--drafts=false] [--future] [--expired]
//	affsite check [-s SITE] [--baseURL URL] [-e ENV] [--drafts] [--future] [--expired] [--format text|json] [--external] [--strict]
//	affsite new site DIR [--force]
//	affsite new review PROGRAM [--title "…"] [-s SITE]
//	affsite new program ID --name "…" --url URL [-s SITE]
//	affsite import wordpress EXPORT.xml -o DIR [--links FILE.csv]... [--uploads DIR] [--links-prefix PATH]
//	affsite version
//	affsite completion bash|zsh|fish
//	affsite help [build|serve|check|new [site|review|program]|import wordpress]
//
// -s and -d have the long forms --source and --destination; serve's port 0
// picks a free port. Exit codes: 0 success, 1 the site has errors (or
// check found one), 2 a wrong command line. README.md is the user's guide.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
