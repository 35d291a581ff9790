// Package corpus generates a deterministic synthetic affiliate blog for
// benchmarks: posts with affiliate shortcodes, program data, and Hugo
// layouts, so the same folder builds with affsite and with Hugo.
package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// seed is the fixed PRNG seed of every corpus; each post draws from its own
// PCG stream (seed, post number), programs from (seed, programStream+k).
const seed = 0xaff5173

// Generate writes an n-post corpus into dir: content/posts/post-N.md,
// data/programs/pNN.yaml, site.toml, hugo.toml and themes/hugo-bench/layouts/.
func Generate(dir string, n int) error {
	programs := Programs()
	if err := writeSiteFiles(dir, programs); err != nil {
		return err
	}
	postDir := filepath.Join(dir, "content", "posts")
	if err := os.MkdirAll(postDir, 0o755); err != nil {
		return err
	}
	return forEachPost(n, func(i int) error {
		return writePostFile(filepath.Join(postDir, fmt.Sprintf("post-%d.md", i)), i, programs)
	})
}

// forEachPost calls fn for posts 1..n on runtime.NumCPU() goroutines and
// returns the first error. Posts are independent, so order does not matter.
func forEachPost(n int, fn func(i int) error) error {
	jobs := make(chan int, 64)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if err := fn(i); err != nil {
					once.Do(func() { firstErr = err })
				}
			}
		}()
	}
	for i := 1; i <= n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return firstErr
}

// writePostFile writes post i to path through a buffered writer.
func writePostFile(path string, i int, programs []Program) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 32<<10)
	WritePost(w, i, programs)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
