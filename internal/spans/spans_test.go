package spans

import (
	"errors"
	"strings"
	"testing"
)

func TestReplace(t *testing.T) {
	t.Parallel()
	upper := func(in string) (string, error) {
		if in == "bad" {
			return "", errors.New("bad span")
		}
		return strings.ToUpper(in), nil
	}
	unclosed := func(rest string) error { return errors.New("unclosed at " + rest) }
	for _, tc := range []struct{ s, open, close, want string }{
		{"a {b} c {d}", "{", "}", "a B c D"},
		{"none", "{", "}", "none"},
		{"x {{< y >}}z", "{{<", ">}}", "x  Y z"},
		{"a {b", "{", "}", "error: unclosed at a {b"},
		{"{a} b {c", "{", "}", "error: unclosed at  b {c"},
		{"a {bad} {c}", "{", "}", "error: bad span"},
		{"{}{}", "{", "}", ""},
	} {
		got, err := Replace(tc.s, tc.open, tc.close, upper, unclosed)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tc.want {
			t.Errorf("Replace(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}
