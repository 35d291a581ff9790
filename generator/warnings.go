package generator

import (
	"slices"

	"github.com/affsite/affsite/diag"
)

// This file is where a build's warnings are kept and joined. Each has a
// home in the site value, so that a Session's rebuild, which reads and
// renders again only what an edit changed, gives the warnings a clean
// build of the same files gives: a page's front matter's with its source
// (or in unpublished when the page is left out), its rendering's in its
// result, a site-wide one with the step that gave it (steps). The
// configuration's, and the build's own (a cache it could not use), are
// the builder's. reportWarnings joins them, for both.

// keepUnpublished keeps the warnings of the content file that the build
// left out, replacing those its last reading gave.
func (b *builder) keepUnpublished(file string, warnings diag.List) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.unpublished == nil {
		b.unpublished = map[string]diag.List{}
	}
	if len(warnings) == 0 {
		delete(b.unpublished, file)
		return
	}
	b.unpublished[file] = warnings
}

// step runs f, one step of the build, and keeps the site-wide warnings it
// gives as the step's, replacing those the step gave in the last build
// of the site value (a Session's rebuild does some steps again).
func (b *builder) step(name string, f func() error) error {
	b.mu.Lock()
	from := len(b.warnings)
	b.mu.Unlock()
	err := f()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.steps == nil {
		b.steps = map[string]diag.List{}
	}
	b.steps[name] = slices.Clone(b.warnings[from:])
	b.warnings = b.warnings[:from]
	return err
}

// reportWarnings are the build's warnings, sorted: the builder's own, the
// site-wide steps', each content file's from its reading and its
// rendering, and on a site of one language the strings' (a multilingual
// site's are the root's, joinReports).
func (b *builder) reportWarnings() diag.List {
	all := slices.Clone(b.warnings)
	for _, name := range sortedKeys(b.steps) {
		all = append(all, b.steps[name]...)
	}
	for _, s := range b.srcs {
		all = append(append(all, s.warnings...), s.result.warnings...)
	}
	for _, name := range sortedKeys(b.sectionSources) {
		s := b.sectionSources[name]
		all = append(append(all, s.warnings...), s.result.warnings...)
	}
	for _, file := range sortedKeys(b.unpublished) {
		all = append(all, b.unpublished[file]...)
	}
	if !b.multilingual() {
		all = append(all, b.stringWarnings()...)
	}
	all.Sort()
	return all
}
