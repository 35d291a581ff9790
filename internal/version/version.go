// Package version holds affsite's version: the one constant that
// `affsite version` prints and that every deploy recipe `affsite new
// site` writes pins, so that a site is built by the release it was
// created with.
package version

import (
	"regexp"
	"runtime/debug"
	"strings"
)

// Release is the semantic version of this source, without the leading
// "v": the tag it is released as (v0.1.0). A release is made by tagging
// v + Release; the release workflow refuses a tag that differs.
const Release = "0.1.0"

// Tag is Release as a Git tag and module version, as recipes pin it
// (go run github.com/affsite/affsite/cmd/affsite@v0.1.0).
const Tag = "v" + Release

// Module is affsite's module path.
const Module = "github.com/affsite/affsite"

// semverRE is a release version: vMAJOR.MINOR.PATCH with an optional
// pre-release, and no build metadata (Go adds "+dirty" to builds of a
// modified checkout).
var semverRE = regexp.MustCompile(`^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$`)

// pseudoRE matches the timestamp-and-commit tail of a Go pseudo-version
// (v0.0.0-20260101120000-abcdef123456), which names a commit, not a tag.
var pseudoRE = regexp.MustCompile(`(^|[-.])\d{14}-[0-9a-f]{12}$`)

// Info describes the running binary's version.
type Info struct {
	// Version is the semantic version, without the leading "v".
	Version string
	// Release reports whether Version comes from a release (a stamped
	// build or a tagged module) rather than from Release in a source
	// checkout.
	Release bool
	// Revision and Modified are the VCS commit a checkout build was made
	// from and whether it had uncommitted changes; empty for releases.
	Revision string
	Modified bool
}

// Resolve works out the version of a binary: stamped (set at build time
// with -ldflags -X) when not empty, else the module version in info when
// it is a real tag (go install …@v0.1.0), else Release, as a build from
// a checkout is.
func Resolve(stamped string, info *debug.BuildInfo) Info {
	if stamped != "" {
		return Info{Version: strings.TrimPrefix(stamped, "v"), Release: true}
	}
	if info != nil && IsTag(info.Main.Version) {
		return Info{Version: strings.TrimPrefix(info.Main.Version, "v"), Release: true}
	}
	v := Info{Version: Release}
	if info != nil {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Revision = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	return v
}

// IsTag reports whether a module version names a tag: a semantic
// version that is neither a pseudo-version nor marked +dirty, and not
// "(devel)".
func IsTag(v string) bool {
	return semverRE.MatchString(v) && !pseudoRE.MatchString(v)
}

// String returns the version line `affsite version` prints:
// "affsite 0.1.0", with the commit for a build from a checkout.
func (v Info) String() string {
	s := "affsite " + v.Version
	if v.Release {
		return s
	}
	s += " (built from source"
	if v.Revision != "" {
		rev := v.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		s += ", commit " + rev
		if v.Modified {
			s += " with uncommitted changes"
		}
	}
	return s + ")"
}
