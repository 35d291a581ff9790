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

func TestFindSaysWhenAKeyIsNotSet(t *testing.T) {
	t.Parallel()
	src := []byte("---\ntitle: T\n  lastmod: 2027-01-01\n")
	if line, col, ok := Find(src, "lastmod"); !ok || line != 3 || col != 3 {
		t.Errorf("Find(lastmod) = %d:%d %v, want 3:3 true", line, col, ok)
	}
	if line, col, ok := Find(src, "date"); ok || line != 0 || col != 0 {
		t.Errorf("Find(date) = %d:%d %v, want 0:0 false", line, col, ok)
	}
}
