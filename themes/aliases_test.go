package themes

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestDefaultAliases checks that the default theme reads Hugo's twitter,
// x and _simple shortcodes as the tweet template, lists them beside it,
// and is a well-behaved fs.FS (fstest.TestFS walks it all, reading each
// folder whole and in pages).
func TestDefaultAliases(t *testing.T) {
	t.Parallel()
	def := Default()
	tweet, err := fs.ReadFile(def, "layouts/shortcodes/tweet.html")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for alias := range shortcodeAliases() {
		names = append(names, alias)
		got, err := fs.ReadFile(def, alias)
		if err != nil || string(got) != string(tweet) {
			t.Errorf("%s: %v, want tweet.html's text", alias, err)
		}
	}
	if err := fstest.TestFS(def, append(names, "layouts/shortcodes/tweet.html", "static/css/style.css")...); err != nil {
		t.Error(err)
	}
	layouts, err := fs.Sub(def, "layouts")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	if err := fs.WalkDir(layouts, ".", func(p string, d fs.DirEntry, err error) error {
		seen[p] = err == nil && !d.IsDir()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"shortcodes/x.html", "shortcodes/x_simple.html", "shortcodes/twitter.html", "shortcodes/twitter_simple.html"} {
		if !seen[p] {
			t.Errorf("walking layouts/ does not find %s", p)
		}
	}
}
