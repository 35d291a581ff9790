package outdir

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// readTree returns the files under root, slash path → contents.
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	if _, err := os.Stat(root); os.IsNotExist(err) {
		return out
	}
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// build writes files through a Dir opened on dest and commits them.
func build(t *testing.T, site, dest string, files map[string]string) error {
	t.Helper()
	d, err := Open(dest, Options{Site: site, Protect: []string{"content", "static", "data"}})
	if err != nil {
		return err
	}
	for _, name := range sortedNames(files) {
		if err := d.WriteFile(name, []byte(files[name])); err != nil {
			d.Abort()
			return err
		}
	}
	return d.Commit()
}

func sortedNames(files map[string]string) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// siblings lists what is beside dest in its parent, but dest.
func siblings(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dest) {
			out = append(out, e.Name())
		}
	}
	return out
}

// withoutManifest drops the manifest from a tree read by readTree.
func withoutManifest(tree map[string]string) map[string]string {
	delete(tree, ManifestName)
	return tree
}

func treeString(tree map[string]string) string {
	return strings.Join(sortedNames(tree), " ")
}
