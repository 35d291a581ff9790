// Package sitetest writes the temporary sites tests build, check, import
// into and serve: a txtar archive (golang.org/x/tools/txtar, as Hugo's
// integration tests write theirs) or a map of files, each written below
// the test's own t.TempDir(). It is the one copy of that loop for every
// package's tests; it imports nothing of affsite.
package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Write writes the files of archive, a txtar archive ("-- site.toml --"
// lines, each followed by its file's text), below a new temporary folder
// and returns the folder. An archive without files fails the test.
func Write(t testing.TB, archive string) string {
	t.Helper()
	files := Files(archive)
	if len(files) == 0 {
		t.Fatal("sitetest: the site archive has no files")
	}
	return WriteFiles(t, files)
}

// Files returns the files of a txtar archive by path. The text before
// the first file is a comment, and left out.
func Files(archive string) map[string]string {
	files := map[string]string{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		files[strings.TrimSpace(f.Name)] = string(f.Data)
	}
	return files
}

// WriteFiles writes files (slash-separated path below the folder → text)
// below a new temporary folder and returns the folder.
func WriteFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	WriteInto(t, dir, files)
	return dir
}

// WriteInto writes files into dir, an existing folder the test made,
// creating the folders they need; a path that would leave dir fails the
// test.
func WriteInto(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			t.Fatalf("sitetest: %q is not a path below the site folder", name)
		}
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
