package generator_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// TestSessionCacheEqualsClean: a Session with a cache starts from the
// last session's pages, and equals a clean build, over a seeded random
// sequence of edits; each step starts a new session from the cache
// (its first build reusing pages), then edits again and rebuilds that
// session incrementally, from the per-page results the cache restored.
// Seed 3 trusts stat data at once, so that unchanged content files come
// from their snapshots.
func TestSessionCacheEqualsClean(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			dir := writeSite(t, randomSite)
			opts := generator.Options{Source: dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir()}
			if seed == 3 {
				opts = generator.WithoutRacyWindow(opts)
			}
			if _, err := generator.NewSession(opts).Rebuild(nil); err != nil {
				t.Fatal(err)
			}
			ed := &siteEditor{t: t, dir: dir, rng: rand.New(rand.NewPCG(seed, 29))}
			reused := 0
			for step := 1; step <= 15; step++ {
				what := sessionEdit(ed, opts)
				sess := generator.NewSession(opts)
				rr, err := sess.Rebuild(nil)
				if !sameAsClean(t, fmt.Sprintf("step %d (%s), new session", step, what), dir, opts, sess, err) {
					return
				}
				if rr != nil {
					reused += rr.Reused
				}
				what = sessionEdit(ed, opts)
				paths := ed.changed
				ed.changed = nil
				_, err = sess.Rebuild(paths)
				if !sameAsClean(t, fmt.Sprintf("step %d (%s), incremental", step, what), dir, opts, sess, err) {
					return
				}
			}
			if reused == 0 {
				t.Error("no session reused a page from the cache")
			}
		})
	}
}

// sessionEdit makes one random edit a session's options do not see
// (drafts and the time stay).
func sessionEdit(ed *siteEditor, opts generator.Options) string {
	for {
		o := opts
		what := ed.edit(&o)
		if o.Drafts == opts.Drafts && o.Now.Equal(opts.Now) {
			return what
		}
	}
}

// sameAsClean compares the session's files with a clean build's, and
// its error with the clean build's; it reports whether the test may go
// on.
func sameAsClean(t *testing.T, step, dir string, opts generator.Options, sess *generator.Session, errSess error) bool {
	t.Helper()
	clean := generator.NewMemOutput()
	_, errClean := generator.Build(generator.Options{Source: dir, Now: opts.Now, Output: clean})
	if (errSess == nil) != (errClean == nil) {
		t.Fatalf("%s: session: %v; clean: %v", step, errSess, errClean)
	}
	if errClean == nil {
		compareOutputs(t, step, clean, sess.Files())
	}
	return !t.Failed()
}

// TestSessionCacheRestoresPageResults: a session whose pages came from
// the cache knows what rendering them would have told it — a change to
// a shortcode template re-renders the pages using it, a change to a
// picture a product box shows rebuilds all — and a damaged cache is
// ignored: a truncated state or a changed object is never served.
func TestSessionCacheRestoresPageResults(t *testing.T) {
	t.Parallel()
	site := productSite + "-- layouts/shortcodes/note.html --\n<aside>note one</aside>\n-- content/posts/c.md --\n---\ntitle: C\n---\n{{< note >}}\n"
	dir := writeSite(t, site)
	writePNG(t, dir, "static/images/lamp.png", 40, 30)
	writePNG(t, dir, "content/posts/b/lamp.png", 20, 10)
	opts := generator.Options{Source: dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir()}
	if _, err := generator.NewSession(opts).Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	start := func(what string, wantReused bool) *generator.Session {
		t.Helper()
		sess := generator.NewSession(opts)
		rr, err := sess.Rebuild(nil)
		sameAsClean(t, what, dir, opts, sess, err)
		if got := rr != nil && rr.Reused > 0; got != wantReused {
			t.Fatalf("%s: reused %v pages, want reuse %v", what, rr.Reused, wantReused)
		}
		return sess
	}
	sess := start("second session", true)
	write(t, dir, "layouts/shortcodes/note.html", "<aside>note two</aside>\n")
	_, err := sess.Rebuild([]string{"layouts/shortcodes/note.html"})
	sameAsClean(t, "shortcode template", dir, opts, sess, err)
	if got, _ := sess.Files().File("posts/c/index.html"); !strings.Contains(string(got), "note two") {
		t.Fatalf("posts/c: shortcode not rendered again:\n%s", got)
	}

	// Layouts are in every page's key: the first session after the
	// edit renders all, and saves them for the next.
	start("session after the edit", false)
	sess = start("third session", true)
	writePNG(t, dir, "static/images/lamp.png", 80, 60)
	rr, err := sess.Rebuild([]string{"static/images/lamp.png"})
	sameAsClean(t, "picture", dir, opts, sess, err)
	if rr == nil || !rr.Full {
		t.Fatal("a picture a product box shows: want a full rebuild")
	}

	state := filepath.Join(opts.CacheDir, generator.SessionCacheDir, "state")
	data, err := os.ReadFile(state)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Dir(state), "state", string(data[:len(data)/2]))
	start("truncated state", false)
	// That session saved a whole state again: damage every object now.
	objects := filepath.Join(opts.CacheDir, generator.SessionCacheDir, "objects")
	err = filepath.WalkDir(objects, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.WriteFile(p, []byte("not the page"), 0o644)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	start("changed objects", false)
}

