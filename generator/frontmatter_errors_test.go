package generator_test

import (
	"slices"
	"strings"
	"testing"
)

// TestFrontMatterTypeErrorsHaveTheirColumn: a front matter value of the
// wrong type is an error at that value's own line and column
// (path:line:col), in YAML and TOML front matter, for a value on its own
// line, a nested key, a list item and a cascade's target; a value that
// comes from a cascade, which the page does not write, stays at line 1.
func TestFrontMatterTypeErrorsHaveTheirColumn(t *testing.T) {
	t.Parallel()
	yaml := func(fm string) string { return "-- content/posts/a.md --\n---\ntitle: A\n" + fm + "---\nText.\n" }
	toml := func(fm string) string { return "-- content/posts/a.md --\n+++\ntitle = 'A'\n" + fm + "+++\nText.\n" }
	index := func(fm string) string { return "-- content/posts/_index.md --\n---\ntitle: Posts\n" + fm + "---\n" }
	for _, tc := range []struct{ name, site, want string }{
		{"yaml draft", yaml("draft: maybe\n"), "content/posts/a.md:3:8: front matter: draft must be true or false"},
		{"yaml weight", yaml("weight:   heavy\n"), "content/posts/a.md:3:11: front matter: weight must be a whole number"},
		{"yaml title", yaml("description: [a]\n"), "content/posts/a.md:3:14: front matter: description must be a string"},
		{"yaml value on its own line", yaml("draft:\n    maybe\n"), "content/posts/a.md:4:5: front matter: draft must be true or false"},
		{"yaml list item", yaml("tags:\n  - a\n  - [b]\n"), "content/posts/a.md:5:5: front matter: tags: want a list of strings"},
		{"yaml flow list item", yaml("aliases: [/a, {x: 1}]\n"), "content/posts/a.md:3:15: front matter: aliases: want a list of strings"},
		{"yaml not a list", yaml("images: {a: b}\n"), "content/posts/a.md:3:9: front matter: images: want a list of strings"},
		{"yaml date", yaml("date: 2026-13-45\n"), `content/posts/a.md:3:7: front matter: date: "2026-13-45" is not a date`},
		{"yaml nested key", yaml("_build:\n  list: maybe\n"), "content/posts/a.md:4:9: front matter: _build.list must be always, never, local"},
		{"yaml own_disclosure", yaml("own_disclosure: 'yes'\n"), "content/posts/a.md:3:17: front matter: own_disclosure must be true or false"},
		{"yaml term", yaml("tags: [ok, \"..\"]\n"), `content/posts/a.md:3:12: front matter: tags: "..": ".." is not a name a folder can have`},
		{"toml draft", toml("draft = 'maybe'\n"), "content/posts/a.md:3:9: front matter: draft must be true or false"},
		{"toml value on its own line", toml("tags = [\n  'a',\n  1.5,\n  {x = 1},\n]\n"), "content/posts/a.md:6:3: front matter: tags: want a list of strings"},
		{"toml nested key", toml("[_build]\nrender = 'sometimes'\n"), "content/posts/a.md:4:10: front matter: _build.render must be always, never, link"},
		{"toml dotted key", toml("menu.main.weight = 'heavy'\n"), "content/posts/a.md:3:20: menu.main.weight: must be a whole number"},
		{"toml list item", toml("categories = ['a', ['b']]\n"), "content/posts/a.md:3:20: front matter: categories: want a list of strings"},
		{"cascade target", index("cascade:\n  - _target: here\n"), "content/posts/_index.md:4:14: front matter: cascade _target: must be a table"},
		{"cascade list item", index("cascade: [{x: 1}, 2]\n"), "content/posts/_index.md:3:19: front matter: cascade must be a table or a list of tables, not a list of int"},
		{"cascaded value", index("cascade:\n  draft: maybe\n") + yaml(""), "content/posts/a.md:1: front matter: draft must be true or false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tryBuild(t, tc.site)
			// The error, or one of several, one a line.
			if err == nil || !slices.ContainsFunc(strings.Split(err.Error(), "\n"), func(l string) bool { return strings.HasPrefix(l, tc.want) }) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
