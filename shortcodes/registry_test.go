package shortcodes

import (
	"errors"
	"slices"
	"testing"
)

// TestRegistryFallback: a page's Registry finds its own built-ins first,
// then its base's; its names are both's, once each.
func TestRegistryFallback(t *testing.T) {
	t.Parallel()
	call := func(r *Registry, name string) string {
		f, ok := r.Lookup(name)
		if !ok {
			return "none"
		}
		return f(&Invocation{Name: name}).Error()
	}
	says := func(s string) Func { return func(*Invocation) error { return errors.New(s) } }
	base := NewRegistry()
	base.Add("figure", says("base figure"), RequiresInner())
	base.Add("both", says("base both"))
	page := NewRegistry()
	page.Add("both", says("page both"))
	page.Add("afflink", says("page afflink"))
	page.Fallback(base)
	tests := []struct {
		r          *Registry
		name, want string
	}{
		{page, "afflink", "page afflink"},
		{page, "both", "page both"},
		{page, "figure", "base figure"},
		{page, "missing", "none"},
		{base, "afflink", "none"},
		{nil, "figure", "none"},
	}
	for _, tt := range tests {
		if got := call(tt.r, tt.name); got != tt.want {
			t.Errorf("Lookup(%q) runs %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := page.Names(); !slices.Equal(got, []string{"afflink", "both", "figure"}) {
		t.Errorf("Names = %q", got)
	}
	if (&Env{Registry: page}).InnerUse("figure") != InnerAlways {
		t.Error("a base's RequiresInner is not seen through the page's Registry")
	}
	if got := (*Registry)(nil).Names(); got != nil {
		t.Errorf("nil Registry's Names = %q", got)
	}
}
