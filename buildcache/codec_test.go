package buildcache

import (
	"reflect"
	"testing"
)

// TestStateRoundTrip: a state's entries decode as they were encoded, and
// every truncation, or a byte too many, is an error (never a panic or a
// partial state).
func TestStateRoundTrip(t *testing.T) {
	t.Parallel()
	entries := map[string]Entry{
		"page content/posts/a.md": {Key: Sum{1}, Files: []File{{Name: "posts/a/index.html", Size: 120, ModTime: -5, Sum: Sum{2}}}, Meta: []byte("meta")},
		"list index.html":         {Key: Sum{3}, Files: []File{{Name: "index.html", Size: 1 << 40, ModTime: 1<<62 + 7, Sum: Sum{4}}, {Name: "b", Sum: Sum{5}}}},
		"empty":                   {},
	}
	body := encodeState(entries)
	got, err := decodeState(body)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, entries) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, entries)
	}
	for i := range len(body) {
		if _, err := decodeState(body[:i]); err == nil {
			t.Fatalf("%d of %d bytes decoded without an error", i, len(body))
		}
	}
	if _, err := decodeState(append(body, 0)); err == nil {
		t.Fatal("a byte left over decoded without an error")
	}
	// A count larger than the bytes left is refused before allocating.
	var e Encoder
	e.Uint(1 << 60)
	if _, err := decodeState(e.Bytes()); err == nil {
		t.Fatal("a huge count decoded without an error")
	}
}
