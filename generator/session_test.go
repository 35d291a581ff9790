package generator_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/generator"
)

// incrementalSite is a small site with two programs, shortcodes that use
// them, tags, a section and a cloaked-link setting.
const incrementalSite = `-- site.toml --
title = "Inc"
baseURL = "https://inc.example/"
languageCode = "en"
paginate = 2
[affiliate]
ref_id = "me"
link_mode = "cloaked"
-- data/programs/acme.yaml --
name: Acme
url: https://acme.example/
commission: 0.40
plans:
  - name: Basic
    monthly: 10.00
  - name: Pro
    monthly: 30.00
-- data/programs/zeta.yaml --
name: Zeta
url: https://zeta.example/
commission: 0.25
plans:
  - name: One
    monthly: 12.50
-- content/posts/a.md --
---
title: Alpha
date: 2026-01-01
tags: [one, two]
program: acme
---
Alpha text. {{< afflink >}}Acme{{< /afflink >}}

{{< commission-table >}}
-- content/posts/b.md --
---
title: Beta
date: 2026-01-02
tags: [two]
program: zeta
aliases: [/old/]
---
Beta text with [a link](https://zeta.example/x).
-- content/posts/c.md --
---
title: Gamma
date: 2026-01-03
categories: [misc]
---
Gamma has no links.
-- content/about.md --
---
title: About
outputs: [html]
aliases: [/old/]
---
About us. {{< commission-table program="zeta" program="zeta" >}}
-- static/notes.txt --
hello
`

// TestIncrementalEqualsClean edits a site in many ways and, after each
// edit, compares the session's incremental result with a clean build of
// startSession writes site into a new folder and builds it in a
// Session whose clock stands at the session tests' now.
func startSession(t *testing.T, site string) (dir string, now time.Time, sess *generator.Session) {
	t.Helper()
	dir = writeSite(t, site)
	now = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	sess = generator.NewSession(generator.Options{Source: dir, Now: now})
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	return dir, now, sess
}

