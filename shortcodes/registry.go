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
type Registry struct {
	m map[string]builtin
}

// registrySize is room for what a build registers for each page
// (affsite's built-ins and Hugo's, about 40), so that filling a page's
// Registry does not grow its map three times over.
const registrySize = 48

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry {
	return &Registry{m: make(map[string]builtin, registrySize)}
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

// get tolerates a nil Registry, which has no built-ins.
func (r *Registry) get(name string) (builtin, bool) {
	if r == nil {
		return builtin{}, false
	}
	b, ok := r.m[name]
	return b, ok
}

// Names returns the registered names, sorted.
func (r *Registry) Names() []string {
	if r == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(r.m))
}

// Args returns the arguments the built-in name declares: nil when it
// takes any (or is not registered).
func (r *Registry) Args(name string) (*Args, bool) {
	b, ok := r.get(name)
	return b.args, ok
}
