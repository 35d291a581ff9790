package generator

import "testing"

// A changed CSS or JavaScript file gets a new fingerprinted name, which
// every page links: a full build, not a copy.
func TestFingerprintedStaticNeedsFullBuild(t *testing.T) {
	t.Parallel()
	for file, want := range map[string]bool{
		"static/css/style.css": true,
		"static/js/deal.js":    true,
		"static/img/logo.png":  false,
	} {
		if got := needsFullBuild([]string{file}); got != want {
			t.Errorf("needsFullBuild(%s) = %v, want %v", file, got, want)
		}
	}
}
