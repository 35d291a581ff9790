package frontmatter

import (
	"fmt"
	"strings"
	"testing"
)

// TestPlacesOf pins where PlacesOf finds front matter items, key and
// value, as file lines and columns: after blank lines before the front
// matter, for values on their own line, nested keys, list items, inline
// tables and arrays of tables, in YAML, TOML and JSON.
func TestPlacesOf(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src string
		path      string // dot-separated
		key, val  string // "line:col"; "-" when not found
	}{
		{"yaml scalar", "---\ntitle: A\ndraft: maybe\n---\n", "draft", "3:1", "3:8"},
		{"yaml key case", "---\nDraft:   maybe\n---\n", "draft", "2:1", "2:10"},
		{"yaml after blank lines", "\n\n---\ndraft: x\n---\n", "draft", "4:1", "4:8"},
		{"yaml value on its own line", "---\ndraft:\n  maybe\n---\n", "draft", "2:1", "3:3"},
		{"yaml nested key", "---\nmenu:\n  main:\n    weight: heavy\n---\n", "menu.main.weight", "4:5", "4:13"},
		{"yaml block map value", "---\nmenu:\n  main: {}\n---\n", "menu", "2:1", "3:3"},
		{"yaml list item", "---\ntags:\n  - a\n  - [b]\n---\n", "tags.1", "4:5", "4:5"},
		{"yaml flow list item", "---\ntags: [a, {b: 1}]\n---\n", "tags.1", "2:11", "2:11"},
		{"yaml list item within", "---\ntags:\n  - a\n  - [b]\n---\n", "tags.1.0", "4:6", "4:6"},
		{"yaml last duplicate", "---\ndraft: 1\ndraft: 2\n---\n", "draft", "3:1", "3:8"},
		{"yaml missing, its table", "---\nmenu:\n  main: x\n---\n", "menu.main.weight", "3:3", "3:9"},
		{"yaml missing", "---\ntitle: A\n---\n", "draft", "-", "-"},
		{"yaml does not parse", "---\ntitle: [\n---\n", "title", "-", "-"},
		{"toml scalar", "+++\ntitle = 'A'\ndraft = \"maybe\"\n+++\n", "draft", "3:1", "3:9"},
		{"toml value on its own line", "+++\ntags = [\n  'a',\n  2,\n]\n+++\n", "tags", "2:1", "2:8"},
		{"toml list item", "+++\ntags = [\n  'a',\n  2,\n]\n+++\n", "tags.1", "4:3", "4:3"},
		{"toml nested key", "+++\n[menu.main]\nweight = 'heavy'\n+++\n", "menu.main.weight", "3:1", "3:10"},
		{"toml table", "+++\n[menu.main]\nweight = 1\n[menu.other]\n+++\n", "menu", "2:2", "2:2"},
		{"toml dotted key", "+++\nbuild.render =   'sometimes'\n+++\n", "build.render", "2:7", "2:18"},
		{"toml dotted key's table", "+++\nbuild.render = 'x'\n+++\n", "build", "2:1", "2:1"},
		{"toml inline table", "+++\nmenu = { main = { weight = 'x' } }\n+++\n", "menu.main.weight", "2:19", "2:28"},
		{"toml array of tables", "+++\n[[cascade]]\nx = 1\n[[cascade]]\n_target = 'p'\n+++\n", "cascade.1._target", "5:1", "5:11"},
		{"toml array of tables, entry", "+++\n[[cascade]]\nx = 1\n[[cascade]]\n_target = 'p'\n+++\n", "cascade.1", "4:3", "4:3"},
		{"toml array within array", "+++\nx = [[1, 2], ['a']]\n+++\n", "x.1", "2:14", "2:14"},
		{"toml array within array, on its own line", "+++\nx = [\n  [\n    1]]\n+++\n", "x.0", "3:3", "3:3"},
		{"json", "{\n  \"title\": \"A\",\n  \"draft\": \"maybe\"\n}\n", "draft", "3:3", "3:12"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, ok := PlacesOf([]byte(tc.src)).At(strings.Split(tc.path, ".")...)
			key, val := "-", "-"
			if ok {
				key, val = fmt.Sprintf("%d:%d", p.Key.Line, p.Key.Col), fmt.Sprintf("%d:%d", p.Value.Line, p.Value.Col)
			}
			if key != tc.key || val != tc.val {
				t.Errorf("At(%s) = key %s, value %s; want key %s, value %s", tc.path, key, val, tc.key, tc.val)
			}
		})
	}
}
