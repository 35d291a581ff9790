package generator_test

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/siteconfig"
)

// TestConfigMinify reads site.toml's minify key, and a Hugo config's
// [minify] table without failing.
func TestConfigMinify(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, file, text string
		want             generator.MinifySetting
		err              string
	}{
		{"true", "site.toml", "minify = true\n", true, ""},
		{"absent", "site.toml", "title = \"T\"\n", false, ""},
		{"hugo table", "hugo.toml", "[minify]\n  minifyOutput = true\n", false, ""},
		{"not a bool", "site.toml", "minify = 3\n", false, "site.toml:1:1: minify must be true or false"},
	} {
		dir := writeSite(t, "-- "+tc.file+" --\n"+tc.text)
		cfg, err := siteconfig.Load(dir)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case cfg.Minify != tc.want:
			t.Errorf("%s: minify = %v, want %v", tc.name, cfg.Minify, tc.want)
		}
	}
}
