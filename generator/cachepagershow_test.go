package generator_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// TestCachePagersShowWhatTheirKeysHold: with pager templates and cards
// that show more than a pager's own pages' facts (their bodies, their
// terms' counts, the site's terms and sections, a parent's dates, a
// nested section's dates, the build date; a 404 page of every post), a
// post added, edited after its summary, added in a nested section or
// removed, and an _index.md's images edited: each cached build equals a
// clean one (a pager's own key, cachedList, must hold all it shows).
func TestCachePagersShowWhatTheirKeysHold(t *testing.T) {
	t.Parallel()
	for name, files := range map[string]string{
		"card content":      "-- layouts/partials/card.html --\n<div>{{ .Content }}</div>\n",
		"card toc":          "-- layouts/partials/card.html --\n<div>{{ .TableOfContents }}</div>\n",
		"card tag count":    "-- layouts/partials/card.html --\n{{ range .TagTerms }}{{ .Name }}={{ .Count }}{{ end }}\n",
		"term site terms":   "-- layouts/_default/term.html --\n{{ define \"main\" }}{{ range .Site.Taxonomies.tags }}{{ .Name }}={{ .Count }} {{ end }}{{ end }}\n",
		"list section date": "-- layouts/_default/list.html --\n{{ define \"main\" }}{{ with .Site.Sections.posts }}{{ .Lastmod }}{{ end }}{{ end }}\n",
		"home sections":     "-- layouts/index.html --\n{{ define \"main\" }}{{ range $k, $v := .Site.Sections }}{{ $v.Lastmod }}{{ end }}{{ end }}\n",
		"list page parent":  "-- layouts/_default/list.html --\n{{ define \"main\" }}{{ with .Parent }}{{ .Lastmod }}{{ end }}{{ end }}\n-- content/posts/sub/_index.md --\n---\ntitle: Sub\n---\n-- content/posts/sub/s.md --\n---\ntitle: S\ndate: 2024-06-01\n---\nS.\n",
		"sub card dates":    "-- layouts/partials/card.html --\n{{ .Title }} {{ .Date }} {{ .Lastmod }}\n-- content/posts/sub/_index.md --\n---\ntitle: Sub\n---\n-- content/posts/sub/s.md --\n---\ntitle: S\ndate: 2024-06-01\n---\nS.\n",
		"sub default":       "-- content/posts/sub/_index.md --\n---\ntitle: Sub\n---\n-- content/posts/sub/s.md --\n---\ntitle: S\ndate: 2024-06-01\n---\nS.\n",
		"404 lists all":     "-- layouts/404.html --\n{{ define \"main\" }}{{ range .Site.RegularPages }}{{ .Title }}{{ .Summary }}{{ end }}{{ end }}\n",
		"card first tag":    "-- layouts/partials/card.html --\n{{ range first 1 .TagTerms }}{{ .RelPermalink }}{{ .Count }}{{ end }}\n",
		"card word count":   "-- layouts/partials/card.html --\n{{ .WordCount }}\n",
		"pager of all":      "-- layouts/_default/term.html --\n{{ define \"main\" }}{{ .Paginator.TotalPages }}{{ range .Paginator.Pages }}{{ .Title }}{{ end }}{{ .Term.Count }}{{ end }}\n",
		"builddate":         "-- layouts/_default/term.html --\n{{ define \"main\" }}{{ .Site.BuildDate }}{{ end }}\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := writeSite(t, pagersSite+files)
			work := t.TempDir()
			opts := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
			if _, err := generator.Build(opts); err != nil {
				t.Fatal(err)
			}
			ed := &siteEditor{t: t, dir: dir}
			ed.write("content/posts/n.md", "---\ntitle: N\ndate: 2025-04-01\ntags: [red]\n---\nN.\n")
			buildEqualsClean(t, "add", opts)
			ed.write("content/posts/c.md", "---\ntitle: C\ndate: 2025-03-01\ntags: [blue]\n---\nC.\n\n<!--more-->\n\n## Heading two\n\nMore text here.\n")
			buildEqualsClean(t, "edit after more", opts)
			ed.write("content/posts/o.md", "---\ntitle: O\ndate: 2024-01-01\ntags: [blue]\n---\nO.\n")
			buildEqualsClean(t, "add oldest", opts)
			ed.write("content/posts/sub/t.md", "---\ntitle: T\ndate: 2026-01-01\ntags: [blue]\n---\nT.\n")
			buildEqualsClean(t, "add in sub", opts)
			ed.remove("content/posts/a.md")
			buildEqualsClean(t, "remove a", opts)
			ed.write("content/posts/_index.md", "---\ntitle: P\nimages: [/y.png]\n---\nP.\n")
			buildEqualsClean(t, "section index images", opts)
			ed.write("content/_index.md", "---\ntitle: H\nimages: [/z.png]\n---\nH.\n")
			buildEqualsClean(t, "home index images", opts)
		})
	}
}
