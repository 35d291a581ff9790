// Command affsite builds and previews affiliate-review sites.
//
// Usage:
//
//	affsite build [-s SITE] [-d OUT] [--baseURL URL] [--minify] [--drafts] [--future] [--expired] [--quiet]
//	affsite serve [-s SITE] [--bind ADDR] [--port N] [--drafts=false] [--future] [--expired]
//	affsite version
//	affsite help
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
