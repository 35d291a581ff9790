package plural

import "testing"

func TestN(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0 files", 1: "1 file", 2: "2 files", -1: "-1 files"} {
		if got := N(n, "file"); got != want {
			t.Errorf("N(%d) = %q, want %q", n, got, want)
		}
	}
}