// the same files, byte for byte.
func TestIncrementalEqualsClean(t *testing.T) {
	t.Parallel()
	dir, now, sess := startSession(t, incrementalSite)
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s does not contain %q", name, old)
		}
		write(name, strings.Replace(string(b), old, new, 1))
	}
	remove := func(name string) {
		t.Helper()
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name     string
		change   func()
		paths    []string
		wantFull bool
		touches  string // an output file the step must change
	}{
		{"body text", func() { edit("content/posts/a.md", "Alpha text.", "Alpha text, edited.") }, []string{"content/posts/a.md"}, false, "posts/a/index.html"},
		{"title", func() { edit("content/posts/b.md", "title: Beta", "title: Beta Two") }, []string{"content/posts/b.md"}, false, "index.html"},
		{"tags", func() { edit("content/posts/c.md", "categories: [misc]", "categories: [misc]\ntags: [three]") }, []string{"content/posts/c.md"}, false, "tags/three/index.html"},
		{"link added", func() { edit("content/posts/c.md", "no links.", "a [link](https://acme.example/y).") }, []string{"content/posts/c.md"}, false, "affiliate-links.json"},
		{"program price", func() { edit("data/programs/acme.yaml", "monthly: 30.00", "monthly: 35.00") }, []string{"data/programs/acme.yaml"}, false, "posts/a/index.html"},
		// The default theme's list cards show a review's program's rating
		// and image from its data.
		{"program rating", func() {
			edit("data/programs/acme.yaml", "commission: 0.40", "commission: 0.40\nrating: 4\nimage: /acme.png")
		}, []string{"data/programs/acme.yaml"}, false, "page/2/index.html"},
		{"new post", func() {
			write("content/posts/d.md", "---\ntitle: Delta\ndate: 2025-12-01\ntags: [one]\noutputs: [html]\n---\nDelta {{< afflink program=\"zeta\" >}}.\n")
		}, []string{"content/posts/d.md"}, false, "posts/d/index.html"},
		{"slug taken by a new page", func() {
			write("content/posts/a2.md", "---\ntitle: Alpha two\ndate: 2025-09-01\nurl: /elsewhere/a/\n---\nA2 {{< afflink program=\"acme\" >}}.\n")
		}, []string{"content/posts/a2.md"}, false, "posts/a/index.html"},
		{"draft", func() { edit("content/posts/d.md", "title: Delta", "title: Delta\ndraft: true") }, []string{"content/posts/d.md"}, false, ""},
		{"deleted post", func() { remove("content/posts/b.md") }, []string{"content/posts/b.md"}, false, ""},
		{"static file", func() { write("static/notes.txt", "hello again\n") }, []string{"static/notes.txt"}, false, "notes.txt"},
		{"static file over the theme's", func() { write("static/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n") }, []string{"static/favicon.svg"}, false, "favicon.svg"},
		{"static file removed", func() { remove("static/favicon.svg") }, []string{"static/favicon.svg"}, true, "favicon.svg"},
		{"shortcode template added", func() {
			write("layouts/shortcodes/commission-table.html", "<table class=\"mine\">{{ range .Data.Rows }}<tr><td>{{ .Plan }}</td><td>{{ .CommissionMonthly }}</td></tr>{{ end }}</table>\n")
		}, []string{"layouts/shortcodes/commission-table.html"}, false, "posts/a/index.html"},
		{"shortcode template edited", func() { edit("layouts/shortcodes/commission-table.html", `class="mine"`, `class="mine2"`) }, []string{"layouts/shortcodes/commission-table.html"}, false, "posts/a/index.html"},
		{"shortcode template removed", func() { remove("layouts/shortcodes/commission-table.html") }, []string{"layouts/shortcodes/commission-table.html"}, false, "posts/a/index.html"},
		{"user shortcode and its page", func() {
			write("layouts/shortcodes/note.html", "<aside>{{ .Get 0 }}</aside>\n")
			write("content/posts/e.md", "---\ntitle: Epsilon\ndate: 2025-10-01\n---\n{{< note \"hi\" >}}\n")
		}, []string{"layouts/shortcodes/note.html", "content/posts/e.md"}, false, "posts/e/index.html"},
		{"user shortcode edited", func() { edit("layouts/shortcodes/note.html", "<aside>", "<aside class=\"n\">") }, []string{"layouts/shortcodes/note.html"}, false, "posts/e/index.html"},
		{"disclosure template", func() {
			write("layouts/shortcodes/disclosure.html", "<div class=\"aff-disclosure\">{{ .Data.Text }}</div>\n")
		}, []string{"layouts/shortcodes/disclosure.html"}, true, "posts/a/index.html"},
		{"page bundle", func() {
			write("content/posts/bun/index.md", "---\ntitle: Bundle\ndate: 2025-11-01\n---\n![c](c.txt)\n")
			write("content/posts/bun/c.txt", "c\n")
		}, []string{"content/posts/bun/index.md", "content/posts/bun/c.txt"}, true, "posts/bun/c.txt"},
		{"page bundle removed", func() { remove("content/posts/bun/index.md") }, []string{"content/posts/bun/index.md"}, true, ""},
		{"site.toml", func() { edit("site.toml", `title = "Inc"`, `title = "Inc 2"`) }, []string{"site.toml"}, true, "index.html"},
		{"new program", func() {
			write("data/programs/new.yaml", "name: New\nurl: https://new.example/\ncommission: 0.1\nplans:\n  - name: X\n    monthly: 1.00\n")
		}, []string{"data/programs/new.yaml"}, true, ""},
		{"new section", func() { write("content/guides/g.md", "---\ntitle: Guide\ndate: 2026-01-05\n---\nGuide.\n") }, []string{"content/guides/g.md"}, true, "guides/g/index.html"},
	}
	for _, st := range steps {
		st.change()
		rr, err := sess.Rebuild(st.paths)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if rr.Full != st.wantFull {
			t.Errorf("%s: full rebuild = %v, want %v", st.name, rr.Full, st.wantFull)
		}
		if st.touches != "" && !contains(rr.Changed, st.touches) {
			t.Errorf("%s: %s not among the changed files %v", st.name, st.touches, rr.Changed)
		}
		clean := generator.NewMemOutput()
		rep, err := generator.Build(generator.Options{Source: dir, Now: now, Output: clean})
		if err != nil {
			t.Fatalf("%s: clean build: %v", st.name, err)
		}
		compareOutputs(t, st.name, clean, sess.Files())
		compareWarnings(t, st.name, rep.Warnings, rr.Warnings)
	}
}

