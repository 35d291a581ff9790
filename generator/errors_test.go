package generator_test

import (
	"strings"
	"testing"
)

// TestBuildErrors checks that content errors name the file and the line
// (and column, where there is one) counted in the whole file, front
// matter included.
func TestBuildErrors(t *testing.T) {
	t.Parallel()
	// post is a content file whose body starts on line 5.
	post := func(body string) string {
		return "-- content/posts/x.md --\n---\ntitle: X\nprogram: acme\n---\n" + body
	}
	tests := []struct {
		name string
		site string
		want string // the error's first line starts with this
	}{
		{"unknown shortcode", post("Intro.\n\n{{< afflnk >}}\n"),
			`content/posts/x.md:7:1: unknown shortcode "afflnk"`},
		{"unclosed pair", post("Text {{< box >}} never closed\n-- layouts/shortcodes/box.html --\n<div>{{ .Inner }}</div>\n"),
			`content/posts/x.md:5:6: unclosed shortcode "box"`},
		{"mismatched pair", post("\n{{< box >}}a{{< /other >}}\n-- layouts/shortcodes/box.html --\n<div>{{ .Inner }}</div>\n"),
			`content/posts/x.md:6:`},
		{"unterminated string", post("one\ntwo {{< afflink plan=\"pro >}}\n"),
			`content/posts/x.md:6:`},
		{"template execution error", post("\n\n  {{< bad >}}\n-- layouts/shortcodes/bad.html --\n{{ index .Params 5 }}\n"),
			`content/posts/x.md:7:3: shortcode "bad": `},
		{"unknown program", post("{{< afflink program=\"nope\" >}}\n"),
			`content/posts/x.md:5:1: shortcode "afflink": unknown program "nope" (programs: acme)`},
		{"unknown plan", post("\n{{< afflink plan=\"gold\" >}}\n"),
			`content/posts/x.md:6:1: shortcode "afflink": unknown plan "gold" of program "acme" (plans: basic, pro)`},
		{"missing program argument", "-- content/posts/x.md --\n---\ntitle: X\n---\n\n\n{{< commission-table >}}\n",
			`content/posts/x.md:6:1: shortcode "commission-table": missing argument program=`},
		{"bad earnings count", post("{{< earnings Basic=\"many\" >}}\n"),
			`content/posts/x.md:5:1: shortcode "earnings": `},
		{"bad YAML front matter", "-- content/posts/y.md --\n---\ntitle: Y\ntags: [a, b\ndate: 2026-01-01\n---\n",
			`content/posts/y.md:`},
		{"bad YAML front matter line", "-- content/posts/y.md --\n---\ntitle: Y\n  bad: indent\n---\n",
			`content/posts/y.md:3: front matter:`},
		{"bad TOML front matter", "-- content/posts/z.md --\n+++\ntitle = \"Z\"\ndate = \n+++\n",
			`content/posts/z.md:3:8: front matter:`},
		{"unclosed front matter", "-- content/posts/u.md --\n---\ntitle: U\n",
			`content/posts/u.md:1: front matter is not closed`},
		{"bad program data", "-- content/a.md --\n-- data/programs/bad.yaml --\nname: Bad\nurl: \"https://bad.example/\"\ncommission: lots\nplans:\n  - name: A\n    monthly: 1.00\n",
			`data/programs/bad.yaml:3: `},
		{"bad site.toml", "-- site.toml --\ntitle = \"T\"\nbaseURL = \n",
			`site.toml:2:11: expected value`},
		{"unknown site.toml key", "-- site.toml --\ntitle = \"T\"\ntitel = \"x\"\n",
			`site.toml:2:1: unknown key "titel"`},
		{"bad disclosure mode", "-- site.toml --\n[affiliate]\ndisclosure = \"sometimes\"\n",
			`site.toml: [affiliate] disclosure must be "auto", "require" or "off", not "sometimes"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tryBuild(t, tc.site+acmeProgram)
			if err == nil {
				t.Fatalf("build succeeded, want error %q", tc.want)
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if !strings.HasPrefix(first, tc.want) {
				t.Errorf("error:\n  %s\nwant prefix:\n  %s", err, tc.want)
			}
		})
	}
}
