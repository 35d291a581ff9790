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