// compareWarnings reports a rebuild's warnings that are not a clean
// build's, or the other way round.
func compareWarnings(t *testing.T, step string, want, got diag.List) {
	t.Helper()
	if w, g := want.Error(), got.Error(); w != g {
		t.Errorf("%s: warnings differ from a clean build's:\nclean:\n%s\nincremental:\n%s", step, w, g)
	}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// compareChanged reports a rebuild whose report's changed and removed
// files are not every file that differs between the builds before
// (prev) and after (next) it.
func compareChanged(t *testing.T, step string, prev, next *generator.MemOutput, rr *generator.RebuildReport) {
	t.Helper()
	var changed, removed []string
	for _, n := range next.Names() {
		old, had := prev.File(n)
		if cur, _ := next.File(n); !had || !bytes.Equal(old, cur) {
			changed = append(changed, n)
		}
	}
	for _, n := range prev.Names() {
		if _, ok := next.File(n); !ok {
			removed = append(removed, n)
		}
	}
	if !slices.Equal(changed, rr.Changed) || !slices.Equal(removed, rr.Removed) {
		t.Errorf("%s: the report says changed %v, removed %v; the files differ in %v, removed %v", step, rr.Changed, rr.Removed, changed, removed)
	}
}

// compareOutputs reports every file that differs between two builds.
func compareOutputs(t *testing.T, step string, want, got *generator.MemOutput) {
	t.Helper()
	wn, gn := want.Names(), got.Names()
	if strings.Join(wn, "\n") != strings.Join(gn, "\n") {
		t.Errorf("%s: file lists differ:\nclean:       %v\nincremental: %v", step, wn, gn)
	}
	for _, n := range wn {
		w, _ := want.File(n)
		g, ok := got.File(n)
		if ok && !bytes.Equal(w, g) {
			t.Errorf("%s: %s differs from a clean build:\nclean:\n%s\nincremental:\n%s", step, n, w, g)
		}
	}
}

// TestIncrementalErrorKeepsFiles checks that a broken edit fails the
// rebuild, keeps the last good files, and that fixing it recovers.
func TestIncrementalErrorKeepsFiles(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, incrementalSite)
	sess := generator.NewSession(generator.Options{Source: dir})
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	before, _ := sess.Files().File("posts/a/index.html")
	p := filepath.Join(dir, "content/posts/a.md")
	good, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(good), "{{< commission-table >}}", "{{< nosuch >}}", 1)), 0o644)
	_, err := sess.Rebuild([]string{"content/posts/a.md"})
	if err == nil || !strings.Contains(err.Error(), `content/posts/a.md:9:1: unknown shortcode "nosuch"`) {
		t.Fatalf("error = %v", err)
	}
	after, _ := sess.Files().File("posts/a/index.html")
	if !bytes.Equal(before, after) {
		t.Error("a failed rebuild changed the served page")
	}
	os.WriteFile(p, bytes.Replace(good, []byte("Alpha text."), []byte("Alpha fixed."), 1), 0o644)
	if _, err := sess.Rebuild([]string{"content/posts/a.md"}); err != nil {
		t.Fatal(err)
	}
	fixed, _ := sess.Files().File("posts/a/index.html")
	if !bytes.Contains(fixed, []byte("Alpha fixed.")) {
		t.Error("the rebuild after the fix does not show it")
	}
}

// TestSessionEqualsClean makes a seeded random sequence of edits of every
// kind a session sees (the cache tests' editor, without the option
// changes a session cannot get) and, after each, compares the session's
// incremental result with a clean build, byte for byte.
func TestSessionEqualsClean(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{1, 2, 3, 4} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			dir := writeSite(t, randomSite)
			sessionEqualsClean(t, &siteEditor{t: t, dir: dir, rng: rand.New(rand.NewPCG(seed, 23))})
		})
	}
}

