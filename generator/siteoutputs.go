package generator

import "slices"

// siteInputs is a set of the things the site-wide files are made from.
type siteInputs uint8

const (
	// inPageSet: which pages exist, where they are written and in which
	// order lists hold them.
	inPageSet siteInputs = 1 << iota
	// inListFacts: what lists show of each page (its title, dates,
	// summary).
	inListFacts
	// inLinks: the affiliate links the rendered pages hold.
	inLinks
	// inPrograms: the program data.
	inPrograms

	// allSiteInputs: a clean build writes every output.
	allSiteInputs = inPageSet | inListFacts | inLinks | inPrograms
)

// siteOutput is one of the files (or kinds of file) a site has once,
// declared with the inputs it reads: a clean build writes every output
// the site has, and a Session rewrites those whose inputs an edit changed.
type siteOutput struct {
	name  string
	reads siteInputs
	has   func(b *builder) bool // whether this site has the output
	write func(b *builder) error
}

// siteOutputs is the one list of the site-wide outputs.
func siteOutputs() []siteOutput {
	always := func(*builder) bool { return true }
	return []siteOutput{
		{"sitemap", inPageSet | inListFacts, func(b *builder) bool { return !b.cfg.KindDisabled("sitemap") }, (*builder).writeSitemap},
		{"robots.txt", inPageSet, func(b *builder) bool { return b.writesSiteFiles() && !b.cfg.KindDisabled("robotstxt") }, (*builder).writeRobots},
		{"404 page", inPageSet | inListFacts, func(b *builder) bool { return !b.cfg.KindDisabled("404") }, (*builder).write404},
		{"alias pages", inPageSet, always, (*builder).writeAliases},
		{"cloaked links and hosting files", inPageSet | inPrograms, (*builder).writesSiteFiles, (*builder).writeRedirects},
		{"affiliate-links.json", inPageSet | inLinks, always, (*builder).writeManifest},
	}
}

// writeSiteOutputs writes the site-wide outputs that read any of changed.
func (b *builder) writeSiteOutputs(changed siteInputs) error {
	for _, o := range siteOutputs() {
		if o.reads&changed != 0 && o.has(b) {
			if err := b.step(o.name, func() error { return o.write(b) }); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeAliases writes every published page's alias redirect pages.
func (b *builder) writeAliases() error {
	for _, s := range slices.Concat(b.srcs, b.sectionAliasSources()) {
		if !s.build.rendered() {
			continue // nothing to redirect to
		}
		for _, a := range s.page.Aliases {
			if err := b.writeAlias(s, a); err != nil {
				return err
			}
		}
	}
	return nil
}
