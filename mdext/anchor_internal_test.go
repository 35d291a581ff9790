package mdext

import "testing"

// asciiAnchorCases are ASCII heading texts: white space of every kind at
// either end, hyphens, "_", punctuation that is dropped, upper case.
var asciiAnchorCases = []string{
	"", "   ", "Gold Plan", "  \t\vTrim Me\r\n\f ", "a-b c_d", "C++ & Go: (2026) — no", "Hello, World!", "x\ty", "--a--", "ÀB",
}

// TestASCIIAnchor: the shortcut for ASCII text makes the id the rune by
// rune reading makes, in both github styles.
func TestASCIIAnchor(t *testing.T) {
	t.Parallel()
	for _, s := range asciiAnchorCases {
		if !isASCII(s) {
			continue
		}
		for _, ascii := range []bool{false, true} {
			if got, want := asciiAnchor(s), githubAnchor(s, ascii); got != want {
				t.Errorf("asciiAnchor(%q) = %q, githubAnchor(ascii %v) %q", s, got, ascii, want)
			}
		}
	}
}

// FuzzASCIIAnchor: for any ASCII text, the shortcut makes the id the
// rune by rune reading makes.
func FuzzASCIIAnchor(f *testing.F) {
	for _, s := range asciiAnchorCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		for _, ascii := range []bool{false, true} {
			if got, want := asciiAnchor([]byte(s)), githubAnchor(s, ascii); got != want {
				t.Errorf("asciiAnchor(%q) = %q, githubAnchor(ascii %v) %q", s, got, ascii, want)
			}
		}
	})
}
