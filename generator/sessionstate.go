package generator

import (
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// sessionState is what a Session keeps of its last good build, for the
// next rebuild to start from: its environments and site values, with
// each page's result, not its builder. A rebuild makes new builders over
// them (builds), so each has its own output, warnings, written files
// and template functions.
type sessionState struct {
	root  *siteState   // the site; a multilingual site's root (its site value empty)
	langs []*siteState // a multilingual site's languages, in order; else nil
}

// siteState is what a build leaves of one site, or of one language of
// a multilingual site: its environment, its site value (the pages with
// their results, the lists, programs, templates) and the files its
// lists and site-wide outputs wrote.
type siteState struct {
	env   *siteEnv
	value *siteValue
	wrote siteWrites
}

// state is what the build leaves of its site.
func (b *builder) state() *siteState {
	return &siteState{env: b.siteEnv, value: b.siteValue, wrote: b.wrote}
}

// sessionState is what the build (runAll) leaves for a Session.
func (b *builder) sessionState() *sessionState {
	return &sessionState{root: b.state(), langs: b.langStates()}
}

// envs are the languages' environments, in order (languageOf asks them
// of each changed file): made once by the full build, which alone
// makes them.
func (st *sessionState) envs() []*siteEnv {
	out := make([]*siteEnv, len(st.langs))
	for i, l := range st.langs {
		out[i] = l.env
	}
	return out
}

// langStates is what a multilingual site's build leaves of each
// language, in order; nil on a site of one language.
func (b *builder) langStates() []*siteState {
	var out []*siteState
	for _, lb := range b.langs {
		out = append(out, lb.state())
	}
	return out
}

// builds makes the builders of a rebuild writing to to (a view of out):
// the root's and, on a multilingual site, its languages', each over what
// the last build left.
func (st *sessionState) builds(to Output) *builder {
	root := newBuild(st.root.env, st.root.value.shallow(), to) // sessionown.go
	for _, l := range st.langs {
		root.langs = append(root.langs, newBuild(l.env, l.value.shallow(), root.languageOutput(l.env, to)))
	}
	return root
}

// sessionPaths are the changed files as needsFullBuild sees them: a
// content file of a multilingual site by its content key
// ("content-de/posts/a.md" and "content/posts/a.fr.md" are
// "content/posts/a.md"), so that an _index.fr.md rebuilds all as an
// _index.md does.
func (st *sessionState) sessionPaths(changed []string) []string {
	if st.langs == nil {
		return changed
	}
	envs := st.envs()
	out := make([]string, len(changed))
	for i, c := range changed {
		c = path.Clean(filepath.ToSlash(c))
		if j := languageOf(envs, c); j >= 0 {
			c = envs[j].contentKey(c)
		}
		out[i] = c
	}
	return out
}

// languageOf is the index of the language among langs whose content the
// file is (relative to the site), or -1.
func languageOf(langs []*siteEnv, file string) int {
	dir := ""
	for _, l := range langs {
		if d := l.contentDir(); strings.HasPrefix(file, d+"/") && len(d) > len(dir) {
			dir = d
		}
	}
	for i, l := range langs {
		if dir != "" && l.contentDir() == dir && l.ownsContent(file) {
			return i
		}
	}
	return -1
}

// showsPicture tells whether a product box of the site's pages or
// section texts shows the static file ("static/images/x.png"), as their
// results say.
func (sv *siteValue) showsPicture(file string) bool {
	shows := func(s *source) bool { return slices.Contains(s.result.pictures, file) }
	if slices.ContainsFunc(sv.srcs, shows) {
		return true
	}
	for _, s := range sv.sectionSources {
		if shows(s) {
			return true
		}
	}
	return false
}
