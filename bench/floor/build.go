package main

import (
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Build renders every .md file under src/content into out with the given
// number of workers and returns how many pages it wrote.
func Build(src, out string, workers int) (int, error) {
	var paths []string
	root := filepath.Join(src, "content")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			paths = append(paths, path)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	// goldmark.Markdown is safe for concurrent use once built.
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	jobs := make(chan string, workers*4)
	var (
		wg       sync.WaitGroup
		written  atomic.Int64
		errOnce  sync.Once
		firstErr error
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := newRenderer(md, out)
			for path := range jobs {
				if err := r.page(path); err != nil {
					errOnce.Do(func() { firstErr = err })
					continue
				}
				written.Add(1)
			}
		}()
	}
	for _, p := range paths {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return int(written.Load()), firstErr
}
