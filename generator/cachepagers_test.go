package generator_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// pagersSite has two posts tagged blue on pager 1 of tags/blue/ and one on its
// pager 2, one tagged red, two posts a pager.
const pagersSite = `
-- site.toml --
title = "Pagers"
baseURL = "https://example.org/"
paginate = 2
-- content/posts/a.md --
---
title: A
date: 2025-01-10
tags: [red]
---
A.
-- content/posts/b.md --
---
title: B
date: 2025-02-01
tags: [blue]
---
B.
-- content/posts/c.md --
---
title: C
date: 2025-03-01
tags: [blue]
---
C.
-- content/posts/d.md --
---
title: D
date: 2025-01-20
tags: [blue]
---
D.
`

// TestCacheNewPostRendersItsPagers: adding or removing a post renders
// again the pagers it shifts or whose term it counts, and reuses the
// others (the default theme's pagers show only their own pages); each
// build equals a clean one, also with a term layout that shows every
// page, whose pagers all change.
func TestCacheNewPostRendersItsPagers(t *testing.T) {
	t.Parallel()
	newest := "---\ntitle: N\ndate: 2025-04-01\ntags: [red]\n---\nN.\n"
	oldest := "---\ntitle: O\ndate: 2024-01-01\ntags: [blue]\n---\nO.\n" // on tags/blue/'s last pager
	for _, tc := range []struct {
		name, layout, post string
		same, changed      []string
	}{
		{"newest in red", "", newest, []string{"tags/blue/index.html", "tags/blue/page/2/index.html"}, []string{"index.html", "tags/red/index.html"}},
		// tags/blue/'s first pager shows the same pages, but its term's count.
		{"oldest in blue", "", oldest, []string{"tags/red/index.html"}, []string{"tags/blue/index.html", "tags/blue/page/2/index.html"}},
		{"every page shown", "{{ define \"main\" }}{{ .Title }} of {{ len .Site.RegularPages }}{{ end }}", newest, nil, []string{"tags/blue/index.html"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			site := pagersSite
			if tc.layout != "" {
				site += "-- layouts/_default/term.html --\n" + tc.layout + "\n"
			}
			dir := writeSite(t, site)
			work := t.TempDir()
			opts := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
			if _, err := generator.Build(opts); err != nil {
				t.Fatal(err)
			}
			ed := &siteEditor{t: t, dir: dir}
			for _, step := range []struct {
				what string
				edit func()
			}{
				{"add", func() { ed.write("content/posts/n.md", tc.post) }},
				{"remove", func() { ed.remove("content/posts/n.md") }},
			} {
				before := statAll(t, opts.Dest, append(tc.same, tc.changed...))
				step.edit()
				buildEqualsClean(t, step.what, opts)
				after := statAll(t, opts.Dest, append(tc.same, tc.changed...))
				for _, name := range tc.same {
					if !os.SameFile(before[name], after[name]) {
						t.Errorf("%s: %s rendered again; want it reused", step.what, name)
					}
				}
				for _, name := range tc.changed {
					if os.SameFile(before[name], after[name]) {
						t.Errorf("%s: %s reused; want it rendered again", step.what, name)
					}
				}
			}
		})
	}
}

// statAll returns the stat data of the output files names under dir.
func statAll(t *testing.T, dir string, names []string) map[string]os.FileInfo {
	t.Helper()
	out := map[string]os.FileInfo{}
	for _, n := range names {
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			t.Fatal(err)
		}
		out[n] = st
	}
	return out
}