// write writes text to name below dir.
func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSessionCacheFirstBuildOnly: a session's full rebuilds after the
// first (a configuration edit) neither read nor write the cache, and
// still equal a clean build.
func TestSessionCacheFirstBuildOnly(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, randomSite)
	opts := generator.Options{Source: dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir()}
	sess := generator.NewSession(opts)
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(opts.CacheDir, generator.SessionCacheDir, "state")
	before, err := os.Stat(state)
	if err != nil {
		t.Fatal(err)
	}
	site, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "site.toml", strings.Replace(string(site), "paginate = 2", "paginate = 3", 1))
	rr, err := sess.Rebuild([]string{"site.toml"})
	if !sameAsClean(t, "configuration edit", dir, opts, sess, err) {
		return
	}
	if !rr.Full || rr.Reused != 0 {
		t.Errorf("configuration edit: full %v, reused %d; want a full build without the cache", rr.Full, rr.Reused)
	}
	after, err := os.Stat(state)
	if err != nil || !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("the second full build wrote the cache's state: %v", err)
	}
}

// warmSession is a session's first build of randomSite (in dir, built
// with opts) after another session's, whose pages it reuses from the
// cache.
func warmSession(t *testing.T) (dir string, opts generator.Options, sess *generator.Session) {
	t.Helper()
	dir = writeSite(t, randomSite)
	opts = generator.Options{Source: dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir()}
	if _, err := generator.NewSession(opts).Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	sess = generator.NewSession(opts)
	if rr, err := sess.Rebuild(nil); err != nil || rr.Reused == 0 {
		t.Fatalf("second session: %v, want pages reused", err)
	}
	return dir, opts, sess
}

// eachObject calls f with the path of each object of the sessions'
// cache that opts names.
func eachObject(t *testing.T, opts generator.Options, f func(path string) error) {
	t.Helper()
	objects := filepath.Join(opts.CacheDir, generator.SessionCacheDir, "objects")
	err := filepath.WalkDir(objects, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = f(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSessionCacheLostObjects: a session's first build leaves the pages
// it reused in the cache's objects until they are read; an object that
// changes before (another session sharing the folder removed or
// rewrote it) is never served — the page reads as missing and the
// output as lost — and the session's next rebuild, even after a
// one-post edit, builds all and equals a clean build.
func TestSessionCacheLostObjects(t *testing.T) {
	t.Parallel()
	dir, opts, sess := warmSession(t)
	eachObject(t, opts, func(p string) error { return os.WriteFile(p, []byte("not the page"), 0o644) })
	files := sess.Files()
	missing := 0
	for _, n := range files.Names() {
		data, ok := files.File(n)
		if !ok {
			missing++
		} else if strings.Contains(string(data), "not the page") {
			t.Fatalf("%s: a changed object was served", n)
		}
	}
	if missing == 0 || !files.Lost() || files.Prefetch(context.Background()) {
		t.Fatalf("%d files missing, lost %v: want the changed objects missing and the output lost", missing, files.Lost())
	}
	ed := &siteEditor{t: t, dir: dir}
	post := "content/posts/a.md"
	ed.write(post, ed.read(post)+"\nOne more line.\n")
	rr, err := sess.Rebuild([]string{post})
	if !sameAsClean(t, "edit after lost objects", dir, opts, sess, err) {
		return
	}
	if !rr.Full {
		t.Error("a rebuild after lost objects was incremental; want a full build")
	}
}

// TestPrefetchStopsWithContext: Prefetch with its context done reads
// nothing, so the pages stay in the cache's objects (a change to them
// is found when they are read later).
func TestPrefetchStopsWithContext(t *testing.T) {
	t.Parallel()
	_, opts, sess := warmSession(t)
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if !sess.Files().Prefetch(done) {
		t.Fatal("Prefetch with its context done found a page lost")
	}
	eachObject(t, opts, os.Remove)
	if sess.Files().Prefetch(context.Background()) {
		t.Error("every page was in memory after a Prefetch whose context was done; want them left in the cache")
	}
}
