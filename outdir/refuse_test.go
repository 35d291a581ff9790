package outdir

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestRefusals: every folder that is not affsite's to replace is refused
// before anything is touched, with the folder's name and what to do.
func TestRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(t *testing.T, site string) string // returns dest
		want  string
	}{
		{"site itself", func(t *testing.T, site string) string { return site }, "it is the site's source folder"},
		{"above the site", func(t *testing.T, site string) string { return filepath.Dir(site) }, "it holds the site's source"},
		{"root", func(t *testing.T, site string) string { return "/" }, "it is a file system root"},
		{"data/programs", func(t *testing.T, site string) string { return filepath.Join(site, "data", "programs") }, "it is inside the site's data/ folder"},
		{"static/img", func(t *testing.T, site string) string { return filepath.Join(site, "static", "img") }, "it is inside the site's static/ folder"},
		{"new folder in content", func(t *testing.T, site string) string { return filepath.Join(site, "content", "out") }, "it is inside the site's content/ folder"},
		{".git", func(t *testing.T, site string) string { return filepath.Join(site, ".git") }, "it is the site's .git/ folder"},
		{"a regular file", func(t *testing.T, site string) string {
			sitetest.WriteInto(t, site, map[string]string{"public": "hi\n"})
			return filepath.Join(site, "public")
		}, "it is a file, not a folder; choose a new or empty folder, or delete it yourself"},
		{"folder of documents", func(t *testing.T, site string) string {
			dir := filepath.Join(t.TempDir(), "docs")
			sitetest.WriteInto(t, dir, map[string]string{"thesis.odt": "x", "notes/a.txt": "y"})
			return dir
		}, "it is not empty and affsite did not write it; choose a new or empty folder, or delete it yourself"},
		{"own output with a file added", func(t *testing.T, site string) string {
			dest := filepath.Join(site, "public")
			if err := build(t, site, dest, map[string]string{"index.html": "home"}); err != nil {
				t.Fatal(err)
			}
			sitetest.WriteInto(t, dest, map[string]string{"posts/keep-me.txt": "mine"})
			return dest
		}, "it holds 1 file affsite did not write (posts/keep-me.txt)"},
		{"own output with a manifest edited away", func(t *testing.T, site string) string {
			dest := filepath.Join(site, "public")
			if err := build(t, site, dest, map[string]string{"index.html": "home"}); err != nil {
				t.Fatal(err)
			}
			sitetest.WriteInto(t, dest, map[string]string{ManifestName: "not a manifest\n"})
			return dest
		}, "it is not empty and affsite did not write it"},
		{"symlink to the site", func(t *testing.T, site string) string {
			link := filepath.Join(t.TempDir(), "sitelink")
			if err := os.Symlink(site, link); err != nil {
				t.Fatal(err)
			}
			return link
		}, "it is the site's source folder"},
		{"symlink to the data folder", func(t *testing.T, site string) string {
			link := filepath.Join(t.TempDir(), "out")
			if err := os.Symlink(filepath.Join(site, "data"), link); err != nil {
				t.Fatal(err)
			}
			return link
		}, "it is the site's data/ folder"},
		{"dangling symlink", func(t *testing.T, site string) string {
			link := filepath.Join(t.TempDir(), "out")
			if err := os.Symlink(filepath.Join(t.TempDir(), "gone"), link); err != nil {
				t.Fatal(err)
			}
			return link
		}, "it is a symbolic link to nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			site := filepath.Join(t.TempDir(), "site")
			sitetest.WriteInto(t, site, map[string]string{"content/a.md": "a", "data/programs/k.yaml": "k", "static/img/x.png": "png", ".git/HEAD": "ref"})
			dest := tt.setup(t, site)
			before := readTree(t, filepath.Dir(site))
			_, err := Open(dest, Options{Site: site, Protect: []string{"content", "data", "static"}})
			var r *Refusal
			if !errors.As(err, &r) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "refusing to use "+dest+" as the output folder: ") {
				t.Fatalf("Open(%s) = %v; want a refusal naming it and %q", dest, err, tt.want)
			}
			if after := readTree(t, filepath.Dir(site)); !maps.Equal(before, after) {
				t.Errorf("a refused Open changed files:\nbefore %s\nafter  %s", treeString(before), treeString(after))
			}
			if err := Check(dest, Options{Site: site, Protect: []string{"content", "data", "static"}}); !errors.As(err, &r) {
				t.Errorf("Check(%s) = %v; want the same refusal", dest, err)
			}
		})
	}
}

