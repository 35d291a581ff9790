package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A misspelt argument of a built-in shortcode stops build and check with
// its file, line and column and the argument meant, instead of being
// ignored (cta's default text shown, the page's own program's plans...).
func TestMisspeltShortcodeArgument(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ line, build, check string }{
		{`{{< cta program="acme" txt="Go" >}}`,
			`content/posts/x.md:7:24: unknown argument "txt" of cta; did you mean "text"?`,
			`content/posts/x.md:7: error: unknown argument "txt" of cta; did you mean "text"? (column 24)`},
		{`See {{< plans progam="acme" >}}`,
			`content/posts/x.md:7:15: unknown argument "progam" of plans; did you mean "program"?`,
			`content/posts/x.md:7: error: unknown argument "progam" of plans; did you mean "program"? (column 15)`},
		{`{{< afflink program="acme" palcement="intro" />}}`,
			`content/posts/x.md:7:28: unknown argument "palcement" of afflink; did you mean "placement"?`,
			`content/posts/x.md:7: error: unknown argument "palcement" of afflink; did you mean "placement"? (column 28)`},
	} {
		dir := newTestSite(t, map[string]string{
			"content/posts/x.md": "---\ntitle: X\ndescription: d\n---\n{{< disclosure >}}\n\n" + tt.line + "\n",
		})
		code, out, errs := runCLI("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"))
		if code != exitContent || !strings.Contains(errs, tt.build) {
			t.Errorf("build %s: exit %d, stdout %q, stderr %q; want exit %d and %s", tt.line, code, out, errs, exitContent, tt.build)
		}
		code, out, _ = runCLI("check", "-s", dir)
		if code != exitContent || !strings.Contains(out, tt.check) {
			t.Errorf("check %s: exit %d, stdout %q; want exit %d and %s", tt.line, code, out, exitContent, tt.check)
		}
	}
}

// Nesting past the limit is an error at the shortcode that goes too deep.
func TestDeepNestingIsAnError(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("{{% note %}}\n", 20000) + "x\n" + strings.Repeat("{{% /note %}}\n", 20000)
	dir := newTestSite(t, map[string]string{
		"layouts/shortcodes/note.html": "<div>{{ .Inner }}</div>",
		"content/posts/x.md":           "---\ntitle: X\n---\n" + body,
	})
	code, _, errs := runCLI("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"))
	want := `content/posts/x.md:104:1: shortcode "note" is nested more than 100 deep (shortcodes inside shortcodes)`
	if code != exitContent || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr %q; want %s", code, errs, want)
	}
}
