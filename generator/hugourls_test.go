package generator_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// hugoURLs lists the URLs Hugo gives the regular pages of the site in
// dir (hugo list all), or skips the test when Hugo is not installed.
func hugoURLs(t *testing.T, dir string) []string {
	t.Helper()
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed")
	}
	cmd := exec.Command(hugo, "list", "all", "--source", dir)
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hugo list all: %v\n%s", err, stderr.String())
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, r := range rows[1:] {
		urls = append(urls, r[len(r)-1])
	}
	sort.Strings(urls)
	return urls
}

// hugoURLSite uses what Hugo 0.111 (Debian's) and affsite both have:
// permalinks with dates, slugs, titles, file names and sections, nested
// sections, bundles, url and slug front matter.
const hugoURLSite = `
-- hugo.toml --
baseURL = "https://x.example/"
[permalinks]
posts = "/:year/:month/:day/:slug/"
guides = "/guide/:sections/:filename/"
notes = "/n/:title/"
reviews = "/:section/:slugorfilename/"
-- content/posts/first-post.md --
---
title: Hello, World
date: 2024-03-05
---
-- content/posts/my-bundle/index.md --
---
title: Bundle
date: 2023-12-01
slug: My Bundle
---
-- content/posts/fixed.md --
---
title: F
url: /somewhere/else/
---
-- content/guides/deep/setup.md --
---
title: Setup
---
-- content/guides/deeper/_index.md --
---
title: Deeper
---
-- content/guides/deeper/install.md --
---
title: Install
---
-- content/notes/n1.md --
---
title: Second Thoughts
---
-- content/reviews/acme-review.md --
---
title: Acme
---
-- content/reviews/b.md --
---
title: B
slug: bee
---
-- content/about.md --
---
title: About
---
-- content/other/plain.md --
---
title: Plain
---
`

// TestURLsAsHugo: the pages' URLs are Hugo's, when Hugo is installed.
func TestURLsAsHugo(t *testing.T) {
	t.Parallel()
	assertURLsAsHugo(t, hugoURLSite, "https://x.example")
}

// assertURLsAsHugo builds the site of the archive and compares its
// pages' URLs (below base) with Hugo's, when Hugo is installed.
func assertURLsAsHugo(t *testing.T, archive, base string) {
	t.Helper()
	dir := writeSite(t, archive)
	want := hugoURLs(t, dir)
	b, err := buildDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range b.report.Sources {
		got = append(got, base+s.URL)
	}
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("affsite's URLs:\n%s\nHugo's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
