package values

import "testing"

func TestIndexFold(t *testing.T) {
	t.Parallel()
	list := []string{".toml", ".YAML", ".yaml"}
	for _, tc := range []struct {
		s    string
		want int
	}{{".TOML", 0}, {".yaml", 1}, {".json", -1}, {"", -1}} {
		if got := IndexFold(list, tc.s); got != tc.want || ContainsFold(list, tc.s) != (tc.want >= 0) {
			t.Errorf("IndexFold(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}
