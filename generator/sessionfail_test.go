package generator_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// incrementalMultiSite is incrementalSite in three languages
// (threeLanguages), with German translations of posts a and b, whose
// pages show their translations' titles.
var incrementalMultiSite = strings.Replace(incrementalSite, "paginate = 2\n", threeLanguages, 1) + `-- content-de/posts/a.md --
---
title: Alpha auf Deutsch
date: 2026-01-01
tags: [eins]
---
Alpha-Text. {{< afflink program="acme" >}}Acme{{< /afflink >}}
-- content-de/posts/b.md --
---
title: Beta auf Deutsch
date: 2026-01-02
---
Beta-Text.
-- layouts/partials/header.html --
<header>{{ .Site.Title }}` + switcher + `</header>
`

// TestSessionFailedRebuildKeepsState breaks a file in a way that fails
// the rebuild (a shortcode, front matter, a shortcode's template), then
// fixes it: the failed rebuild leaves the served files and the last good
// state exactly as they were (FreezeSession), and the rebuild after the
// fix is incremental and equals a clean build, files and warnings, and
// links only pages of its own (SessionLinks). The rebuild after the fix
// is told only of the fixed file: what the failed one was told of it
// must still apply. The multilingual cases break translated pages.
func TestSessionFailedRebuildKeepsState(t *testing.T) {
	t.Parallel()
	const a, b, note = "content/posts/a.md", "content/posts/b.md", "layouts/shortcodes/note.html"
	const deA = "content-de/posts/a.md"
	type edit struct{ file, from, to string }
	cases := []struct {
		name    string
		multi   bool   // on incrementalMultiSite
		setup   []edit // applied, and built, first
		breaks  []edit
		wantErr string
		fix     []edit
	}{
		{name: "unknown shortcode",
			breaks:  []edit{{a, "{{< commission-table >}}", "{{< nosuch >}}"}},
			wantErr: `content/posts/a.md:9:1: unknown shortcode "nosuch"`,
			fix:     []edit{{a, "{{< nosuch >}}", "{{< commission-table >}} Fixed."}}},
		{name: "front matter",
			breaks:  []edit{{a, "title: Alpha", "title: [Alpha"}},
			wantErr: "content/posts/a.md:3: front matter",
			fix:     []edit{{a, "title: [Alpha", "title: Alpha fixed"}}},
		{name: "shortcode template syntax",
			setup:   []edit{{note, "", "<aside>{{ .Get 0 }}</aside>\n"}, {b, "Beta text", "{{< note \"n\" >}} Beta text"}},
			breaks:  []edit{{note, "<aside>{{ .Get 0 }}", "<aside>{{ .Get 0 "}},
			wantErr: "note.html",
			fix:     []edit{{note, "<aside>{{ .Get 0 ", "<aside class=\"x\">{{ .Get 0 }}"}}},
		{name: "shortcode template execution",
			setup:   []edit{{note, "", "<aside>{{ .Get 0 }}</aside>\n"}, {b, "Beta text", "{{< note \"n\" >}} Beta text"}},
			breaks:  []edit{{note, "{{ .Get 0 }}", "{{ .Get 0 | nosuchfunc }}"}},
			wantErr: "nosuchfunc",
			fix:     []edit{{note, "{{ .Get 0 | nosuchfunc }}", "{{ .Get 0 | upper }}"}}},
		{name: "a good edit beside the broken one",
			breaks:  []edit{{a, "{{< commission-table >}}", "{{< nosuch >}}"}, {b, "title: Beta", "title: Beta, edited"}},
			wantErr: `unknown shortcode "nosuch"`,
			fix:     []edit{{a, "{{< nosuch >}}", "{{< commission-table >}}"}}},
		{name: "multilingual: unknown shortcode", multi: true,
			breaks:  []edit{{a, "{{< commission-table >}}", "{{< nosuch >}}"}},
			wantErr: `content/posts/a.md:9:1: unknown shortcode "nosuch"`,
			fix:     []edit{{a, "{{< nosuch >}}", "{{< commission-table >}} Fixed."}}},
		{name: "multilingual: a translation's front matter", multi: true,
			breaks:  []edit{{deA, "title: Alpha auf Deutsch", "title: [Alpha"}},
			wantErr: "content-de/posts/a.md:3: front matter",
			fix:     []edit{{deA, "title: [Alpha", "title: Alpha, neu"}}},
		{name: "multilingual: a good edit of a translation beside the broken one", multi: true,
			breaks:  []edit{{a, "{{< commission-table >}}", "{{< nosuch >}}"}, {deA, "Alpha-Text.", "Alpha-Text, neu."}},
			wantErr: `unknown shortcode "nosuch"`,
			fix:     []edit{{a, "{{< nosuch >}}", "{{< commission-table >}}"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			site := incrementalSite
			if c.multi {
				site = incrementalMultiSite
			}
			ed := &siteEditor{t: t, dir: writeSite(t, site)}
			apply := func(edits []edit) []string {
				ed.changed = nil
				for _, e := range edits {
					text := ""
					if e.from != "" {
						text = ed.read(e.file)
						if !strings.Contains(text, e.from) {
							t.Fatalf("%s does not contain %q", e.file, e.from)
						}
					}
					ed.write(e.file, strings.Replace(text, e.from, e.to, 1))
				}
				return ed.changed
			}
			opts := generator.Options{Source: ed.dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
			sess := generator.NewSession(opts)
			if _, err := sess.Rebuild(nil); err != nil {
				t.Fatal(err)
			}
			if c.setup != nil {
				if _, err := sess.Rebuild(apply(c.setup)); err != nil {
					t.Fatal(err)
				}
			}
			served := memTree(sess.Files())
			unchanged := generator.FreezeSession(sess)
			_, err := sess.Rebuild(apply(c.breaks))
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("broken rebuild: error = %v, want one with %q", err, c.wantErr)
			}
			if d := diffTrees(served, memTree(sess.Files())); d != "" {
				t.Errorf("the failed rebuild changed the served files: %s", d)
			}
			if err := unchanged(); err != nil {
				t.Errorf("the failed rebuild changed the last good state: %v", err)
			}
			rr, err := sess.Rebuild(apply(c.fix))
			if err != nil {
				t.Fatalf("rebuild after the fix: %v", err)
			}
			if rr.Full {
				t.Error("the rebuild after the fix was a full one")
			}
			if err := generator.SessionLinks(sess); err != nil {
				t.Errorf("after the fix: %v", err)
			}
			clean := generator.NewMemOutput()
			rep, err := generator.Build(generator.Options{Source: ed.dir, Now: opts.Now, Output: clean})
			if err != nil {
				t.Fatal(err)
			}
			compareOutputs(t, "after the fix", clean, sess.Files())
			compareWarnings(t, "after the fix", rep.Warnings, rr.Warnings)
		})
	}
}

// TestSessionRebuildLeavesLastState: a rebuild that succeeds edits copies
// too: the state the last build left (its sources, pages, lists, terms)
// is as it was, for every kind of incremental edit, on a site of one
// language and a multilingual one; the rebuild equals a clean build and
// links only pages of its own (SessionLinks).
func TestSessionRebuildLeavesLastState(t *testing.T) {
	t.Parallel()
	type change struct{ name, file, from, to string }
	changes := []change{
		{"body", "content/posts/a.md", "Alpha text.", "Alpha text, edited."},
		{"title", "content/posts/b.md", "title: Beta", "title: Beta Two"},
		{"date", "content/posts/a.md", "date: 2026-01-01", "date: 2025-06-01"},
		{"tags", "content/posts/c.md", "categories: [misc]", "categories: [misc]\ntags: [three]"},
		{"program", "data/programs/acme.yaml", "monthly: 30.00", "monthly: 35.00"},
	}
	type run struct {
		change
		site string
	}
	var cases []run
	for _, c := range changes {
		cases = append(cases, run{c, incrementalSite})
		c.name = "multilingual " + c.name
		cases = append(cases, run{c, incrementalMultiSite})
	}
	for _, c := range []change{
		{"multilingual translation body", "content-de/posts/a.md", "Alpha-Text.", "Alpha-Text, neu."},
		{"multilingual translation title", "content-de/posts/b.md", "title: Beta auf Deutsch", "title: Beta, neu"},
		{"multilingual untranslated body", "content/posts/c.md", "Gamma has no links.", "Gamma has one word more."},
	} {
		cases = append(cases, run{c, incrementalMultiSite})
	}
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ed := &siteEditor{t: t, dir: writeSite(t, c.site)}
			sess := generator.NewSession(generator.Options{Source: ed.dir, Now: now})
			if _, err := sess.Rebuild(nil); err != nil {
				t.Fatal(err)
			}
			unchanged := generator.FreezeSession(sess)
			ed.write(c.file, strings.Replace(ed.read(c.file), c.from, c.to, 1))
			rr, err := sess.Rebuild(ed.changed)
			if err != nil {
				t.Fatal(err)
			}
			if rr.Full || len(rr.Changed) == 0 {
				t.Fatalf("full = %v, changed = %v: want an incremental rebuild that changes files", rr.Full, rr.Changed)
			}
			if err := unchanged(); err != nil {
				t.Errorf("the rebuild changed the last state: %v", err)
			}
			if err := generator.SessionLinks(sess); err != nil {
				t.Error(err)
			}
			clean := generator.NewMemOutput()
			rep, err := generator.Build(generator.Options{Source: ed.dir, Now: now, Output: clean})
			if err != nil {
				t.Fatal(err)
			}
			compareOutputs(t, c.name, clean, sess.Files())
			compareWarnings(t, c.name, rep.Warnings, rr.Warnings)
		})
	}
}

