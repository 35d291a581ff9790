package generator

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/affsite/affsite/themes"
)

// TestTemplateUse: what the templates read comes from their parse trees,
// so comments and strings do not count, any spelling of a chain does,
// and a partial counts for content pages only when their layouts reach it.
func TestTemplateUse(t *testing.T) {
	t.Parallel()
	single := "_default/single.html"
	tests := []struct {
		name  string
		files map[string]string
		want  templateUse
	}{
		{"plain", map[string]string{single: `{{ .Title }} {{ .Content }}`}, templateUse{}},
		{"comment and string", map[string]string{single: `{{/* .Pages .WordCount now */}}{{ ".Pages" }}<p>.Inner</p>`,
			"shortcodes/note.html": `{{/* .Inner */}}{{ .Get 0 }}`}, templateUse{}},
		{"word count", map[string]string{single: `{{ .WordCount }}`}, templateUse{wordCount: true}},
		{"now", map[string]string{single: `{{ now.Year }}`}, templateUse{now: true}},
		{"site pages in a variable", map[string]string{single: `{{ $s := .Site }}{{ range $s.RegularPages }}{{ .Title }}{{ end }}`},
			templateUse{singleReadsLists: true}},
		{"reached partial", map[string]string{single: `{{ partial "related" . }}`, "partials/related.html": `{{ range .Site.RegularPages }}{{ end }}`},
			templateUse{singleReadsLists: true, listsReadAll: true, pagersReadAll: true, listsReachPages: true}},
		{"unreached partial", map[string]string{single: `{{ .Title }}`, "partials/related.html": `{{ range .Site.RegularPages }}{{ end }}`},
			templateUse{listsReadAll: true, pagersReadAll: true, listsReachPages: true}},
		{"partial named at run time", map[string]string{single: `{{ partial (printf "%s" "related") . }}`, "partials/related.html": `{{ .Site.Taxonomies }}`},
			templateUse{singleReadsLists: true, listsReadAll: true, pagersReadAll: true, listsReachPages: true}},
		{"pager only", map[string]string{"_default/list.html": `{{ range .Paginator.Pages }}{{ .Title }}{{ end }}`}, templateUse{}},
		{"list reads all", map[string]string{"_default/list.html": `{{ range .Pages }}{{ .TableOfContents }}{{ end }}`},
			templateUse{listsReadAll: true, pagersReadAll: true, listsShowRendered: true}},
		// A list layout's own dot is the list page, of this build; the
		// pages it lists, and a partial's dot, may be of an earlier one.
		{"list's own site", map[string]string{"404.html": `{{ range .Site.Posts }}{{ .Title }}{{ end }}`}, templateUse{listsReadAll: true}},
		{"main block's own site", map[string]string{"404.html": `{{ define "main" }}{{ range .Site.Posts }}{{ .Title }}{{ end }}{{ end }}`}, templateUse{listsReadAll: true}},
		// Not a pager's, but a partial any pager may call.
		{"404 page's partial", map[string]string{"404.html": `{{ partial "latest.html" . }}`, "partials/latest.html": `{{ range .Site.Posts }}{{ end }}`},
			templateUse{listsReadAll: true, pagersReadAll: true, listsReachPages: true}},
		{"recursive pages", map[string]string{"_default/list.html": `{{ range .RegularPagesRecursive }}{{ .Title }}{{ end }}`},
			templateUse{listsReadAll: true, pagersReadAll: true}},
		{"section's recursive pages", map[string]string{single: `{{ range .CurrentSection.RegularPagesRecursive }}{{ .Title }}{{ end }}`},
			templateUse{singleReadsLists: true}},
		{"list's sidebar", map[string]string{"_default/list.html": `{{ range .Site.RegularPages }}{{ .Summary }}{{ end }}`},
			templateUse{listsReadAll: true, pagersReadAll: true, listsReachPages: true}},
		{"main block's sidebar", map[string]string{"index.html": `{{ define "main" }}{{ $.Site.Taxonomies.tags }}{{ end }}`},
			templateUse{listsReadAll: true, pagersReadAll: true, listsReachPages: true}},
		{"term page's own term", map[string]string{"_default/term.html": `{{ .Term.Count }}{{ range .Paginator.Pages }}{{ .Title }}{{ end }}`}, templateUse{}},
		{"defined card", map[string]string{"_default/list.html": `{{ define "card" }}{{ .Parent.Title }}{{ end }}{{ range .Paginator.Pages }}{{ template "card" . }}{{ end }}`},
			templateUse{listsReachPages: true}},
		{"listed page's parent", map[string]string{"_default/list.html": `{{ range .Pages }}{{ with .Parent }}{{ .Title }}{{ end }}{{ end }}`},
			templateUse{listsReadAll: true, pagersReadAll: true, listsReachPages: true}},
		{"listed page's translations", map[string]string{"_default/list.html": `{{ range .Paginator.Pages }}{{ $p := . }}{{ $p.Translations }}{{ end }}`},
			templateUse{listsReachPages: true}},
		{"card's terms", map[string]string{"partials/card.html": `{{ range .TagTerms }}{{ .Name }}{{ end }}`}, templateUse{listsReachPages: true}},
		{"page in a dict", map[string]string{"partials/card.html": `{{ .page.Title }} {{ .page.Pages }} {{ .page.Site.RegularPages }}`},
			templateUse{listsReadAll: true, pagersReadAll: true, listsReachPages: true}},
		{"card's site title", map[string]string{"partials/card.html": `{{ .Site.Title }} {{ .Pages }} {{ .Paginator.Next }}`}, templateUse{listsReadAll: true, pagersReadAll: true}},
		{"shortcode inner", map[string]string{"shortcodes/note.html": `<aside>{{ .Inner }}</aside>`}, templateUse{inner: map[string]bool{"shortcodes/note.html": true}}},
		{"shortcode terms", map[string]string{"shortcodes/tags.html": `{{ range .Page.TagTerms }}{{ end }}`}, templateUse{singleReadsLists: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{}
			for name, text := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			ts, err := loadTemplates([]layer{{fsys: fsys, name: "layouts"}}, (&builder{}).templateFuncs())
			if err != nil {
				t.Fatal(err)
			}
			got := ts.use
			if len(got.inner) == 0 {
				got.inner = nil
			}
			if got.now != tt.want.now || got.wordCount != tt.want.wordCount || got.singleReadsLists != tt.want.singleReadsLists ||
				got.listsReadAll != tt.want.listsReadAll || got.pagersReadAll != tt.want.pagersReadAll || got.listsReachPages != tt.want.listsReachPages || got.listsShowRendered != tt.want.listsShowRendered || len(got.inner) != len(tt.want.inner) {
				t.Errorf("use = %+v, want %+v", got, tt.want)
			}
			for name := range tt.want.inner {
				if !ts.UsesInner(name) {
					t.Errorf("UsesInner(%q) = false", name)
				}
			}
		})
	}
}

