package tplfuncs

import "testing"

// TestIsset: a map's keys are compared as text ignoring case, whatever
// the map's type, and a slice's index must be in range.
func TestIsset(t *testing.T) {
	for _, c := range []struct {
		name string
		m    any
		key  any
		want bool
	}{
		{"exact key", map[string]any{"kartra": 1}, "kartra", true},
		{"other case", map[string]any{"Kartra": 1}, "kARTRA", true},
		{"missing key", map[string]any{"kartra": 1}, "clickbank", false},
		{"typed map", map[string]int{"Kartra": 1}, "kartra", true},
		{"key as text", map[int]string{7: "x"}, "7", true},
		{"number key in a map of strings", map[string]any{"7": 1}, 7, true},
		{"index", []string{"a", "b"}, 1, true},
		{"index out of range", []string{"a"}, 1, false},
		{"negative index", []string{"a"}, -1, false},
		{"nil", nil, "x", false},
		{"not a collection", "kartra", "k", false},
	} {
		if got := Isset(c.m, c.key); got != c.want {
			t.Errorf("%s: Isset(%v, %v) = %v, want %v", c.name, c.m, c.key, got, c.want)
		}
	}
}
