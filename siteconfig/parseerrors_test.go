package siteconfig_test

import "testing"

// TestParseErrorsArePlaced: a configuration file that does not parse is
// an error at the line and column its parser gives: the byte offset of
// BurntSushi/toml's ParseError (Position.Start) and of encoding/json's
// SyntaxError, as line:col in runes; yaml.v3 names only a line, so a YAML
// error has none (and a parser error's line, which yaml.v3 counts from
// 0, is made 1-based).
func TestParseErrorsArePlaced(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, file, text, want string }{
		{"toml: no value", "hugo.toml", "title = 'T'\nbaseURL = \n", "hugo.toml:2:11: expected value but found '\\n' instead"},
		{"toml: list left open", "hugo.toml", "title = 'T'\n  x = [1, 2\n", "hugo.toml:2:12: expected a comma (',') or array terminator (']'), but got end of file"},
		{"toml: key defined twice", "hugo.toml", "title = 'T'\ntitle = 'U'\n", "hugo.toml:2:1: Key 'title' has already been defined."},
		{"toml: table defined twice", "site.toml", "[a]\nb = 1\n[a]\n", "site.toml:3:2: Key 'a' has already been defined."},
		{"toml: columns in runes", "hugo.toml", "title = \"é\" x\n", "hugo.toml:1:12: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead"},
		{"toml: bad float", "config/_default/params.toml", "x = 1.2.3\n", "config/_default/params.toml:1:5: Invalid float value: \"1.2.3\""},
		{"json: bad value", "hugo.json", "{\n  \"title\": \"T\",\n  \"x\": ]\n}\n", "hugo.json:3:8: invalid character ']' looking for beginning of value"},
		{"json: columns in runes", "hugo.json", "{\n  \"title\": \"é\" 1\n}", "hugo.json:2:16: invalid character '1' after object key:value pair"},
		{"json: duplicate key", "hugo.json", "{\"title\": \"T\",\n  \"title\": \"U\"}\n", "hugo.json:2:3: duplicate key \"title\""},
		{"json: left open", "hugo.json", "{\n  \"title\": \"T\"\n", "hugo.json:2:15: unexpected end of JSON input"},
		{"yaml: bad indent", "hugo.yaml", "title: T\n  bad: indent\n", "hugo.yaml:2: mapping values are not allowed in this context"},
		{"yaml: list left open", "hugo.yaml", "title: [a, b\nx: 1\n", "hugo.yaml:2: did not find expected ',' or ']'"},
		{"yaml: key defined twice", "hugo.yaml", "title: T\ntitle: U\n", "hugo.yaml:2: mapping key \"title\" already defined at line 1"},
		{"yaml: tab", "config/_default/hugo.yml", "a:\n\t- b\n", "config/_default/hugo.yml:2: found character that cannot start any token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := loadFile(t, tc.file, tc.text)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}
}
