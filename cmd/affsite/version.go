package main

import (
	"runtime/debug"

	"github.com/affsite/affsite/internal/version"
)

// stampedVersion is set by release builds with
// -ldflags "-X main.stampedVersion=0.1.0"; empty otherwise. The version
// itself is internal/version.Release.
var stampedVersion string

// versionInfo is the running binary's version.
func versionInfo() version.Info {
	info, _ := debug.ReadBuildInfo()
	return version.Resolve(stampedVersion, info)
}
