package outdir

import (
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// removeBuild removes the build a swap took out of the output folder by
// its manifest: one unlink a file and one rmdir a folder, where a walk
// opens, reads and closes every folder too, a dozen system calls a page.
// It follows the manifest's paths, so it is only for a folder Open
// inspected (no symbolic link, no file the manifest does not list),
// never for a spare, which nothing inspects. What the manifest does not
// list, or a folder without one, removeTree removes after.
func removeBuild(dir string) {
	names, err := readManifest(dir)
	if err != nil || names == nil {
		removeTree(dir)
		return
	}
	files := make([]string, 0, len(names))
	folders := map[string]bool{}
	for n := range names {
		if checkName(n) != nil {
			continue
		}
		files = append(files, n)
		for f := path.Dir(n); f != "." && !folders[f]; f = path.Dir(f) {
			folders[f] = true
		}
	}
	inParallel(files, func(n string) { os.Remove(filepath.Join(dir, filepath.FromSlash(n))) })
	removeFolders(dir, folders)
	os.Remove(filepath.Join(dir, ManifestName))
	if os.Remove(dir) != nil {
		removeTree(dir)
	}
}

// removeFolders removes the empty folders of dir (slash paths) deepest
// first, each depth in parallel: a folder is empty once the depth below
// it is gone. One that is not empty stays, for removeTree.
func removeFolders(dir string, folders map[string]bool) {
	byDepth := map[int][]string{}
	for f := range folders {
		depth := strings.Count(f, "/")
		byDepth[depth] = append(byDepth[depth], f)
	}
	for _, depth := range slices.Backward(slices.Sorted(maps.Keys(byDepth))) {
		inParallel(byDepth[depth], func(f string) { removeFolder(filepath.Join(dir, filepath.FromSlash(f))) })
	}
}

// inParallel calls do with each of items on a few goroutines: removing
// a file is a trip to the kernel that another can overlap.
func inParallel(items []string, do func(string)) {
	n := min(max(2, runtime.GOMAXPROCS(0)), len(items))
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() {
			for i := w; i < len(items); i += n {
				do(items[i])
			}
		})
	}
	wg.Wait()
}

// removeTree removes a folder and everything in it, its subfolders on
// several goroutines: removing the previous build of a large site is
// thousands of unlink calls, each its own trip to the kernel.
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
		kids, err := os.ReadDir(p)
		if !e.IsDir() || err != nil {
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
