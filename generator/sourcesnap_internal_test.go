package generator

import (
	"reflect"
	"testing"
	"time"

	"github.com/affsite/affsite/buildcache"
)

// TestSnapshotTrusted: a snapshot is trusted only for the same stat data,
// and only when the file's times are older than its read by the window.
func TestSnapshotTrusted(t *testing.T) {
	t.Parallel()
	read := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC).UnixNano()
	st := fileSum{Size: 10, ModTime: read - int64(2*time.Second), ChangeTime: read - int64(2*time.Second), Inode: 7}
	s := &sourceSnap{stat: st, readAt: read}
	if !s.trusted(st, time.Second) {
		t.Error("unchanged file older than the window not trusted")
	}
	if s.trusted(st, 3*time.Second) {
		t.Error("file changed within the window of the read trusted")
	}
	for name, change := range map[string]func(*fileSum){
		"size":   func(f *fileSum) { f.Size++ },
		"mtime":  func(f *fileSum) { f.ModTime++ },
		"ctime":  func(f *fileSum) { f.ChangeTime++ },
		"inode":  func(f *fileSum) { f.Inode++ },
		"future": func(f *fileSum) { f.ChangeTime = read + 1 },
	} {
		now := st
		change(&now)
		if s.trusted(now, time.Second) {
			t.Errorf("file with another %s trusted", name)
		}
	}
}

// TestSnapshotCodec: a snapshot decodes as it was encoded; every
// truncation, a byte too many or another format is an error; a front
// matter value the encoding cannot give back exactly makes no snapshot.
func TestSnapshotCodec(t *testing.T) {
	t.Parallel()
	s := &sourceSnap{
		stat:   fileSum{Size: 120, ModTime: 5, ChangeTime: 6, Inode: 7, Sum: buildcache.Sum{1}},
		readAt: 9,
		keys:   map[string]any{"title": "A", "date": time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), "tags": []any{"x"}},
		head:   []byte("---\ntitle: A\n---\n"),
		lines:  3,
		body:   bodyFacts{prose: proseFacts{Sum: buildcache.Sum{2}, Max: 70, Words: 3, Summary: "a b c", More: true}, hasMore: true, moreSummary: "a"},
	}
	b, ok := encodeSnap(s)
	if !ok {
		t.Fatal("not encoded")
	}
	got, err := decodeSnap(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, s) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, s)
	}
	noKeys := *s
	noKeys.keys = nil
	if b, _ := encodeSnap(&noKeys); !snapDecodes(b, &noKeys) {
		t.Error("a snapshot without front matter did not round-trip")
	}
	for i := range len(b) {
		if _, err := decodeSnap(b[:i]); err == nil {
			t.Fatalf("%d of %d bytes decoded without an error", i, len(b))
		}
	}
	if _, err := decodeSnap(append(b, 0)); err == nil {
		t.Error("a byte left over decoded without an error")
	}
	other := append([]byte{snapFormat + 1}, b[1:]...)
	if _, err := decodeSnap(other); err == nil {
		t.Error("another format decoded without an error")
	}
	odd := *s
	odd.keys = map[string]any{"n": int32(1)}
	if _, ok := encodeSnap(&odd); ok {
		t.Error("an int32 was encoded")
	}
}

func snapDecodes(b []byte, want *sourceSnap) bool {
	got, err := decodeSnap(b)
	return err == nil && reflect.DeepEqual(got, want)
}
