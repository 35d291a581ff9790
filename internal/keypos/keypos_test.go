package keypos

import "testing"

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
