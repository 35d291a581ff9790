package keypos

import "testing"

func TestTop(t *testing.T) {
	t.Parallel()
	head := []byte("---\ntitle: A\nparams:\n  date: x\nDate: 2026-01-02\n\"weight\": 3\nslug = \"s\"\n   \n  \"draft\": true\n- list: 1\n---\n")
	for _, tc := range []struct {
		key       string
		line, col int
	}{
		{"title", 2, 1},
		{"params", 3, 1},
		{"date", 5, 1},   // any case; not the nested key of line 4
		{"weight", 6, 2}, // JSON
		{"slug", 7, 1},   // TOML
		{"draft", 9, 4},  // JSON, indented
		{"list", 1, 1},   // a list item is not a top-level key
		{"tit", 1, 1},    // a prefix of a key is not the key
		{"missing", 1, 1},
	} {
		if line, col := Top(head, tc.key); line != tc.line || col != tc.col {
			t.Errorf("Top(%q) = %d:%d, want %d:%d", tc.key, line, col, tc.line, tc.col)
		}
	}
}

func TestAny(t *testing.T) {
	t.Parallel()
	src := []byte("a = \"x\"\n\n  count = 3\nx:\n  - 'one': 1\nB: 2\n")
	for _, tc := range []struct {
		key       string
		line, col int
	}{
		{"a", 1, 1},
		{"count", 3, 3}, // nested
		{"one", 5, 6},   // a list item, quoted
		{"b", 1, 1},     // case matters
		{"B", 6, 1},
		{"coun", 1, 1},
	} {
		if line, col := Any(src, tc.key); line != tc.line || col != tc.col {
			t.Errorf("Any(%q) = %d:%d, want %d:%d", tc.key, line, col, tc.line, tc.col)
		}
	}
}
