package outdir

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// removeTree removes a folder and everything in it, its subfolders on
// several goroutines: removing the previous build of a large site is
// thousands of unlink calls, each its own trip to the kernel. It follows
// no symbolic link (os.RemoveAll removes a link, not what it points at),
// so a folder swapped for a link during a build costs nothing outside.
func removeTree(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		os.RemoveAll(dir)
		return
	}
	work := make(chan string)
	var wg sync.WaitGroup
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for p := range work {
				os.RemoveAll(p)
			}
		})
	}
	// Two levels down, so that one big folder (posts/) spreads too.
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if !e.IsDir() { // a file, or a link: not read through
			work <- p
			continue
		}
		kids, err := os.ReadDir(p)
		if err != nil {
			work <- p
			continue
		}
		for _, k := range kids {
			work <- filepath.Join(p, k.Name())
		}
	}
	close(work)
	wg.Wait()
	os.RemoveAll(dir)
}
