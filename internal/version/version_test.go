package version

import (
	"runtime/debug"
	"testing"
)

func TestResolve(t *testing.T) {
	t.Parallel()
	checkout := &debug.BuildInfo{Main: debug.Module{Path: Module, Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}
	for _, tc := range []struct {
		name    string
		stamped string
		info    *debug.BuildInfo
		want    string
	}{
		{"stamped", "v1.2.3", checkout, "affsite 1.2.3"},
		{"stamped without v", "1.2.3", nil, "affsite 1.2.3"},
		{"go install of a tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}}, "affsite 0.4.0"},
		{"pre-release tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0-rc.1"}}, "affsite 0.4.0-rc.1"},
		{"pseudo-version", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20260101120000-abcdef123456"}}, "affsite " + Release + " (built from source)"},
		{"pseudo after a tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.1-0.20260101120000-abcdef123456"}}, "affsite " + Release + " (built from source)"},
		{"dirty", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.0+dirty"}}, "affsite " + Release + " (built from source)"},
		{"checkout", "", checkout, "affsite " + Release + " (built from source, commit 0123456789ab with uncommitted changes)"},
		{"no build info", "", nil, "affsite " + Release + " (built from source)"},
	} {
		if got := Resolve(tc.stamped, tc.info).String(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestReleaseIsATag(t *testing.T) {
	t.Parallel()
	if !IsTag(Tag) {
		t.Errorf("Tag %q is not a semantic version tag", Tag)
	}
}
