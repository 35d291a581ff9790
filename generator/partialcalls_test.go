package generator_test

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// TestPartialCallsItself: a partial that calls itself, directly, through
// another, through partialCached or by a computed name, is an error
// naming the partial and the cycle, not a Go stack overflow.
func TestPartialCallsItself(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		partials map[string]string
		want     string
	}{
		{"itself", map[string]string{"a.html": `{{ partial "a" . }}`},
			`layouts/partials/a.html: partial "a" calls itself: a → a (partials nest more than 100 deep)`},
		{"through another", map[string]string{
			"a.html": `<a>{{ partial "b.html" . }}`,
			"b.html": `{{ if true }}{{ with . }}{{ partial "a" . }}{{ end }}{{ end }}`,
		}, `layouts/partials/a.html: partial "a" calls itself: a → b → a`},
		{"partialCached", map[string]string{"a.html": `{{ partialCached "a" . }}`},
			`layouts/partials/a.html: partial "a" calls itself: a → a`},
		{"computed name", map[string]string{"a.html": `{{ $n := "a" }}{{ partial $n . }}`},
			`layouts/partials/a.html: partial "a" calls itself: a → a`},
		{"defined template", map[string]string{"a.html": `{{ define "x" }}{{ partial "a" . }}{{ end }}{{ template "x" . }}`},
			`layouts/partials/a.html: partial "a" calls itself: a → a`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{
				"site.toml":                    "title = \"T\"\n",
				"content/posts/p.md":           "---\ntitle: P\n---\nText.\n",
				"layouts/_default/single.html": `{{ define "main" }}{{ partial "a" . }}{{ end }}`,
			}
			for n, text := range tt.partials {
				files["layouts/partials/"+n] = text
			}
			_, err := generator.Build(generator.Options{Source: hardSite(t, files), Output: generator.NewMemOutput()})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %s", err, tt.want)
			}
			if strings.Count(err.Error(), "error calling partial") > 1 {
				t.Errorf("the message is wrapped once per level:\n%.500s", err)
			}
		})
	}
}

// TestRecursivePartialThatEnds: a partial that calls itself on a
// smaller value (a nested menu) renders, on every page at once.
func TestRecursivePartialThatEnds(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"site.toml":                    "title = \"T\"\n",
		"layouts/partials/tree.html":   `{{ if gt . 0 }}<ul>{{ . }}{{ partial "tree" (sub . 1) }}</ul>{{ end }}`,
		"layouts/_default/single.html": `{{ define "main" }}{{ partial "tree" 50 }}{{ end }}`,
	}
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		files["content/posts/"+n+".md"] = "---\ntitle: " + n + "\n---\nText.\n"
	}
	out := generator.NewMemOutput()
	if _, err := generator.Build(generator.Options{Source: hardSite(t, files), Output: out, Workers: 8}); err != nil {
		t.Fatal(err)
	}
	b, _ := out.File("posts/a/index.html")
	if !strings.Contains(string(b), "<ul>50<ul>49") || !strings.Contains(string(b), "<ul>1</ul>") {
		t.Errorf("the tree did not render:\n%s", b)
	}
}
