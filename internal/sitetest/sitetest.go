// Package sitetest writes the temporary sites tests build, check, import
// into and serve: a txtar archive (golang.org/x/tools/txtar, as Hugo's
// integration tests write theirs) or a map of files, each written below
// the test's own t.TempDir(), or a copy of the repository's example site
// (CopyExample). It is the one copy of those loops for every package's
// tests; it imports nothing of affsite.
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

// CopyExample copies the example site from root, the repository's root
// as the test's package sees it (".." or "../.."), into a new temporary
// folder, which it returns, so that nothing is built in the repository:
// site.toml, content and data, and the static, layouts and themes
// folders that the repository has. A repository without the first three
// fails the test.
func CopyExample(t testing.TB, root string) string {
	t.Helper()
	dir := t.TempDir()
	for _, part := range []struct {
		name     string
		required bool
	}{{"site.toml", true}, {"content", true}, {"data", true}, {"static", false}, {"layouts", false}, {"themes", false}} {
		from := filepath.Join(root, part.name)
		info, err := os.Stat(from)
		switch {
		case err != nil && part.required:
			t.Fatalf("sitetest: no example site at %s: %v", root, err)
		case err != nil:
			continue
		case info.IsDir():
			err = os.CopyFS(filepath.Join(dir, part.name), os.DirFS(from))
		default:
			err = copyFile(from, filepath.Join(dir, part.name))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// copyFile copies the file from to the new file to.
func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
