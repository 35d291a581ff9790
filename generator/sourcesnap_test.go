package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// snapSite has front matter of every type the decoders make, in YAML,
// TOML and JSON, and a layout that prints each page's parameters with
// their Go types (at the top level; TestValueRoundTrip checks nested
// ones), so that a value a snapshot gave back differently
// (an int64 for an int, a time in another zone) shows in the output.
const snapSite = `-- site.toml --
title = "Snap"
baseURL = "https://snap.example/"
-- layouts/_default/single.html --
<h1>{{ .Title }}</h1><p>{{ range $k, $v := .Params }}{{ $k }}={{ printf "%T %#v" $v $v }};{{ end }}</p><p>{{ .Summary }} {{ .WordCount }}</p>{{ .Content }}
-- layouts/_default/list.html --
{{ range .Pages }}<li>{{ .Title }} {{ .Date }} {{ .Summary }} {{ range $k, $v := .Params }}{{ $k }}={{ printf "%T %#v" $v $v }};{{ end }}</li>{{ end }}
-- content/posts/_index.md --
---
title: Posts
cascade:
  kind_of: cascaded
---
-- content/posts/yaml.md --
---
title: YAML
date: 2026-03-05T10:20:30+02:00
n: 3
big: 12345678901234567890
f: 1.5
yes: on
list: [1, x, {k: v}]
nested: {a: {b: null}}
---
Some words before the fold.

<!--more-->

And after it.
-- content/posts/toml.md --
+++
title = "TOML"
date = 2026-03-06
n = 4
local = 10:20:30
[[rows]]
a = 1.0
+++
TOML body text.
-- content/posts/json.md --
{
  "title": "JSON",
  "date": "2026-03-07",
  "n": 5,
  "m": {"x": [true, null, 2.5]}
}
JSON body text.
-- content/about.md --
About, without front matter.
`

// TestSnapshotEqualsClean: a warm build takes unchanged sources from
// their snapshots and equals a clean build byte for byte (the list
// pages, rendered again after each edit, print the parameters of the
// pages that came from snapshots); a file edited
// to the same size and modification time, or replaced by another of the
// same size and times, is read again.
func TestSnapshotEqualsClean(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, snapSite)
	work := t.TempDir()
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	cached := generator.WithoutRacyWindow(generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: now})
	step := 0
	build := func(what string, wantSnaps int) {
		t.Helper()
		step++
		rep, err := generator.Build(cached)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		clean := generator.Options{Source: dir, Dest: filepath.Join(work, "clean"+string(rune('0'+step))), Now: now}
		if _, err := generator.Build(clean); err != nil {
			t.Fatal(err)
		}
		if d := diffTrees(readTree(t, clean.Dest), readTree(t, cached.Dest)); d != "" {
			t.Fatalf("%s: the cached build differs from a clean one:\n%s", what, d)
		}
		if got := generator.SnapshotsUsed(rep); got != wantSnaps {
			t.Fatalf("%s: %d sources from their snapshots, want %d", what, got, wantSnaps)
		}
	}
	build("first build", 0)
	build("nothing changed", 5)

	yaml := filepath.Join(dir, "content/posts/yaml.md")
	st, err := os.Stat(yaml)
	if err != nil {
		t.Fatal(err)
	}
	edited := readFile(t, yaml)
	copy(edited[bytes.Index(edited, []byte("Some words")):], "SOME WORDS")
	if err := os.WriteFile(yaml, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(yaml, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	build("edited to the same size and time", 4)

	toml := filepath.Join(dir, "content/posts/toml.md")
	st, err = os.Stat(toml)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "toml.new")
	if err := os.WriteFile(other, []byte(strings.Replace(string(readFile(t, toml)), "n = 4", "n = 9", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(other, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, toml); err != nil {
		t.Fatal(err)
	}
	build("replaced by a file of the same size and times", 4)
	build("nothing changed again", 5)
}

// TestSnapshotRacyWindow: without the test's window, files written
// just before a build are read again, whatever their stat data say, by
// a build and by a preview Session alike (and a Session with the test's
// window takes them from its snapshots). The builds read the files half
// a window after the last was written, by the clock they are given, so
// that a loaded machine cannot move them out of the window.
func TestSnapshotRacyWindow(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, snapSite)
	clock := lastWritten(t, filepath.Join(dir, "content")).Add(generator.RacyWindow / 2)
	now := func() time.Time { return clock }
	work := t.TempDir()
	opts := generator.Options{Source: dir, Dest: filepath.Join(work, "out"), CacheDir: filepath.Join(work, "cache"), Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	opts = generator.WithClock(opts, now)
	for i := range 2 {
		rep, err := generator.Build(opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := generator.SnapshotsUsed(rep); got != 0 {
			t.Fatalf("build %d: %d sources written within the racy window taken from their snapshots", i, got)
		}
	}
	session := generator.WithClock(generator.Options{Source: dir, CacheDir: opts.CacheDir, Now: opts.Now}, now)
	for i, want := range []int{0, 0, -1} {
		if i == 2 {
			session = generator.WithoutRacyWindow(session)
		}
		rep, err := generator.NewSession(session).Rebuild(nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := generator.SnapshotsUsed(rep.Report); got != want && !(want < 0 && got > 0) {
			t.Fatalf("session %d: %d sources taken from their snapshots", i, got)
		}
	}
}

// lastWritten is the latest modification or change time of the files
// below dir.
func lastWritten(t *testing.T, dir string) time.Time {
	t.Helper()
	var last time.Time
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		at, err := generator.StatTime(p)
		if at.After(last) {
			last = at
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return last
}
