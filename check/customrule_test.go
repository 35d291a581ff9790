package check

import (
	"bytes"
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestCustomRules: a caller's rule sees every built page with its content
// file, and its findings are placed as the built-in checks' are: at the
// content file's line of the needle, else once for a theme's text with
// the count of pages.
func TestCustomRules(t *testing.T) {
	t.Parallel()
	files := baseSite("auto")
	files["content/posts/todo.md"] = "---\ntitle: Todo\ndescription: d\n---\nFirst line.\n\nTODO: finish this review.\n"
	seen := map[string]string{}
	rule := Rule{Name: "no-todo", Check: func(p Page, report func(Level, string, string)) {
		seen[p.Name] = p.Source
		if bytes.Contains(p.HTML, []byte("TODO:")) {
			report(Error, "TODO:", "the page still says TODO")
		}
	}}
	res := runCheck(t, sitetest.WriteFiles(t, files), Options{Rules: []Rule{rule}})
	var got []string
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Message, "no-todo:") {
			got = append(got, f.String())
		}
	}
	want := []string{"content/posts/todo.md:7: error: no-todo: the page still says TODO (column 1)"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rule findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if src, ok := seen["posts/todo/index.html"]; !ok || src != "content/posts/todo.md" {
		t.Errorf("rule saw posts/todo/index.html with source %q (seen: %v), want content/posts/todo.md", src, ok)
	}
	if _, ok := seen["index.html"]; !ok {
		t.Errorf("rule did not see the home page; saw %v", seen)
	}
}
