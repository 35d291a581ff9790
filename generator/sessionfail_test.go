package generator_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// TestSessionFailedRebuildKeepsState breaks a file in a way that fails
// the rebuild (a shortcode, front matter, a shortcode's template), then
// fixes it: the failed rebuild leaves the served files and the last good
// state exactly as they were (FreezeSession), and the rebuild after the
// fix is incremental and equals a clean build, files and warnings. The
// rebuild after the fix is told only of the fixed file: what the failed
// one was told of it must still apply.
func TestSessionFailedRebuildKeepsState(t *testing.T) {
	t.Parallel()
	const a, b, note = "content/posts/a.md", "content/posts/b.md", "layouts/shortcodes/note.html"
	type edit struct{ file, from, to string }
	cases := []struct {
		name    string
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
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ed := &siteEditor{t: t, dir: writeSite(t, incrementalSite)}
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
// is as it was, for every kind of incremental edit.
func TestSessionRebuildLeavesLastState(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, file, from, to string
	}{
		{"body", "content/posts/a.md", "Alpha text.", "Alpha text, edited."},
		{"title", "content/posts/b.md", "title: Beta", "title: Beta Two"},
		{"date", "content/posts/a.md", "date: 2026-01-01", "date: 2025-06-01"},
		{"tags", "content/posts/c.md", "categories: [misc]", "categories: [misc]\ntags: [three]"},
		{"program", "data/programs/acme.yaml", "monthly: 30.00", "monthly: 35.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ed := &siteEditor{t: t, dir: writeSite(t, incrementalSite)}
			sess := generator.NewSession(generator.Options{Source: ed.dir})
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
		})
	}
}