// replaceIn replaces from with to in the file name, which must hold it,
// as an edit the session is told of.
func (e *siteEditor) replaceIn(name, from, to string) {
	e.t.Helper()
	text := e.read(name)
	if !strings.Contains(text, from) {
		e.t.Fatalf("%s does not contain %q", name, from)
	}
	e.write(name, strings.Replace(text, from, to, 1))
}

// TestSessionFailuresInARow: rebuilds that fail one after another, each
// told only of its own files, leave the last good state as it was, and
// the rebuild that succeeds at last applies every file they were told
// of (a good edit told to the first, a fix told to the second) and
// equals a clean build.
func TestSessionFailuresInARow(t *testing.T) {
	t.Parallel()
	const a, b, c = "content/posts/a.md", "content/posts/b.md", "content/posts/c.md"
	ed := &siteEditor{t: t, dir: writeSite(t, incrementalSite)}
	opts := generator.Options{Source: ed.dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	sess := generator.NewSession(opts)
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	served, unchanged := memTree(sess.Files()), generator.FreezeSession(sess)
	steps := []struct {
		edits   [][3]string // file, from, to
		wantErr string      // "": the rebuild succeeds
	}{
		{[][3]string{{a, "{{< commission-table >}}", "{{< nosuch >}}"}, {c, "title: Gamma", "title: Gamma edited"}}, `unknown shortcode "nosuch"`},
		{[][3]string{{b, "title: Beta", "title: [Beta"}}, "content/posts/b.md:3"},
		{[][3]string{{b, "title: [Beta", "title: Beta fixed"}}, `unknown shortcode "nosuch"`},
		{[][3]string{{a, "{{< nosuch >}}", "{{< commission-table >}}"}}, ""},
	}
	for i, st := range steps {
		ed.changed = nil
		for _, e := range st.edits {
			ed.replaceIn(e[0], e[1], e[2])
		}
		rr, err := sess.Rebuild(ed.changed)
		if st.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), st.wantErr) {
				t.Fatalf("rebuild %d: error = %v, want one with %q", i+1, err, st.wantErr)
			}
			if d := diffTrees(served, memTree(sess.Files())); d != "" {
				t.Errorf("rebuild %d changed the served files: %s", i+1, d)
			}
			if err := unchanged(); err != nil {
				t.Errorf("rebuild %d changed the last good state: %v", i+1, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("rebuild %d: %v", i+1, err)
		}
		if rr.Full {
			t.Errorf("rebuild %d was a full one", i+1)
		}
		clean := generator.NewMemOutput()
		rep, err := generator.Build(generator.Options{Source: ed.dir, Now: opts.Now, Output: clean})
		if err != nil {
			t.Fatal(err)
		}
		compareOutputs(t, "after the failures", clean, sess.Files())
		compareWarnings(t, "after the failures", rep.Warnings, rr.Warnings)
	}
}

