package outdir

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// buildSpare is build with a spare folder, keeping the names in keep
// (when the build folder holds them) instead of writing them.
func buildSpare(t *testing.T, site, dest, spare string, files map[string]string, keep map[string]bool) (kept []string, err error) {
	t.Helper()
	d, err := Open(dest, Options{Site: site, Spare: spare})
	if err != nil {
		return nil, err
	}
	if kept, err = fill(d, files, keep); err != nil {
		return nil, err
	}
	return kept, d.Commit()
}

// fill keeps or writes files in d, as buildSpare does, and aborts d when
// a write fails.
func fill(d *Dir, files map[string]string, keep map[string]bool) (kept []string, err error) {
	for _, name := range sortedNames(files) {
		if keep[name] && d.Keep(name, func(full string) bool {
			b, err := os.ReadFile(full)
			return err == nil && string(b) == files[name]
		}) {
			kept = append(kept, name)
			continue
		}
		if err := d.WriteFile(name, []byte(files[name])); err != nil {
			d.Abort()
			return nil, err
		}
	}
	return kept, nil
}

// folders lists the folders below root, slash paths, sorted.
func folders(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() && p != root {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	sort.Strings(out)
	return out
}

// TestSpare: a build that starts from the spare ends with exactly its
// own files and folders, as one started empty; kept files are not
// rewritten, a spare file changed by hand is not kept, the build swapped
// out becomes the spare, and a failed build leaves the output as it was.
func TestSpare(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	dest := filepath.Join(t.TempDir(), "public")
	spare := filepath.Join(t.TempDir(), "cache", "outputs", "x")
	first := map[string]string{"index.html": "home 1", "posts/a/index.html": "a", "posts/b/index.html": "b", "tags/t/index.html": "t", "deep/er/x.css": "x"}
	second := map[string]string{"index.html": "home 1", "posts/a/index.html": "a", "posts/b/index.html": "b 2", "posts/c/index.html": "c", "deep/y.css": "y"}
	third := map[string]string{"index.html": "home 1", "posts/a/index.html": "a", "posts/b/index.html": "b 2"}
	all := map[string]bool{"index.html": true, "posts/a/index.html": true, "posts/b/index.html": true}

	if kept, err := buildSpare(t, site, dest, spare, first, all); err != nil || len(kept) != 0 {
		t.Fatalf("first build: kept %v, %v; want nothing kept, no error", kept, err)
	}
	if _, err := os.Stat(spare); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a spare after the first build: %v", err)
	}
	// The spare is now the first build; the second starts from it.
	if _, err := buildSpare(t, site, dest, spare, second, nil); err != nil {
		t.Fatal(err)
	}
	if got := withoutManifest(readTree(t, spare)); !maps.Equal(got, first) {
		t.Fatalf("spare after the second build = %s, want the first build", treeString(got))
	}
	// The spare (the first build) holds a changed home page.
	if err := os.WriteFile(filepath.Join(spare, "index.html"), []byte("home X"), 0o644); err != nil {
		t.Fatal(err)
	}
	kept, err := buildSpare(t, site, dest, spare, second, all)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"posts/a/index.html"}; len(kept) != 1 || kept[0] != want[0] {
		t.Errorf("kept %v, want %v (index.html was changed, posts/b differs)", kept, want)
	}
	if got := withoutManifest(readTree(t, dest)); !maps.Equal(got, second) {
		t.Errorf("output = %s, want %s", treeString(got), treeString(second))
	}
	if got, want := folders(t, dest), []string{"deep", "posts", "posts/a", "posts/b", "posts/c"}; !slices.Equal(got, want) {
		t.Errorf("folders %v, want %v (none left empty)", got, want)
	}
	names, _, err := readManifest(dest)
	if err != nil || len(names) != len(second) {
		t.Errorf("manifest lists %v (%v), want the %d files", names, err, len(second))
	}
	if err := d2Fail(site, dest, spare); err != nil {
		t.Fatal(err)
	}
	if got := withoutManifest(readTree(t, dest)); !maps.Equal(got, second) {
		t.Errorf("after a failed build the output = %s, want the second build", treeString(got))
	}
	if _, err := buildSpare(t, site, dest, spare, third, all); err != nil {
		t.Fatal(err)
	}
	if got := withoutManifest(readTree(t, dest)); !maps.Equal(got, third) {
		t.Errorf("output = %s, want %s", treeString(got), treeString(third))
	}
	if got, want := folders(t, dest), []string{"posts", "posts/a", "posts/b"}; !slices.Equal(got, want) {
		t.Errorf("folders %v, want %v", got, want)
	}
	if s := siblings(t, dest); len(s) != 0 {
		t.Errorf("left beside the output: %v", s)
	}
}

// d2Fail opens a build that starts from the spare, writes into it and
// aborts.
func d2Fail(site, dest, spare string) error {
	d, err := Open(dest, Options{Site: site, Spare: spare})
	if err != nil {
		return err
	}
	if err := d.WriteFile("index.html", []byte("broken")); err != nil {
		return err
	}
	d.Abort()
	return nil
}

// TestSpareUnsafeNames: a spare's manifest naming paths outside it or
// the manifest itself is not followed when leftovers are removed.
func TestSpareUnsafeNames(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	spare := filepath.Join(root, "spare")
	victim := filepath.Join(root, "victim.txt")
	sitetest.WriteInto(t, root, map[string]string{"victim.txt": "keep me", "spare/a.html": "a"})
	manifest := manifestHeader + "\n../victim.txt\na.html\n./a.html\n"
	if err := os.WriteFile(filepath.Join(spare, ManifestName), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := buildSpare(t, site, dest, spare, map[string]string{"b.html": "b"}, nil); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(victim); err != nil || string(b) != "keep me" {
		t.Errorf("victim.txt = %q, %v", b, err)
	}
	if got := withoutManifest(readTree(t, dest)); !maps.Equal(got, map[string]string{"b.html": "b"}) {
		t.Errorf("output = %s, want b.html", treeString(got))
	}
}

// A spare that holds a symbolic link (restored from a CI cache, or
// changed by hand) is not taken: the build's writes and removals would
// follow the link out of the cache. The build starts empty instead, and
// the folder the link points at keeps its files.
func TestSpareWithLinkIsNotTaken(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	dest := filepath.Join(t.TempDir(), "public")
	spare := filepath.Join(t.TempDir(), "cache", "outputs", "x")
	elsewhere := t.TempDir()
	outside := map[string]string{"a/index.html": "not the build's", "gone/index.html": "keep me"}
	sitetest.WriteInto(t, elsewhere, outside)
	first := map[string]string{"index.html": "home", "posts/a/index.html": "a", "posts/gone/index.html": "g"}
	if _, err := buildSpare(t, site, dest, spare, first, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := buildSpare(t, site, dest, spare, first, nil); err != nil {
		t.Fatal(err)
	}
	// The spare is now the first build; its posts/ becomes a link.
	if err := os.RemoveAll(filepath.Join(spare, "posts")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(spare, "posts")); err != nil {
		t.Fatal(err)
	}
	second := map[string]string{"index.html": "home", "posts/a/index.html": "a 2"}
	if _, err := buildSpare(t, site, dest, spare, second, map[string]bool{"index.html": true}); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, elsewhere); !maps.Equal(got, outside) {
		t.Errorf("the folder the spare's link points at = %s, want it unchanged", treeString(got))
	}
	if got := withoutManifest(readTree(t, dest)); !maps.Equal(got, second) {
		t.Errorf("output = %s, want the second build", treeString(got))
	}
}
