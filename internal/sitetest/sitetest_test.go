package sitetest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	t.Parallel()
	dir := Write(t, `A comment, not a file.
-- site.toml --
title = "T"
-- content/posts/a.md --
---
title: A
---
Body.
-- data/empty.yaml --
`)
	want := map[string]string{
		"site.toml":          "title = \"T\"\n",
		"content/posts/a.md": "---\ntitle: A\n---\nBody.\n",
		"data/empty.yaml":    "",
	}
	for name, text := range want {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != text {
			t.Errorf("%s = %q, %v; want %q", name, got, err, text)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 3 {
		t.Errorf("the folder holds %v (%v), want site.toml, content and data", entries, err)
	}
}

func TestFiles(t *testing.T) {
	t.Parallel()
	files := Files("comment\n-- a.toml --\nx = 1\n-- content/b.md --\n# B\n\n-- c --\n")
	want := map[string]string{"a.toml": "x = 1\n", "content/b.md": "# B\n\n", "c": ""}
	if len(files) != len(want) {
		t.Errorf("Files = %q, want %q", files, want)
	}
	for name, text := range want {
		if got, ok := files[name]; !ok || got != text {
			t.Errorf("Files[%q] = %q, want %q", name, got, text)
		}
	}
	if got := Files("no files here\n"); len(got) != 0 {
		t.Errorf("Files of a comment = %q, want none", got)
	}
}

func TestWriteIntoRefusesPathsOutside(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"../escape.txt", "/abs.txt", ""} {
		ft := &fatalRecorder{TB: t}
		func() {
			defer func() { _ = recover() }()
			WriteInto(ft, t.TempDir(), map[string]string{name: "x"})
		}()
		if !ft.failed {
			t.Errorf("WriteInto(%q) did not fail the test", name)
		}
	}
}

// fatalRecorder records Fatalf instead of stopping the real test.
type fatalRecorder struct {
	testing.TB
	failed bool
}

func (f *fatalRecorder) Fatalf(string, ...any) {
	f.failed = true
	panic("fatal")
}

func (f *fatalRecorder) Helper() {}

func TestCopyExample(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"site.toml": "title = \"T\"\n", "content/posts/a.md": "A\n", "data/programs/p.yaml": "name: P\n",
		"static/img/x.png": "png", "go.mod": "module m\n", "public/index.html": "old",
	}
	dir := CopyExample(t, WriteFiles(t, files))
	for name, text := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		switch name {
		case "go.mod", "public/index.html": // not the site's
			if err == nil {
				t.Errorf("%s was copied", name)
			}
		default:
			if err != nil || string(got) != text {
				t.Errorf("%s = %q, %v; want %q", name, got, err, text)
			}
		}
	}
}
