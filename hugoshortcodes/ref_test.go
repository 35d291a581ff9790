package hugoshortcodes

import (
	"strings"
	"testing"
)

func TestPageIndexFind(t *testing.T) {
	t.Parallel()
	ix := NewPageIndex([]PageRef{
		{File: "content/_index.md", RelPermalink: "/"},
		{File: "content/about.md", RelPermalink: "/about/"},
		{File: "content/posts/_index.md", RelPermalink: "/posts/"},
		{File: "content/posts/Kartra-Review.md", RelPermalink: "/posts/kartra-review/"},
		{File: "content/posts/bundle/index.md", RelPermalink: "/posts/bundle/"},
		{File: "content/guides", RelPermalink: "/guides/"},
		{File: "content/guides/setup.md", RelPermalink: "/guides/setup/"},
		{File: "content/posts/setup.md", RelPermalink: "/posts/setup/"},
	})
	for _, tc := range []struct{ from, ref, want, err string }{
		{"content/posts/x.md", "kartra-review.md", "/posts/kartra-review/", ""},
		{"content/posts/x.md", "Kartra-Review", "/posts/kartra-review/", ""},
		{"content/about.md", "kartra-review", "/posts/kartra-review/", ""}, // by its unique name
		{"content/about.md", "posts/kartra-review.md", "/posts/kartra-review/", ""},
		{"content/about.md", "/posts/kartra-review/", "/posts/kartra-review/", ""},
		{"content/posts/x.md", "../about.md", "/about/", ""},
		{"content/posts/x.md", "bundle", "/posts/bundle/", ""},
		{"content/posts/x.md", "bundle/index.md", "/posts/bundle/", ""},
		{"content/about.md", "/posts", "/posts/", ""},
		{"content/about.md", "/posts/_index.md", "/posts/", ""},
		{"content/about.md", "/", "/", ""},
		{"content/about.md", "/guides", "/guides/", ""},
		{"content/posts/x.md", "setup.md", "/posts/setup/", ""}, // the page's own folder first
		{"content/about.md", "setup.md", "", `"setup.md" is ambiguous: content/guides/setup.md, content/posts/setup.md`},
		{"content/about.md", "nope", "", `REF_NOT_FOUND: no page "nope" (looked for content/nope)`},
	} {
		got, err := ix.Find(tc.from, tc.ref)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Find(%q, %q) error = %v, want %q", tc.from, tc.ref, err, tc.err)
			}
		case err != nil:
			t.Errorf("Find(%q, %q): %v", tc.from, tc.ref, err)
		case got.RelPermalink != tc.want:
			t.Errorf("Find(%q, %q) = %s, want %s", tc.from, tc.ref, got.RelPermalink, tc.want)
		}
	}
}

// FuzzPageIndexFind: no ref makes Find panic.
func FuzzPageIndexFind(f *testing.F) {
	for _, s := range []string{"a.md", "../x", "/", "", "#x", "a/b/../../..", "\x00"} {
		f.Add(s)
	}
	ix := NewPageIndex([]PageRef{{File: "content/a.md"}, {File: "content/b/index.md"}})
	f.Fuzz(func(t *testing.T, ref string) {
		_, _ = ix.Find("content/b/index.md", ref)
	})
}
