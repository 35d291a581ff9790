package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestServeNewFolders creates, copies, moves and removes folders under
// the watched folders while serving, in each order their events can
// come, and asks the server for the files they hold.
func TestServeNewFolders(t *testing.T) {
	t.Parallel()
	const svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
	post := func(title string) string {
		return "---\ntitle: \"" + title + "\"\ndate: 2024-01-04\n---\n\nHello " + title + ".\n"
	}
	// settle lets the watcher handle a folder's create event before what
	// follows, so that the files come as events of their own.
	settle := func() { time.Sleep(100 * time.Millisecond) }
	for _, tc := range []struct {
		name string
		edit func(t *testing.T, site string)
		want map[string]string // URL path → a part of its body; "" → 404
	}{
		{"folder made, then a file in it", func(t *testing.T, site string) {
			mkdir(t, filepath.Join(site, "static/img"))
			settle()
			plainWrite(t, filepath.Join(site, "static/img/logo.svg"), svg)
		}, map[string]string{"/img/logo.svg": svg}},
		{"folder and files at once (mkdir -p && cp)", func(t *testing.T, site string) {
			mkdir(t, filepath.Join(site, "static/img"))
			plainWrite(t, filepath.Join(site, "static/img/logo.svg"), svg)
			plainWrite(t, filepath.Join(site, "static/img/icon.svg"), svg)
		}, map[string]string{"/img/logo.svg": svg, "/img/icon.svg": svg}},
		{"nested folders at once, files later", func(t *testing.T, site string) {
			mkdir(t, filepath.Join(site, "static/a/b/c"))
			plainWrite(t, filepath.Join(site, "static/a/b/c/deep.txt"), "deep\n")
			settle()
			plainWrite(t, filepath.Join(site, "static/a/b/mid.txt"), "mid\n")
			mkdir(t, filepath.Join(site, "static/a/b/c/d"))
			plainWrite(t, filepath.Join(site, "static/a/b/c/d/deeper.txt"), "deeper\n")
		}, map[string]string{"/a/b/c/deep.txt": "deep", "/a/b/mid.txt": "mid", "/a/b/c/d/deeper.txt": "deeper"}},
		{"folder tree moved in, files already there", func(t *testing.T, site string) {
			src := filepath.Join(t.TempDir(), "images")
			plainWrite(t, filepath.Join(src, "logo.svg"), svg)
			plainWrite(t, filepath.Join(src, "sub/photo.txt"), "photo\n")
			if err := os.Rename(src, filepath.Join(site, "static/images")); err != nil {
				t.Fatal(err)
			}
			settle()
			plainWrite(t, filepath.Join(site, "static/images/sub/later.txt"), "later\n")
		}, map[string]string{"/images/logo.svg": svg, "/images/sub/photo.txt": "photo", "/images/sub/later.txt": "later"}},
		{"hidden folder under static", func(t *testing.T, site string) {
			plainWrite(t, filepath.Join(site, "static/.well-known/security.txt"), "Contact: me\n")
		}, map[string]string{"/.well-known/security.txt": "Contact: me"}},
		{"section moved into content", func(t *testing.T, site string) {
			src := filepath.Join(t.TempDir(), "guides")
			plainWrite(t, filepath.Join(src, "deep/c.md"), post("charlie"))
			if err := os.Rename(src, filepath.Join(site, "content/guides")); err != nil {
				t.Fatal(err)
			}
		}, map[string]string{"/guides/deep/c/": "Hello charlie."}},
		{"new layouts and data folders", func(t *testing.T, site string) {
			plainWrite(t, filepath.Join(site, "layouts/shortcodes/hi.html"), "<b>hi shortcode</b>")
			plainWrite(t, filepath.Join(site, "content/posts/h.md"), post("hotel")+"\n{{< hi >}}\n")
		}, map[string]string{"/posts/h/": "hi shortcode"}},
		{"folder removed", func(t *testing.T, site string) {
			if err := os.RemoveAll(filepath.Join(site, "static/old")); err != nil {
				t.Fatal(err)
			}
		}, map[string]string{"/old/a.txt": "", "/old/sub/b.txt": ""}},
		{"folder moved out", func(t *testing.T, site string) {
			if err := os.Rename(filepath.Join(site, "static/old"), filepath.Join(t.TempDir(), "old")); err != nil {
				t.Fatal(err)
			}
		}, map[string]string{"/old/a.txt": "", "/old/sub/b.txt": ""}},
		{"folder removed and made again", func(t *testing.T, site string) {
			if err := os.RemoveAll(filepath.Join(site, "static/old")); err != nil {
				t.Fatal(err)
			}
			plainWrite(t, filepath.Join(site, "static/old/new.txt"), "new\n")
		}, map[string]string{"/old/a.txt": "", "/old/new.txt": "new"}},
		{"folder replaced by a file", func(t *testing.T, site string) {
			if err := os.Rename(filepath.Join(site, "static/old"), filepath.Join(t.TempDir(), "old")); err != nil {
				t.Fatal(err)
			}
			plainWrite(t, filepath.Join(site, "static/old"), "a file now\n")
		}, map[string]string{"/old/a.txt": "", "/old": "a file now"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{"static/old/a.txt": "a\n", "static/old/sub/b.txt": "b\n"}
			for k, v := range testSite {
				files[k] = v
			}
			site := sitetest.WriteFiles(t, files)
			base, out := startServe(t, site)
			if code, _, _ := get(t, base+"/old/a.txt"); code != http.StatusOK {
				t.Fatalf("/old/a.txt before the edit: %d", code)
			}
			tc.edit(t, site)
			for p, want := range tc.want {
				waitServed(t, base+p, want)
			}
			if strings.Contains(out.String(), "is a directory") {
				t.Errorf("a rebuild read a folder as a file:\n%s", out)
			}
		})
	}
}

// waitServed polls url until it serves a body containing want (want ""
// means until it answers 404), failing after a bounded wait. The bound
// is a hang detector, not a speed check: it returns as soon as the
// rebuild is served, and a rebuild on a loaded 2-core CI machine, beside
// the other parallel servers, can take many seconds.
func waitServed(t *testing.T, url, want string) {
	t.Helper()
	const bound = time.Minute
	deadline := time.Now().Add(bound)
	for {
		code, _, body := get(t, url)
		switch {
		case want == "" && code == http.StatusNotFound:
			return
		case want != "" && code == http.StatusOK && strings.Contains(body, want):
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s: %d within %v, want %q:\n%s", url, code, bound, want, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

// plainWrite writes as cp does: in place, its folders made first.
func plainWrite(t *testing.T, file, body string) {
	t.Helper()
	mkdir(t, filepath.Dir(file))
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
