package scaffold

import "testing"

// TestSuggestID: the id CheckID suggests for a name that is no id is
// one: lower-case ASCII letters and digits, single hyphens between.
func TestSuggestID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Kartra", "kartra"},
		{"My App 2", "my-app-2"},
		{"  --Web  Hosting--  ", "web-hosting"},
		{"v1.2_beta", "v1-2-beta"},
		{"Café Pro", "caf-pro"},
		{"ünï", "n"},
		{"", "my-program"},
		{"!!!", "my-program"},
	} {
		got := suggestID(tc.in)
		if got != tc.want {
			t.Errorf("suggestID(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if CheckID(got) != nil {
			t.Errorf("suggestID(%q) = %q, which CheckID refuses", tc.in, got)
		}
	}
}