// TestDefinesBlocks: a layout fills a base template's blocks when it
// defines templates, however the action is spelled — not when a comment
// mentions define.
func TestDefinesBlocks(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		layout, want string
	}{
		{`{{define "main"}}M{{end}}`, "<b>M</b>"},
		{`{{- /* x */ -}}{{- define "main" -}}M{{- end -}}`, "<b>M</b>"},
		{`{{/* {{ define "main" */}}plain`, "plain"},
	} {
		fsys := fstest.MapFS{
			"_default/baseof.html": {Data: []byte(`<b>{{ block "main" . }}{{ end }}</b>`)},
			"_default/single.html": {Data: []byte(tt.layout)},
		}
		ts, err := loadTemplates([]layer{{fsys: fsys, name: "layouts"}}, (&builder{}).templateFuncs())
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		if err := ts.pages["_default/single.html"].Execute(&sb, nil); err != nil {
			t.Fatal(err)
		}
		if sb.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.layout, sb.String(), tt.want)
		}
	}
}

// defaultThemeUse is what the default theme's templates read.
func defaultThemeUse(t *testing.T) templateUse {
	t.Helper()
	def, err := fs.Sub(themes.Default(), "layouts")
	if err != nil {
		t.Fatal(err)
	}
	ts, err := loadTemplates([]layer{{fsys: def, name: "layouts"}}, (&builder{}).templateFuncs())
	if err != nil {
		t.Fatal(err)
	}
	return ts.use
}

// The default theme's list templates read no link of a page they list,
// so its rebuilds copy only what they render (sessionown.go).
func TestDefaultThemeListsReachNoPages(t *testing.T) {
	t.Parallel()
	if defaultThemeUse(t).listsReachPages {
		t.Error("the default theme's list templates reach other pages through the pages they list")
	}
}

// The default theme's pages show no other page's body, so its builds
// render each page's body with its layout and its rebuilds stay
// incremental (templateUse.othersBody).
func TestDefaultThemeShowsNoOtherBody(t *testing.T) {
	t.Parallel()
	if defaultThemeUse(t).othersBody {
		t.Error("the default theme's page templates show another page's body")
	}
}

// The default theme's pagers show only their own pages (the 404 page,
// which lists the latest posts, is not a pager), so a pager's cache key
// holds what it shows, not every page's facts.
func TestDefaultThemePagersReadOwnPages(t *testing.T) {
	t.Parallel()
	if u := defaultThemeUse(t); u.pagersReadAll || !u.listsReadAll {
		t.Errorf("pagersReadAll %v, listsReadAll %v; want false, true (404.html)", u.pagersReadAll, u.listsReadAll)
	}
}
