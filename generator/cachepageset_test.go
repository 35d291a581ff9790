package generator_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// TestCacheAddRemovePost: adding or removing a post renders it and the
// lists again, not the other pages, whose templates read nothing of the
// page set (the footer shows the build date's year, which the new post
// does not change); each build equals a clean one.
func TestCacheAddRemovePost(t *testing.T) {
	t.Parallel()
	site := strings.Replace(cacheSite, "footer 0</footer>", "footer 0 {{ .Site.BuildDate.Year }}</footer>", 1)
	dir := writeSite(t, site)
	ed := &siteEditor{t: t, dir: dir}
	steps := []struct {
		what  string
		edit  func()
		added int
	}{
		{"add a post", func() {
			ed.write("content/posts/new.md", "---\ntitle: New\ndate: 2025-12-01\ntags: [one]\n---\nA new post.\n")
		}, 1},
		{"remove a post", func() { ed.remove("content/posts/new.md") }, 0},
		{"remove another", func() { ed.remove("content/posts/f.md") }, 0},
	}
	work := t.TempDir()
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	cached := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: now}
	if _, err := generator.Build(cached); err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		st.edit()
		rep := buildEqualsClean(t, st.what, cached)
		if others := rep.Pages - st.added; rep.Reused < others {
			t.Errorf("%s: reused %d files; want at least the %d pages that did not change", st.what, rep.Reused, others)
		}
	}
}

// TestCacheRefsSeeOtherPages: a page whose body finds another by ref,
// or whose templates call GetPage, is rendered again when the page it
// finds moves or changes.
func TestCacheRefsSeeOtherPages(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, files, from, to string }{
		{"relref", "-- content/posts/a.md --\n---\ntitle: A\n---\nSee [B]({{< relref \"b.md\" >}}).\n", "slug: bee", "slug: buzz"},
		{"GetPage", "-- layouts/shortcodes/title-of.html --\n{{ with .Page.Site.GetPage (.Get 0) }}{{ .Title }} at {{ .RelPermalink }}{{ end }}\n" +
			"-- content/posts/a.md --\n---\ntitle: A\n---\nSee {{< title-of \"posts/b\" >}}.\n", "title: B", "title: Bee"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := writeSite(t, "-- site.toml --\ntitle = \"T\"\nbaseURL = \"https://example.org/\"\n"+tc.files+
				"-- content/posts/b.md --\n---\ntitle: B\nslug: bee\n---\nB.\n")
			work := t.TempDir()
			cached := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
			if _, err := generator.Build(cached); err != nil {
				t.Fatal(err)
			}
			ed := &siteEditor{t: t, dir: dir}
			ed.write("content/posts/b.md", strings.Replace(ed.read("content/posts/b.md"), tc.from, tc.to, 1))
			buildEqualsClean(t, tc.from+" → "+tc.to, cached)
		})
	}
}

// buildEqualsClean builds with opts (a cached build) and without its
// cache, and fails when the outputs differ.
func buildEqualsClean(t *testing.T, what string, opts generator.Options) *generator.Report {
	t.Helper()
	rep, err := generator.Build(opts)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	clean := opts
	clean.Dest, clean.CacheDir = filepath.Join(t.TempDir(), "clean"), ""
	if _, err := generator.Build(clean); err != nil {
		t.Fatalf("%s: clean build: %v", what, err)
	}
	if d := diffTrees(readTree(t, clean.Dest), readTree(t, opts.Dest)); d != "" {
		t.Fatalf("%s: the cached build differs from a clean one:\n%s", what, d)
	}
	return rep
}
