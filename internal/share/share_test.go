package share

import (
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// TestSetShares hands out the first copy of a string to every later
// caller, from several goroutines, and leaves other values alone.
func TestSetShares(t *testing.T) {
	t.Parallel()
	var s Set
	first := s.String(strings.Repeat("tag", 2))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got := s.String(strings.Repeat("ta", 1) + "gtag")
			if got != "tagtag" || unsafe.StringData(got) != unsafe.StringData(first) {
				t.Errorf("String gave a copy of its own: %q", got)
			}
		})
	}
	wg.Wait()
	box := s.Value(strings.Clone("tagtag"))
	if b, ok := box.(string); !ok || unsafe.StringData(b) != unsafe.StringData(first) {
		t.Errorf("Value gave %v, not the first copy", box)
	}
	if got := s.Value(42); got != 42 {
		t.Errorf("Value(42) = %v", got)
	}
	var none *Set
	if got := none.String("x"); got != "x" {
		t.Errorf("a nil Set's String = %q", got)
	}
}

// TestSetLists hands out the first copy of a list, its strings shared
// too, for an equal list only, and leaves empty lists alone.
func TestSetLists(t *testing.T) {
	t.Parallel()
	var s Set
	tag := s.String(strings.Clone("p1"))
	first := s.List([]string{strings.Clone("p1"), "p2"})
	if unsafe.StringData(first[0]) != unsafe.StringData(tag) {
		t.Error("List kept a string of its own, not the Set's copy")
	}
	got := s.List([]string{"p1", strings.Clone("p2")})
	if &got[0] != &first[0] || cap(got) != 2 {
		t.Errorf("List gave a copy of its own (cap %d)", cap(got))
	}
	for _, other := range [][]string{{"p1"}, {"p1", "p2", "p3"}, {"p1:p2"}, {"1:p"}} {
		if o := s.List(other); len(o) != len(other) || &o[0] == &first[0] {
			t.Errorf("List(%q) = %q, the list of %q", other, o, first)
		}
	}
	if o := s.List([]string{"2:p12:p2"}); o[0] != "2:p12:p2" {
		t.Errorf("a string spelling another list's key got %q", o)
	}
	if s.List(nil) != nil || len(s.List([]string{})) != 0 {
		t.Error("an empty list was not returned as it is")
	}
	var none *Set
	if l := []string{"x"}; &none.List(l)[0] != &l[0] {
		t.Error("a nil Set's List gave a copy")
	}
}
