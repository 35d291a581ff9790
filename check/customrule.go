package check

// Rule is a check a program using package check adds to the built-in
// ones (Options.Rules). Check is given each built HTML page in turn and
// reports what it finds through report: a finding whose needle (an
// href, a phrase) is in the page's content file is placed at that line,
// one that the theme put on many pages is reported once with their
// count, as the built-in checks' findings are. A Rule is a value: the
// audit places its findings when it is done, so it needs no bookkeeping
// of its own.
type Rule struct {
	// Name prefixes the rule's messages ("no-todo: …").
	Name  string
	Check func(p Page, report func(level Level, needle, msg string))
}

// Page is a built HTML page as a Rule sees it.
type Page struct {
	Name   string // the built file, "posts/x/index.html"
	Source string // the content file that made it, "content/posts/x.md", or "" (lists, the home page)
	HTML   []byte
}

// checkCustom runs the rules of Options.Rules over the built pages.
func (a *auditor) checkCustom() {
	for _, r := range a.opts.Rules {
		for _, p := range a.pages {
			report := func(level Level, needle, msg string) { a.report(p.name, needle, level, r.Name+": "+msg) }
			r.Check(Page{Name: p.name, Source: a.bySource[p.name].File, HTML: p.raw}, report)
		}
	}
}
