package buildcache_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/affsite/affsite/buildcache"
)

// saveEntries opens the cache in dir, records n entries ("page i", meta
// from meta(i)) and saves it.
func saveEntries(t *testing.T, dir string, n int, meta func(i int) string) {
	t.Helper()
	c, err := buildcache.Open(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		c.Record(fmt.Sprint("page ", i), buildcache.Entry{Key: buildcache.Sum{byte(i), byte(i >> 8)}, Meta: []byte(meta(i))})
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
}

// segments lists the segment files in dir's cache.
func segments(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "segments"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestSaveWritesChangedShards: a save that changed one entry of many
// writes one segment (beside the index), and a later Open reads every
// entry as last recorded.
func TestSaveWritesChangedShards(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const n = 2000
	meta := func(i int) string { return fmt.Sprint("meta of ", i) }
	saveEntries(t, dir, n, meta)
	before := segments(t, dir)
	if len(before) < 100 {
		t.Fatalf("%d entries saved in %d segments; want them spread", n, len(before))
	}
	saveEntries(t, dir, n, func(i int) string {
		if i == 7 {
			return "changed"
		}
		return meta(i)
	})
	var added []string
	for _, s := range segments(t, dir) {
		if !slices.Contains(before, s) {
			added = append(added, s)
		}
	}
	if len(added) != 1 {
		t.Errorf("one entry changed: %d segments written, want 1", len(added))
	}
	c, err := buildcache.Open(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		e, ok := c.Last(fmt.Sprint("page ", i))
		want := meta(i)
		if i == 7 {
			want = "changed"
		}
		if !ok || string(e.Meta) != want {
			t.Fatalf("page %d: %q, %v; want %q", i, e.Meta, ok, want)
		}
	}
}

// TestDamagedSegment: a segment whose bytes changed, or that is gone,
// reads as a shard without entries; the others are read, and the next
// save writes the shard again.
func TestDamagedSegment(t *testing.T) {
	t.Parallel()
	for _, damage := range []string{"changed", "gone"} {
		t.Run(damage, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			const n = 600
			meta := func(i int) string { return fmt.Sprint("meta of ", i) }
			saveEntries(t, dir, n, meta)
			seg := filepath.Join(dir, "segments", segments(t, dir)[0])
			if damage == "gone" {
				os.Remove(seg)
			} else if err := os.WriteFile(seg, []byte("not a segment"), 0o644); err != nil {
				t.Fatal(err)
			}
			count := func() int {
				c, err := buildcache.Open(dir, "test")
				if err != nil {
					t.Fatal(err)
				}
				found := 0
				for i := range n {
					if e, ok := c.Last(fmt.Sprint("page ", i)); ok {
						if string(e.Meta) != meta(i) {
							t.Fatalf("page %d: %q", i, e.Meta)
						}
						found++
					}
				}
				return found
			}
			if got := count(); got == n || got < n/2 {
				t.Errorf("with a segment %s: %d of %d entries read; want all but one shard's", damage, got, n)
			}
			saveEntries(t, dir, n, meta)
			if got := count(); got != n {
				t.Errorf("after a save: %d of %d entries read", got, n)
			}
		})
	}
}
