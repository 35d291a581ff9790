package frontmatter

import "testing"

func TestKeyLine(t *testing.T) {
	t.Parallel()
	head := []byte("---\ntitle: A\nparams:\n  date: x\nDate: 2026-01-02\n\"weight\": 3\nslug = \"s\"\n---\n")
	for _, tc := range []struct {
		key  string
		want int
	}{
		{"title", 2},
		{"params", 3},
		{"date", 5},   // any case; not the nested key of line 4
		{"weight", 6}, // JSON
		{"slug", 7},   // TOML
		{"tit", 1},    // a prefix of a key is not the key
		{"missing", 1},
	} {
		if got := KeyLine(head, tc.key); got != tc.want {
			t.Errorf("KeyLine(%q) = %d, want %d", tc.key, got, tc.want)
		}
	}
}
