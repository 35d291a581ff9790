package generator_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/generator"
)

// cacheSite is incrementalSite with a footer of its own, a links
// registry entry that expires, and more posts.
const cacheSite = incrementalSite + `-- layouts/partials/footer.html --
<footer class="mine">{{ .Site.Title }} footer 0</footer>
-- data/links/deal.yaml --
links:
  - id: deal
    destination: https://acme.example/deal
    program: acme
    expires: 2026-11-25
    fallback: https://acme.example/
-- content/posts/f.md --
---
title: Phi
date: 2025-06-01
tags: [one]
---
Phi has a {{< link id="deal" text="deal" >}}.
-- content/posts/_index.md --
---
title: Posts
---
All the posts.
`

// siteEditor changes a site's files for the cache tests.
type siteEditor struct {
	t   *testing.T
	dir string
	rng *rand.Rand
	n   int // posts added so far
	// changed lists the files written or removed since it was last
	// emptied, as a Session is told of them.
	changed []string
	// langs, on a multilingual site, are the names of a post's
	// translations, "%s" standing for its name: "content/posts/%s.fr.md",
	// "content-de/posts/%s.md" (langcache_test.go). The default
	// language's is content/posts/%s.md.
	langs []string
}

func (e *siteEditor) path(name string) string { return filepath.Join(e.dir, filepath.FromSlash(name)) }

