package shortcodes

import (
	"maps"
	"slices"
)

// Func is a built-in shortcode: Go code that computes inv.Data for the
// template shortcodes/NAME.html, which must exist. A returned error that is not
// already a *PosError is positioned at the shortcode.
type Func func(inv *Invocation) error

// Option configures a built-in shortcode registered with Registry.Add.
type Option func(*builtin)

// RequiresInner marks a built-in as needing a paired use; a standalone use
// is then an "unclosed shortcode" error, as when a template uses .Inner.
func RequiresInner() Option {
	return func(b *builtin) { b.requiresInner = true }
}

type builtin struct {
	fn            Func
	requiresInner bool
	args          *Args // nil: any arguments
}

// Registry maps shortcode names to built-in Funcs. The caller fills it;
// this package registers nothing by itself. A Registry is not safe for
// concurrent Add; concurrent Lookups (and Expands) are fine once filled.
// A Registry may fall back to a base (Fallback), so that what is the same
// for every page is registered once a build.
type Registry struct {
	m    map[string]builtin
	base *Registry
}

// registrySize is room for what a build registers for each page
// (affsite's built-ins, about 20: Hugo's are registered once a build,
// in a base), so that filling a page's Registry does not grow its map.
const registrySize = 24

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry {
	return &Registry{m: make(map[string]builtin, registrySize)}
}

// Fallback makes r look up in base the names it has not registered
// itself: a build fills base once with the built-ins that are the same
// for every page, and each page's Registry with those bound to the
// page. base is only read, so pages on several goroutines share it.
func (r *Registry) Fallback(base *Registry) {
	r.base = base
}

// Add registers f as the built-in shortcode name, replacing any earlier one.
func (r *Registry) Add(name string, f Func, opts ...Option) {
	b := builtin{fn: f}
	for _, o := range opts {
		o(&b)
	}
	if r.m == nil {
		r.m = make(map[string]builtin)
	}
	r.m[name] = b
}

// Lookup returns the built-in registered as name.
func (r *Registry) Lookup(name string) (Func, bool) {
	b, ok := r.get(name)
	return b.fn, ok
}

// get tolerates a nil Registry, which has no built-ins. r's own
// built-ins come first, then its base's.
func (r *Registry) get(name string) (builtin, bool) {
	for ; r != nil; r = r.base {
		if b, ok := r.m[name]; ok {
			return b, true
		}
	}
	return builtin{}, false
}

// Names returns the registered names, its base's included, sorted.
func (r *Registry) Names() []string {
	var names []string
	for ; r != nil; r = r.base {
		names = slices.AppendSeq(names, maps.Keys(r.m))
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// Args returns the arguments the built-in name declares: nil when it
// takes any (or is not registered).
func (r *Registry) Args(name string) (*Args, bool) {
	b, ok := r.get(name)
	return b.args, ok
}
