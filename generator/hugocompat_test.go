package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestHugoCompat builds each site of testdata/hugocompat/*.txtar and
// compares the output with Hugo 0.111's for the same site: the archive's
// want/PATH files are what hugo --quiet wrote to public/PATH (captured
// once, so that the test does not need Hugo), and its absent file lists
// output paths that must not exist, one a line. The rest of the archive
// is the site.
func TestHugoCompat(t *testing.T) {
	t.Parallel()
	archives, err := filepath.Glob(filepath.Join("testdata", "hugocompat", "*.txtar"))
	if err != nil || len(archives) == 0 {
		t.Fatalf("no archives: %v", err)
	}
	for _, file := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			site, want, absent := splitHugoCompat(a)
			if len(want) == 0 {
				t.Fatal("the archive has no want/ files")
			}
			b := buildSite(t, string(txtar.Format(site)))
			for name, text := range want {
				if got := b.file(t, name); got != text {
					t.Errorf("%s differs from Hugo's:\n got: %q\nwant: %q", name, got, text)
				}
			}
			for _, name := range absent {
				assertNoFile(t, b, name)
			}
		})
	}
}

// splitHugoCompat splits a hugocompat archive into the site, Hugo's
// output by path, and the paths that must not be written.
func splitHugoCompat(a *txtar.Archive) (site *txtar.Archive, want map[string]string, absent []string) {
	site, want = &txtar.Archive{}, map[string]string{}
	for _, f := range a.Files {
		switch name, ok := strings.CutPrefix(f.Name, "want/"); {
		case ok:
			want[name] = string(f.Data)
		case f.Name == "absent":
			absent = strings.Fields(string(f.Data))
		default:
			site.Files = append(site.Files, f)
		}
	}
	return site, want, absent
}

// TestClosingTagErrors: a closing tag Hugo 0.111 rejects stays an error
// at its file, line and column (hugocompat/closing-tags.txtar has the
// ones it accepts).
func TestClosingTagErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ page, want string }{
		{"{{< code >}}x{{< /nope >}}\n", `content/p.md:4:14: closing shortcode "nope" does not match open "code"`},
		{"Text\n{{< code >}}x{{< /code >}}{{< /code >}}\n", `content/p.md:5:27: unexpected closing shortcode "code"`},
		{"{{< code >}}{{< ni >}}x{{< /code >}}{{< /ni >}}\n", `content/p.md:4:37: unexpected closing shortcode "ni"`},
	} {
		_, err := tryBuild(t, "-- hugo.toml --\n-- layouts/shortcodes/code.html --\n<div>{{ .Inner }}</div>\n-- layouts/shortcodes/ni.html --\n<ni/>\n-- content/p.md --\n---\ntitle: P\n---\n"+tc.page)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %s", tc.page, err, tc.want)
		}
	}
}

// TestContentNamesSiteTOML: on a site.toml site a folder whose name
// starts with "_" stays out of the content (notes beside it), and names
// Hugo leaves out ("#x.md", "x.md~") are left out too
// (hugocompat/content-names.txtar has a Hugo configuration's).
func TestContentNamesSiteTOML(t *testing.T) {
	t.Parallel()
	b := buildSite(t, "-- site.toml --\ntitle = 'T'\n-- content/_notes/n.md --\n# N\n-- content/posts/#x.md --\n# X\n-- content/posts/a.md --\n# A\n")
	b.file(t, "posts/a/index.html")
	assertNoFile(t, b, "_notes/n/index.html")
	assertNoFile(t, b, "notes/n/index.html")
	assertNoFile(t, b, "posts/x/index.html")
}