// sessionEqualsClean makes 40 random edits with ed and, after each,
// compares the session's incremental result with a clean build; some
// rebuilds must have been incremental. Before some edits it breaks a post
// (failBreak), which must fail a rebuild and leave the session's state as
// it was, and mends it with the edit: some rebuilds after a failed one
// must have been incremental too.
func sessionEqualsClean(t *testing.T, ed *siteEditor) {
	dir := ed.dir
	opts := generator.Options{Source: dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	sess := generator.NewSession(opts)
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	incremental, afterFailure := 0, 0
	for step := 1; step <= 40; step++ {
		failed := ed.rng.IntN(5) == 0 && failBreak(t, sess, ed)
		var what string
		for {
			o := opts
			what = ed.edit(&o)
			if o.Drafts == opts.Drafts && o.Now.Equal(opts.Now) {
				break
			}
		}
		paths := ed.changed
		ed.changed = nil
		prev := sess.Files()
		rr, errInc := sess.Rebuild(paths)
		if errInc == nil && !rr.Full {
			incremental++
			compareChanged(t, fmt.Sprintf("step %d (%s)", step, what), prev, sess.Files(), rr)
			if err := generator.SessionLinks(sess); err != nil {
				t.Errorf("step %d (%s): %v", step, what, err)
			}
			if failed {
				afterFailure++
			}
		}
		clean := generator.NewMemOutput()
		rep, errClean := generator.Build(generator.Options{Source: dir, Now: opts.Now, Output: clean})
		if (errInc == nil) != (errClean == nil) {
			t.Fatalf("step %d (%s): incremental: %v; clean: %v", step, what, errInc, errClean)
		}
		if errClean == nil {
			compareOutputs(t, fmt.Sprintf("step %d (%s)", step, what), clean, sess.Files())
			compareWarnings(t, fmt.Sprintf("step %d (%s)", step, what), rep.Warnings, rr.Warnings)
			if t.Failed() {
				return
			}
		}
	}
	if incremental == 0 {
		t.Error("every rebuild was a full one")
	}
	if afterFailure == 0 {
		t.Error("no rebuild after a failed one was incremental")
	}
}

// failBreak breaks a random post with an unknown shortcode, checks that
// the rebuild it asks for fails and leaves the served files and the
// session's last good state as they were (FreezeSession), and puts the
// post back as it was, for the next rebuild to be told of. It tells
// whether it broke one.
func failBreak(t *testing.T, sess *generator.Session, ed *siteEditor) bool {
	t.Helper()
	p := ed.pick()
	if p == "" {
		return false
	}
	good := ed.read(p)
	served, unchanged := memTree(sess.Files()), generator.FreezeSession(sess)
	ed.changed = nil
	ed.write(p, good+"\n{{< nosuch >}}\n")
	_, err := sess.Rebuild(ed.changed)
	if errClean := cleanBuildError(ed.dir); (err == nil) != (errClean == nil) {
		t.Fatalf("breaking %s: incremental: %v; clean: %v", p, err, errClean)
	}
	if err == nil {
		// A draft: the build does not read its body.
		ed.changed = nil
		ed.write(p, good)
		if _, err := sess.Rebuild(ed.changed); err != nil {
			t.Fatalf("putting back %s: %v", p, err)
		}
		ed.changed = nil
		return false
	}
	if d := diffTrees(served, memTree(sess.Files())); d != "" {
		t.Fatalf("breaking %s: the failed rebuild changed the served files: %s", p, d)
	}
	if err := unchanged(); err != nil {
		t.Fatalf("breaking %s: the failed rebuild changed the last good state: %v", p, err)
	}
	ed.changed = nil
	ed.write(p, good)
	return true
}

// cleanBuildError is the error of a clean build of dir, in memory.
func cleanBuildError(dir string) error {
	_, err := generator.Build(generator.Options{Source: dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), Output: generator.NewMemOutput()})
	return err
}

// TestSessionDisabledKinds: a rebuild after an edit writes the site-wide
// files a clean build writes, and no others (disableKinds leaves some
// out).
func TestSessionDisabledKinds(t *testing.T) {
	t.Parallel()
	site := strings.Replace(incrementalSite, "paginate = 2\n", "paginate = 2\ndisableKinds = [\"sitemap\", \"404\", \"robotsTXT\"]\n", 1)
	dir, now, sess := startSession(t, site)
	ed := &siteEditor{t: t, dir: dir}
	for i, step := range []func(){
		func() { ed.setFront("content/posts/b.md", "title", "Beta edited") },
		func() {
			ed.write("content/posts/c.md", ed.read("content/posts/c.md")+"\nA [link](https://acme.example/z).\n")
		},
		func() {
			ed.write("data/programs/zeta.yaml", strings.Replace(ed.read("data/programs/zeta.yaml"), "12.50", "13.50", 1))
		},
	} {
		step()
		paths := ed.changed
		ed.changed = nil
		if _, err := sess.Rebuild(paths); err != nil {
			t.Fatal(err)
		}
		clean := generator.NewMemOutput()
		if _, err := generator.Build(generator.Options{Source: dir, Now: now, Output: clean}); err != nil {
			t.Fatal(err)
		}
		compareOutputs(t, fmt.Sprint("edit ", i), clean, sess.Files())
	}
}
