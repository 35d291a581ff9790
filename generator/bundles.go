package generator

import (
	"path"
	"strings"
)

// withoutBundledMarkdown drops the Markdown files inside leaf bundles
// (a folder with an index.md, and the folders below it) other than the
// index.md itself: in Hugo they are the bundle's page resources, not
// pages, and they are not published. files are full paths, sorted.
func (b *builder) withoutBundledMarkdown(files []string) []string {
	var bundles []string // "content/posts/x/"
	for _, f := range files {
		if key := b.contentKey(b.rel(f)); path.Base(key) == "index.md" && path.Dir(key) != "content" {
			bundles = append(bundles, path.Dir(b.rel(f))+"/")
		}
	}
	if len(bundles) == 0 {
		return files
	}
	out := files[:0:0]
	for _, f := range files {
		rel := b.rel(f)
		inside := false
		for _, d := range bundles {
			if strings.HasPrefix(rel, d) && path.Base(b.contentKey(rel)) != "index.md" {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, f)
		}
	}
	return out
}
