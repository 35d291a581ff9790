package wpimport

import "testing"

// TestIDOf: a cloaked link's slug becomes a registry id that
// links.Load accepts: letters, digits, '.', '_' and '-', a letter or
// digit first.
func TestIDOf(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"kartra", "kartra"},
		{"Kartra-Pricing", "kartra-pricing"},
		{"v1.2_beta", "v1.2_beta"},
		{"caf%C3%A9", "café"},
		{"%zz", "zz"},
		{"_hidden.", "hidden"},
		{"a b", "a-b"},
		// As slugs.URLize makes every path segment: other characters are
		// dropped, a run of hyphens is one (before slugs, idOf made these
		// "kartra-pro" and "a--b").
		{"kartra+pro", "kartrapro"},
		{"a--b", "a-b"},
		{"deal™", "deal"},
		{"---", "link"},
		{"", "link"},
	} {
		if got := idOf(tc.in); got != tc.want {
			t.Errorf("idOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
