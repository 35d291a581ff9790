// Command gencorpus writes a deterministic synthetic affiliate blog for
// benchmarking affsite against Hugo and against the floor (goldmark alone).
//
//	go run ./bench/gencorpus -n 10000 -o /tmp/corpus
//
// Post i depends only on i and a fixed seed, so the first 1,000 posts of
// the 10,000-post corpus are byte-identical to the 1,000-post corpus. The
// folder builds with affsite (site.toml) and with Hugo 0.111 (hugo.toml
// and themes/hugo-bench/layouts/).
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/affsite/affsite/bench/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of posts")
	out := flag.String("o", "", "output folder (created; must not hold an older corpus you want to keep)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N -o DIR")
		os.Exit(2)
	}
	start := time.Now()
	if err := corpus.Generate(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("gencorpus: %d posts in %s (%v)\n", *n, *out, time.Since(start).Round(time.Millisecond))
}
