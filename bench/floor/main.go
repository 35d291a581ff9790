// Command floor is the lower bound of an affsite build: it reads every
// Markdown file under content/, splits off the front matter, stubs out the
// shortcodes, renders the Markdown with goldmark (GFM only) and writes each
// page inside a tiny fixed HTML shell, on all cores. No templates, no lists,
// no taxonomies: whatever affsite spends beyond this is its own overhead.
//
//	go run ./bench/floor -src /tmp/corpus -o /tmp/out [-j N]
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"
)

func main() {
	src := flag.String("src", "", "site folder holding content/")
	out := flag.String("o", "", "output folder")
	jobs := flag.Int("j", runtime.NumCPU(), "worker goroutines")
	flag.Parse()
	if *src == "" || *out == "" || *jobs < 1 {
		fmt.Fprintln(os.Stderr, "usage: floor -src DIR -o OUT [-j N]")
		os.Exit(2)
	}
	start := time.Now()
	n, err := Build(*src, *out, *jobs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("floor: %d pages in %v (%d workers)\n", n, time.Since(start).Round(time.Millisecond), *jobs)
}
