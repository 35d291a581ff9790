package generator

import (
	"bytes"
	"testing"
	"testing/fstest"
	"time"

	"github.com/affsite/affsite/siteconfig"
)

// TestTemplatesForBuild: templates compiled by one build and bound to
// another (a Session's rebuild) run the second build's functions, and
// start without the first build's partialCached results.
func TestTemplatesForBuild(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"_default/single.html": {Data: []byte(`{{ now.Year }} {{ absURL "x/" }} {{ partialCached "year.html" . }}`)},
		"partials/year.html":   {Data: []byte(`{{ now.Year }}`)},
	}
	build := func(year int, base string) *builder {
		return &builder{siteEnv: &siteEnv{
			now: time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), basePath: "/",
			cfg: &siteconfig.Config{BaseURL: base},
		}}
	}
	first := build(2020, "https://first.example/")
	ts, err := loadTemplates([]layer{{fsys: fsys, name: "layouts"}}, first.templateFuncs())
	if err != nil {
		t.Fatal(err)
	}
	run := func(ts *templateSet) string {
		var buf bytes.Buffer
		if err := ts.pages["_default/single.html"].Execute(&buf, nil); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if got, want := run(ts), "2020 https://first.example/x/ 2020"; got != want {
		t.Fatalf("first build: %q, want %q", got, want)
	}
	second := build(2030, "https://second.example/")
	if got, want := run(ts.forBuild(second.buildFuncs())), "2030 https://second.example/x/ 2030"; got != want {
		t.Errorf("bound to the second build: %q, want %q", got, want)
	}
}
