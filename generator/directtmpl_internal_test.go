package generator

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/affsite/affsite/shortcodes"
	"github.com/affsite/affsite/themes"
)

// echoHTML is a value whose HTML method writes hostile markup, as the
// built-in shortcodes' data types write theirs.
type echoHTML struct{ s string }

func (e echoHTML) HTML() template.HTML { return template.HTML("<i>" + e.s + "</i>") }

// directTestSet loads the default theme under a site layer (site), with
// each Go-written partial's function replaced by one that echoes its
// argument and fails on anything but a string.
func directTestSet(t *testing.T, site fstest.MapFS) *templateSet {
	t.Helper()
	def, err := fs.Sub(themes.Default(), "layouts")
	if err != nil {
		t.Fatal(err)
	}
	funcs := (&builder{}).templateFuncs()
	for _, name := range []string{"siteHeader", "listCard", "pagerNav", "seoMeta"} {
		funcs[name] = func(v any) (template.HTML, error) {
			s, ok := v.(string)
			if !ok {
				return "", errors.New(name + ": want a string")
			}
			return template.HTML(name + "<b>" + s + "</b>\n"), nil
		}
	}
	ts, err := loadTemplates([]layer{{fsys: site, name: "layouts"}, {fsys: def, name: defaultLayer + "layouts"}}, funcs)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// TestDirectCallsMatchTemplates: the default theme's partials and
// shortcodes that are one Go-written call run without their template,
// and write what the template writes, on hostile text; when the call
// fails, the error is the template's own. A site's file of the same
// name is executed.
func TestDirectCallsMatchTemplates(t *testing.T) {
	t.Parallel()
	ts := directTestSet(t, fstest.MapFS{"partials/seo.html": {Data: []byte(`<p>{{ . }}</p>`)}, "shortcodes/link.html": {Data: []byte(`[{{ .Data.HTML }}]`)}})
	if got, want := slices.Sorted(maps.Keys(ts.directPartials)), []string{"card.html", "header.html", "pagination.html"}; !slices.Equal(got, want) {
		t.Errorf("direct partials %q, want %q", got, want)
	}
	if got, want := slices.Sorted(maps.Keys(ts.directShortcodes)), []string{"shortcodes/afflink.html", "shortcodes/commission-table.html", "shortcodes/disclosure.html"}; !slices.Equal(got, want) {
		t.Errorf("direct shortcodes %q, want %q", got, want)
	}
	for _, name := range []string{"card.html", "header.html", "pagination.html", "seo.html"} {
		for _, data := range []any{hostile, 42, nil} {
			want, wantErr := executeString(ts.partials[name], data)
			got, err := ts.partial(name, data)
			if string(got) != want || errText(err) != errText(wantErr) {
				t.Errorf("partial %s of %v: %q, %v; template: %q, %v", name, data, got, err, want, wantErr)
			}
		}
	}
	for _, name := range []string{"shortcodes/afflink.html", "shortcodes/commission-table.html", "shortcodes/disclosure.html", "shortcodes/link.html"} {
		for _, data := range []any{&shortcodes.Invocation{Data: echoHTML{hostile}}, &shortcodes.Invocation{Data: hostile}, &shortcodes.Invocation{}, "x"} {
			want, wantErr := executeString(ts.shortcodes[name], data)
			if wantErr != nil {
				wantErr = templateError(wantErr) // as Execute reports it
			}
			var got strings.Builder
			err := ts.Execute(&got, name, data)
			if got.String() != want || errText(err) != errText(wantErr) {
				t.Errorf("shortcode %s of %#v: %q, %v; template: %q, %v", name, data, got.String(), err, want, wantErr)
			}
		}
	}
}

// TestDirectCallsForBuild: a set bound to another build keeps its direct
// calls after the templates ran (html/template's escaper rewrote them),
// and they call that build's functions.
func TestDirectCallsForBuild(t *testing.T) {
	t.Parallel()
	ts := directTestSet(t, fstest.MapFS{})
	if _, err := ts.partial("header.html", "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := executeString(ts.partials["header.html"], "x"); err != nil {
		t.Fatal(err)
	}
	funcs := (&builder{}).buildFuncs()
	funcs["siteHeader"] = func(any) (template.HTML, error) { return "other build", nil }
	nt := ts.forBuild(funcs)
	if _, ok := nt.directPartials["header.html"]; !ok || len(nt.directShortcodes) != len(ts.directShortcodes) {
		t.Fatalf("bound set's direct calls: %v, %v", nt.directPartials, nt.directShortcodes)
	}
	if got, err := nt.partial("header.html", "x"); err != nil || got != "other build\n" {
		t.Errorf("bound header.html = %q, %v", got, err)
	}
}

// executeString executes t on data.
func executeString(t *template.Template, data any) (string, error) {
	var b bytes.Buffer
	err := t.Execute(&b, data)
	return b.String(), err
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