// TestAccepted: a folder that does not exist, an empty one and one
// affsite wrote are replaced; nothing is left beside them.
func TestAccepted(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"absent", "empty", "own", "symlink to own"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			site := t.TempDir()
			dest := filepath.Join(t.TempDir(), "deep", "public")
			switch name {
			case "empty":
				if err := os.MkdirAll(dest, 0o755); err != nil {
					t.Fatal(err)
				}
			case "own", "symlink to own":
				if err := build(t, site, dest, map[string]string{"index.html": "old", "old/index.html": "gone"}); err != nil {
					t.Fatal(err)
				}
			}
			target := dest
			if name == "symlink to own" {
				target = filepath.Join(t.TempDir(), "link")
				if err := os.Symlink(dest, target); err != nil {
					t.Fatal(err)
				}
			}
			files := map[string]string{"index.html": "new", "posts/a/index.html": "a"}
			if err := build(t, site, target, files); err != nil {
				t.Fatal(err)
			}
			got := readTree(t, dest)
			if !strings.HasPrefix(got[ManifestName], manifestHeader+"\nindex.html\nposts/a/index.html\n") {
				t.Errorf("manifest = %q", got[ManifestName])
			}
			if !maps.Equal(withoutManifest(got), files) {
				t.Errorf("output = %s, want %s", treeString(got), treeString(files))
			}
			if s := siblings(t, dest); len(s) != 0 {
				t.Errorf("left beside the output: %v", s)
			}
			if name == "symlink to own" {
				if st, err := os.Lstat(target); err != nil || st.Mode()&os.ModeSymlink == 0 {
					t.Errorf("the symlink was replaced: %v", err)
				}
			}
		})
	}
}

// TestHugoOutputMovedAside: Hugo's public/ is moved aside, not deleted.
func TestHugoOutputMovedAside(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		files map[string]string
	}{
		{"generator tag", map[string]string{"index.html": `<html><head><meta name="generator" content="Hugo 0.111.3"></head></html>`, "posts/a/index.html": "a"}},
		{"hugo config and feed", map[string]string{"index.html": "<html></html>", "index.xml": "<rss/>"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			site := t.TempDir()
			sitetest.WriteInto(t, site, map[string]string{"hugo.toml": "title = 'x'\n"})
			dest := filepath.Join(site, "public")
			sitetest.WriteInto(t, dest, tt.files)
			d, err := Open(dest, Options{Site: site})
			if err != nil {
				t.Fatal(err)
			}
			if err := d.WriteFile("index.html", []byte("affsite")); err != nil {
				t.Fatal(err)
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			if d.MovedAside() != dest+".hugo" {
				t.Errorf("MovedAside = %q", d.MovedAside())
			}
			if got := readTree(t, dest+".hugo"); !maps.Equal(got, tt.files) {
				t.Errorf("Hugo's output moved aside = %s, want %s", treeString(got), treeString(tt.files))
			}
		})
	}
}

// TestOtherOutputsNamesApart: the temporary folders of public-x are not
// public's to remove.
func TestOtherOutputsNamesApart(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	parent := t.TempDir()
	other, err := Open(filepath.Join(parent, "public-x"), Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	if err := build(t, site, filepath.Join(parent, "public"), map[string]string{"a": "a"}); err != nil {
		t.Fatal(err)
	}
	if err := other.WriteFile("b", []byte("b")); err != nil {
		t.Fatalf("the other build lost its folder: %v", err)
	}
	if err := other.Commit(); err != nil {
		t.Fatal(err)
	}
}