func (e *siteEditor) write(name, text string) {
	e.t.Helper()
	e.changed = append(e.changed, name)
	if err := os.MkdirAll(filepath.Dir(e.path(name)), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(e.path(name), []byte(text), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func (e *siteEditor) remove(name string) {
	e.t.Helper()
	e.changed = append(e.changed, name)
	if err := os.Remove(e.path(name)); err != nil {
		e.t.Fatal(err)
	}
}

func (e *siteEditor) read(name string) string {
	e.t.Helper()
	b, err := os.ReadFile(e.path(name))
	if err != nil {
		e.t.Fatal(err)
	}
	return string(b)
}

// posts lists the site's post files.
func (e *siteEditor) posts() []string {
	e.t.Helper()
	m, err := filepath.Glob(e.path("content/posts/*.md"))
	if err != nil {
		e.t.Fatal(err)
	}
	for _, l := range e.langs {
		more, err := filepath.Glob(e.path(path.Dir(l) + "/*.md"))
		if err != nil {
			e.t.Fatal(err)
		}
		m = append(m, more...)
	}
	m = slices.Compact(slices.Sorted(slices.Values(m)))
	var out []string
	for _, p := range m {
		if filepath.Base(p) != "_index.md" {
			rel, _ := filepath.Rel(e.dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
	}
	return out
}

// pick returns a random post, or "" when there is none.
func (e *siteEditor) pick() string {
	ps := e.posts()
	if len(ps) == 0 {
		return ""
	}
	return ps[e.rng.IntN(len(ps))]
}

// setFront replaces or adds a front-matter line of a post.
func (e *siteEditor) setFront(name, key, value string) {
	text := e.read(name)
	fm, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	if !ok {
		e.t.Fatalf("%s has no front matter", name)
	}
	var lines []string
	for _, l := range strings.Split(fm, "\n") {
		if !strings.HasPrefix(l, key+":") {
			lines = append(lines, l)
		}
	}
	if value != "" {
		lines = append(lines, key+": "+value)
	}
	e.write(name, "---\n"+strings.Join(lines, "\n")+"\n---\n"+body)
}

// edit makes one random edit and says what it was; opts may change too.
func (e *siteEditor) edit(opts *generator.Options) string {
	words := []string{"alpha", "beta", "gamma", "delta", "deal", "plan", "price", "review"}
	word := func() string { return words[e.rng.IntN(len(words))] }
	if len(e.langs) > 0 && e.rng.IntN(5) == 0 {
		return e.translate(word())
	}
	switch k := e.rng.IntN(19); k {
	case 0, 1, 2: // body, at the end (summary kept) or the start
		p := e.pick()
		if p == "" {
			return "none"
		}
		text := e.read(p)
		if k == 0 {
			i := strings.Index(text[4:], "\n---\n") + 4 + 5
			e.write(p, text[:i]+"New first words "+word()+". "+text[i:])
		} else {
			e.write(p, text+"\nMore text about "+word()+".\n")
		}
		return "body of " + p
	case 3:
		p := e.pick()
		if p == "" {
			return "none"
		}
		e.setFront(p, "title", "Title "+word())
		return "title of " + p
	case 4:
		p := e.pick()
		if p == "" {
			return "none"
		}
		e.setFront(p, "date", fmt.Sprintf("2025-%02d-%02d", 1+e.rng.IntN(12), 1+e.rng.IntN(28)))
		return "date of " + p
	case 5:
		e.n++
		name := fmt.Sprintf("content/posts/new%d.md", e.n)
		e.write(name, fmt.Sprintf("---\ntitle: New %d\ndate: 2025-%02d-10\ntags: [%s]\n---\nNew post on %s. {{< afflink program=\"zeta\" >}}Zeta{{< /afflink >}}\n", e.n, 1+e.rng.IntN(12), word(), word()))
		return "new post " + name
	case 6:
		p := e.pick()
		if p == "" {
			return "none"
		}
		e.remove(p)
		return "removed " + p
	case 7:
		e.write("layouts/partials/footer.html", fmt.Sprintf("<footer class=\"mine\">{{ .Site.Title }} footer %d</footer>\n", e.rng.IntN(1000)))
		return "template"
	case 8:
		e.write("data/programs/acme.yaml", fmt.Sprintf("name: Acme\nurl: https://acme.example/\ncommission: 0.40\nplans:\n  - name: Basic\n    monthly: %d.00\n  - name: Pro\n    monthly: 30.00\n", 5+e.rng.IntN(20)))
		return "program data"
	case 9:
		text := e.read("site.toml")
		i := strings.Index(text, "paginate = ")
		e.write("site.toml", text[:i]+fmt.Sprintf("paginate = %d", 1+e.rng.IntN(3))+text[i+len("paginate = 2"):])
		return "config"
	case 10:
		e.write("static/notes.txt", "notes "+word()+"\n")
		return "static file"
	case 11:
		p := e.pick()
		if p == "" {
			return "none"
		}
		if strings.Contains(e.read(p), "draft: true") {
			e.setFront(p, "draft", "")
		} else {
			e.setFront(p, "draft", "true")
		}
		return "draft flag of " + p
	case 12:
		opts.Drafts = !opts.Drafts
		return fmt.Sprintf("--drafts=%v", opts.Drafts)
	case 13:
		p := e.pick()
		if p == "" {
			return "none"
		}
		e.setFront(p, "tags", "["+word()+", "+word()+"]")
		return "tags of " + p
	case 14:
		opts.Now = opts.Now.Add(time.Duration(e.rng.IntN(20)) * time.Hour)
		return "time passes to " + opts.Now.Format(time.RFC3339)
	case 16, 17, 18: // front matter that only lists show: the card's rating, the summary, a custom taxonomy
		p := e.pick()
		if p == "" {
			return "none"
		}
		key, value := "rating", fmt.Sprint(1+e.rng.IntN(5))
		switch k {
		case 17:
			key, value = "description", "About "+word()
		case 18:
			key, value = "series", "["+word()+"]"
		}
		if e.rng.IntN(4) == 0 {
			value = ""
		}
		e.setFront(p, key, value)
		return key + " of " + p
	default:
		e.write("content/posts/_index.md", "---\ntitle: Posts "+word()+"\n---\nAll the posts.\n")
		return "section index"
	}
}

// randomSite is cacheSite with a custom taxonomy, which the random edits
// change.
var randomSite = strings.Replace(cacheSite, "[affiliate]", "[taxonomies]\ntag = \"tags\"\ncategory = \"categories\"\nseries = \"series\"\n[affiliate]", 1)

// TestCacheEqualsClean makes a seeded random sequence of edits of every
// kind and, after each, compares a build using the cache with a build
// without it, byte for byte, the manifest and the warnings included. Seeds 4 and 5 trust
// stat data at once (the files are written just before each build), so
// that unchanged content files come from their snapshots.
func TestCacheEqualsClean(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{1, 2, 3, 4, 5} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			dir := writeSite(t, randomSite)
			ed := &siteEditor{t: t, dir: dir, rng: rand.New(rand.NewPCG(seed, 17))}
			if seed > 3 {
				cacheEqualsCleanWith(t, ed, generator.WithoutRacyWindow)
				return
			}
			cacheEqualsClean(t, ed)
		})
	}
}

// cacheEqualsClean makes 30 random edits with ed and, after each,
// compares a build using the cache with a clean one.
func cacheEqualsClean(t *testing.T, ed *siteEditor) {
	cacheEqualsCleanWith(t, ed, func(o generator.Options) generator.Options { return o })
}

// cacheEqualsCleanWith is cacheEqualsClean, the cached build's options
// passed through adjust.
func cacheEqualsCleanWith(t *testing.T, ed *siteEditor, adjust func(generator.Options) generator.Options) {
	dir := ed.dir
	work := t.TempDir()
	opts := generator.Options{Source: dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	reused := 0
	for step := 0; step < 30; step++ {
		what := "first build"
		if step > 0 {
			what = ed.edit(&opts)
		}
		cached := opts
		cached.Dest, cached.CacheDir = filepath.Join(work, "cached"), filepath.Join(work, "cache")
		cached = adjust(cached)
		rc, errCached := generator.Build(cached)
		clean := opts
		clean.Dest = filepath.Join(work, fmt.Sprintf("clean%d", step))
		rep, errClean := generator.Build(clean)
		if (errCached == nil) != (errClean == nil) {
			t.Fatalf("step %d (%s): cached build: %v; clean build: %v", step, what, errCached, errClean)
		}
		if errClean != nil {
			continue
		}
		compareWarnings(t, fmt.Sprintf("step %d (%s)", step, what), rep.Warnings, rc.Warnings)
		if d := diffTrees(readTree(t, clean.Dest), readTree(t, cached.Dest)); d != "" {
			t.Fatalf("step %d (%s): the cached build differs from a clean one:\n%s", step, what, d)
		}
		// The cached build starts from the one before (the
		// output's spare): it must leave no folder behind.
		if a, b := readFolders(t, clean.Dest), readFolders(t, cached.Dest); a != b {
			t.Fatalf("step %d (%s): folders of the clean build:\n%s\nof the cached one:\n%s", step, what, a, b)
		}
		os.RemoveAll(clean.Dest)
		reused += rc.Reused
	}
	if reused == 0 {
		t.Error("no build reused a file from the cache")
	}
}

// TestCacheReusesUnchanged checks that a body edit re-renders that page
// and reuses the others.
func TestCacheReusesUnchanged(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, cacheSite)
	work := t.TempDir()
	opts := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	first, err := generator.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if first.Reused != 0 {
		t.Fatalf("first build reused %d files", first.Reused)
	}
	ed := &siteEditor{t: t, dir: dir}
	ed.write("content/posts/c.md", ed.read("content/posts/c.md")+"\nOne more line.\n")
	rep, err := generator.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Reused == 0 || rep.Reused >= rep.Files {
		t.Errorf("reused %d of %d files; want some, not all", rep.Reused, rep.Files)
	}
	if !strings.Contains(string(readTree(t, opts.Dest)["posts/c/index.html"]), "One more line.") {
		t.Error("the edited page was not rendered again")
	}
}

// TestCacheDistrustsBadState corrupts, truncates and re-versions the
// state file and changes cached objects in place: every build still
// equals a clean one.
func TestCacheDistrustsBadState(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, cacheSite)
	work := t.TempDir()
	opts := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	cleanOpts := opts
	cleanOpts.Dest, cleanOpts.CacheDir = filepath.Join(work, "clean"), ""
	if _, err := generator.Build(cleanOpts); err != nil {
		t.Fatal(err)
	}
	want := readTree(t, cleanOpts.Dest)
	state := filepath.Join(opts.CacheDir, buildcache.StateName)
	magic := fmt.Sprintf("affsite build cache %d ", buildcache.Format)
	damage := []struct {
		name   string
		damage func(t *testing.T)
	}{
		{"truncated", func(t *testing.T) { truncateFile(t, state) }},
		{"a byte flipped", func(t *testing.T) {
			b := readFile(t, state)
			b[len(b)-3] ^= 0xff
			writeFile(t, state, b)
		}},
		{"other version", func(t *testing.T) {
			b := readFile(t, state)
			if !bytes.HasPrefix(b, []byte(magic)) {
				t.Fatalf("the state does not start with %q", magic)
			}
			writeFile(t, state, []byte(strings.Replace(string(b), magic, magic+"\"0.0.1\" ", 1)))
		}},
		{"other format", func(t *testing.T) {
			b := readFile(t, state)
			if !bytes.HasPrefix(b, []byte(magic)) {
				t.Fatalf("the state does not start with %q", magic)
			}
			writeFile(t, state, []byte(strings.Replace(string(b), magic, fmt.Sprintf("affsite build cache %d ", buildcache.Format+1), 1)))
		}},
		{"garbage", func(t *testing.T) { writeFile(t, state, []byte("not a cache\n")) }},
		{"output edited in place", func(t *testing.T) {
			// The output shares the cached object's inode.
			f, err := os.OpenFile(filepath.Join(opts.Dest, "posts", "a", "index.html"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("<!-- edited -->")
			f.Close()
		}},
		{"objects removed", func(t *testing.T) { os.RemoveAll(filepath.Join(opts.CacheDir, "objects")) }},
	}
	for _, d := range damage {
		if _, err := generator.Build(opts); err != nil {
			t.Fatalf("%s: build before: %v", d.name, err)
		}
		d.damage(t)
		rep, err := generator.Build(opts)
		if err != nil {
			t.Fatalf("%s: %v", d.name, err)
		}
		if diff := diffTrees(want, readTree(t, opts.Dest)); diff != "" {
			t.Errorf("%s: output differs from a clean build:\n%s", d.name, diff)
		}
		if d.name != "output edited in place" && d.name != "objects removed" && rep.Reused != 0 {
			t.Errorf("%s: reused %d files from a state that cannot be trusted", d.name, rep.Reused)
		}
	}
}

// TestCacheConcurrentBuilds builds one site into two outputs sharing a
// cache, and twice into one output, at the same time, while pages change.
func TestCacheConcurrentBuilds(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, cacheSite)
	work := t.TempDir()
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	cache := filepath.Join(work, "cache")
	for round := 0; round < 4; round++ {
		ed := &siteEditor{t: t, dir: dir}
		ed.write("content/posts/c.md", ed.read("content/posts/c.md")+fmt.Sprintf("\nRound %d.\n", round))
		cleanOpts := generator.Options{Source: dir, Dest: filepath.Join(work, fmt.Sprintf("clean%d", round)), Now: now}
		if _, err := generator.Build(cleanOpts); err != nil {
			t.Fatal(err)
		}
		want := readTree(t, cleanOpts.Dest)
		dests := []string{"a", "b", "a", "b"}
		var wg sync.WaitGroup
		errs := make([]error, len(dests))
		for i, d := range dests {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = generator.Build(generator.Options{Source: dir, Dest: filepath.Join(work, d), CacheDir: cache, Now: now})
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, build %d: %v", round, i, err)
			}
		}
		for _, d := range []string{"a", "b"} {
			if diff := diffTrees(want, readTree(t, filepath.Join(work, d))); diff != "" {
				t.Fatalf("round %d: %s differs from a clean build:\n%s", round, d, diff)
			}
		}
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func truncateFile(t *testing.T, name string) {
	t.Helper()
	b := readFile(t, name)
	writeFile(t, name, b[:len(b)/2])
}

// TestCacheSubIDPrefixChange: a page whose own file did not change gets a
// new sub-id prefix when another page takes its slug (the prefix becomes
// the path); the cached build must render it again, as a clean one does.
func TestCacheSubIDPrefixChange(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, `
-- site.toml --
title = "T"
baseURL = "https://example.org/"
[affiliate]
ref_id = "t-demo-1"
-- data/programs/acme.yaml --
name: Acme
url: https://acme.example/
commission: 0.40
plans:
  - name: Basic
    monthly: 10.00
-- content/posts/a.md --
---
title: A
slug: dup
url: /posts/a/
---
{{< disclosure >}} {{< afflink program="acme" placement="intro" >}}Acme{{< /afflink >}}
-- content/reviews/b.md --
---
title: B
slug: other
url: /reviews/b/
---
{{< disclosure >}} {{< afflink program="acme" placement="intro" >}}Acme{{< /afflink >}}
`)
	work := t.TempDir()
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	cached := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: now}
	if _, err := generator.Build(cached); err != nil {
		t.Fatal(err)
	}
	ed := &siteEditor{t: t, dir: dir}
	ed.write("content/reviews/b.md", strings.Replace(ed.read("content/reviews/b.md"), "slug: other", "slug: dup", 1))
	if _, err := generator.Build(cached); err != nil {
		t.Fatal(err)
	}
	clean := generator.Options{Source: dir, Dest: filepath.Join(work, "clean"), Now: now}
	if _, err := generator.Build(clean); err != nil {
		t.Fatal(err)
	}
	if d := diffTrees(readTree(t, clean.Dest), readTree(t, cached.Dest)); d != "" {
		t.Errorf("cached build differs from a clean one after a slug took another page's:\n%s", d)
	}
}

// readFolders lists the folders below dir, one a line, sorted.
func readFolders(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// TestCacheInsideOutput: a cache folder inside the output folder (or the
// other way round) is refused before anything is written, and leaves no
// temporary folder behind; a refused output folder is refused first.
func TestCacheInsideOutput(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, cacheSite)
	work := t.TempDir()
	out := filepath.Join(work, "out")
	for _, cache := range []string{filepath.Join(out, "cache"), work} {
		_, err := generator.Build(generator.Options{Source: dir, Dest: out, CacheDir: cache})
		if err == nil || !strings.Contains(err.Error(), "must not hold one another") {
			t.Errorf("cache %s: error = %v", cache, err)
		}
		names, _ := os.ReadDir(work)
		for _, n := range names {
			t.Errorf("cache %s: %s left in the output's folder", cache, n.Name())
		}
	}
	_, err := generator.Build(generator.Options{Source: dir, Dest: dir, CacheDir: filepath.Join(dir, ".affsite", "cache")})
	if err == nil || !strings.Contains(err.Error(), "site's source folder") {
		t.Errorf("output = source: error = %v", err)
	}
}
