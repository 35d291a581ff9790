package generator

import (
	"testing"
	"testing/fstest"
)

// TestOthersBody: a content page's templates show another page's body
// when they read it on a page found or ranged over, or on a partial's
// dot where a call gives it another page; a partial given the page's
// own dot (a theme's article partial) shows the page's own.
func TestOthersBody(t *testing.T) {
	t.Parallel()
	single := "_default/single.html"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"own content", map[string]string{single: `{{ .Content }} {{ .ReadingTime }}`}, false},
		{"partial given the dot", map[string]string{single: `{{ partial "article.html" . }}`, "partials/article.html": `{{ .Content }} {{ .ReadingTime }} {{ .TableOfContents }}`}, false},
		{"partial given $ in a range", map[string]string{single: `{{ range .Params.tags }}{{ partial "article.html" $ }}{{ end }}`, "partials/article.html": `{{ .Content }}`}, false},
		{"partial of a partial given the dot", map[string]string{single: `{{ partial "a" . }}`, "partials/a.html": `{{ partial "b.html" . }}`, "partials/b.html": `{{ .Content }}`}, false},
		{"found page", map[string]string{single: `{{ with .Site.GetPage "/about" }}{{ .Content }}{{ end }}`}, true},
		{"partial in a range", map[string]string{single: `{{ range .Site.RegularPages }}{{ partial "card.html" . }}{{ end }}`, "partials/card.html": `{{ .ReadingTime }}`}, true},
		{"partial given a found page", map[string]string{single: `{{ partial "card.html" (.Site.GetPage "/about") }}`, "partials/card.html": `{{ .Content }}`}, true},
		{"partial of a partial in a range", map[string]string{single: `{{ range .Site.RegularPages }}{{ partial "a.html" . }}{{ end }}`, "partials/a.html": `{{ partial "b.html" . }}`, "partials/b.html": `{{ .Content }}`}, true},
		{"partial given the dot and, elsewhere, another page", map[string]string{single: `{{ partial "a.html" . }}{{ range .Site.RegularPages }}{{ partial "a.html" . }}{{ end }}`, "partials/a.html": `{{ .Content }}`}, true},
		{"partial named at run time", map[string]string{single: `{{ partial (printf "%s" "a") . }}`, "partials/a.html": `{{ .Content }}`}, true},
		{"unreached partial", map[string]string{single: `{{ .Title }}`, "partials/a.html": `{{ range .Site.RegularPages }}{{ .Content }}{{ end }}`}, false},
		{"shortcode's found page", map[string]string{"shortcodes/about.html": `{{ (.Site.GetPage "/about").Content }}`}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{}
			for name, text := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			ts, err := loadTemplates([]layer{{fsys: fsys, name: "layouts"}}, (&builder{}).templateFuncs())
			if err != nil {
				t.Fatal(err)
			}
			if ts.use.othersBody != tc.want {
				t.Errorf("othersBody = %v, want %v", ts.use.othersBody, tc.want)
			}
		})
	}
}
