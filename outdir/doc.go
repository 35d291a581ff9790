// Package outdir owns affsite's output folders. It decides whether a
// folder may be replaced by a build (only one affsite wrote, an empty one
// or one that does not exist yet), locks it against a second build,
// collects a build in a temporary folder beside it and swaps that in so
// that, at every instant, the folder holds a complete build or the next
// build puts the last complete one back before doing anything else.
//
// A folder is recorded as affsite's by a manifest inside it
// (ManifestName) that lists every file the build wrote; a folder holding
// any file the manifest does not list is not affsite's to replace.
package outdir
