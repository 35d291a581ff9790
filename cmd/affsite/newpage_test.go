package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A new site's pages made with "new page" are published but stay off the
// home page, the feeds and the 404 page's latest reviews; check reports
// their placeholder text.
func TestNewPageEndToEnd(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := runNewCLI(t, "new", "site", dir); code != exitOK {
		t.Fatalf("new site: exit %d\n%s", code, errOut)
	}
	code, out, errOut := runNewCLI(t, "new", "page", "About this site", "-s", dir)
	if code != exitOK || !strings.Contains(out, "content/about-this-site.md") {
		t.Fatalf("new page: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runNewCLI(t, "new", "page", "--section", "legal", "-s", dir, "Privacy policy")
	if code != exitOK || !strings.Contains(out, "content/legal/privacy-policy.md") {
		t.Fatalf("new page --section: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	setRefIDs(t, dir)
	pub := filepath.Join(t.TempDir(), "public")
	if code, out, errOut := runNewCLI(t, "build", "-s", dir, "--quiet", "-d", pub); code != exitOK {
		t.Fatalf("build: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(pub, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, page := range []string{"about-this-site/index.html", "legal/privacy-policy/index.html"} {
		read(page)
	}
	for _, list := range []string{"index.html", "index.xml", "404.html", "posts/index.html", "posts/index.xml"} {
		got := read(list)
		for _, title := range []string{"About this site", "Privacy policy"} {
			if strings.Contains(got, title) {
				t.Errorf("%s lists the page %q", list, title)
			}
		}
	}
	if !strings.Contains(read("index.html"), "affiliate program review") {
		t.Errorf("index.html lost the example review")
	}
	_, out, errOut = runNewCLI(t, "check", "-s", dir)
	if n := strings.Count(out+errOut, "the page is still the placeholder text"); n != 2 {
		t.Errorf("check reports %d page placeholders, want 2:\n%s%s", n, out, errOut)
	}
}