// TestSessionRebuildsLeaveEveryState: a page that rebuilds do not touch
// is shared by the states of several builds; a chain of incremental
// edits leaves the state of every build before it as it was.
func TestSessionRebuildsLeaveEveryState(t *testing.T) {
	t.Parallel()
	ed := &siteEditor{t: t, dir: writeSite(t, incrementalSite)}
	sess := generator.NewSession(generator.Options{Source: ed.dir})
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	edits := [][3]string{ // file, from, to
		{"content/posts/a.md", "Alpha text.", "Alpha text, edited."},
		{"content/posts/b.md", "title: Beta", "title: Beta Two"},
		{"data/programs/acme.yaml", "monthly: 30.00", "monthly: 35.00"},
		{"content/posts/c.md", "Gamma has no links.", "Gamma has [a link](https://zeta.example/y)."},
		{"content/posts/a.md", "title: Alpha", "title: Alpha Three"},
		{"content/posts/c.md", "categories: [misc]", "categories: [misc]\ntags: [three]"},
		{"data/programs/zeta.yaml", "monthly: 12.50", "monthly: 13.50"},
		{"content/posts/b.md", "title: Beta Two", "title: Beta"},
	}
	var states []func() error
	for i, e := range edits {
		states = append(states, generator.FreezeSession(sess))
		ed.changed = nil
		ed.replaceIn(e[0], e[1], e[2])
		rr, err := sess.Rebuild(ed.changed)
		if err != nil {
			t.Fatalf("edit %d: %v", i+1, err)
		}
		if rr.Full {
			t.Fatalf("edit %d: a full rebuild, want an incremental one", i+1)
		}
		for j, unchanged := range states {
			if err := unchanged(); err != nil {
				t.Errorf("edit %d changed the state of build %d: %v", i+1, j+1, err)
			}
		}
	}
}
