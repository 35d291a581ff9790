package suggest

import "testing"

func TestClosest(t *testing.T) {
	t.Parallel()
	known := []string{"commission", "cookie_days", "plans", "afflink", "cta"}
	for _, tc := range []struct{ name, want string }{
		{"comission", "commission"},
		{"cookie-days", "cookie_days"},
		{"plan", "plans"},
		{"aflink", "afflink"},
		{"x", ""},
		{"zzzzzz", ""},
		{"ct", "cta"},
	} {
		got, ok := Closest(tc.name, known)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Closest(%q) = %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"über", "uber", 1}, {"same", "same", 0},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
