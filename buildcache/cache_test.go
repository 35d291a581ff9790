package buildcache_test

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/affsite/affsite/buildcache"
)

// TestReadChecksObject: an object made from memory reads back as it
// was, also after its time changed (a CI cache's tar keeps seconds); one
// changed in place, truncated, grown or gone is refused.
func TestReadChecksObject(t *testing.T) {
	t.Parallel()
	data := []byte("<html>the page</html>\n")
	later := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name   string
		damage func(t *testing.T, obj string)
		ok     bool
	}{
		{"untouched", func(*testing.T, string) {}, true},
		{"time changed", func(t *testing.T, obj string) { chtimes(t, obj, later) }, true},
		{"same size, other bytes", func(t *testing.T, obj string) {
			writeFile(t, obj, bytes.ToUpper(data))
			chtimes(t, obj, later)
		}, false},
		{"truncated", func(t *testing.T, obj string) { writeFile(t, obj, data[:5]) }, false},
		{"grown", func(t *testing.T, obj string) { writeFile(t, obj, append(bytes.Clone(data), 'x')) }, false},
		{"gone", func(t *testing.T, obj string) {
			if err := os.Remove(obj); err != nil {
				t.Fatal(err)
			}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := buildcache.Open(t.TempDir(), "test")
			if err != nil {
				t.Fatal(err)
			}
			key := buildcache.Sum(sha256.Sum256([]byte(tt.name)))
			f, err := c.PutBytes(key, "posts/a/index.html", data)
			if err != nil {
				t.Fatal(err)
			}
			if f.Size != int64(len(data)) || f.Sum != sha256.Sum256(data) {
				t.Fatalf("PutBytes recorded %+v", f)
			}
			tt.damage(t, c.Object(key, f.Name))
			got, err := c.Read(key, f)
			if tt.ok && (err != nil || !bytes.Equal(got, data)) {
				t.Fatalf("Read = %q, %v; want the object", got, err)
			}
			if !tt.ok && err == nil {
				t.Fatalf("Read = %q of a damaged object; want an error", got)
			}
		})
	}
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func chtimes(t *testing.T, name string, at time.Time) {
	t.Helper()
	if err := os.Chtimes(name, at, at); err != nil {
		t.Fatal(err)
	}
}

// TestSaveUnchanged: a build that records the state it read leaves the
// state file as it is; one that records something else replaces it.
func TestSaveUnchanged(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	entry := buildcache.Entry{Key: buildcache.Sum{1}, Meta: []byte("meta")}
	save := func(e buildcache.Entry) os.FileInfo {
		t.Helper()
		c, err := buildcache.Open(dir, "test")
		if err != nil {
			t.Fatal(err)
		}
		c.Record("page a", e)
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(dir + "/" + buildcache.StateName)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	first := save(entry)
	if again := save(entry); !os.SameFile(first, again) {
		t.Error("the same state was written again")
	}
	entry.Meta = []byte("other")
	if other := save(entry); os.SameFile(first, other) {
		t.Error("a changed state was not written")
	}
}

// TestHolds: a file that is an object by hard link is held, also once
// the object's name is gone (its stat data say it is the object); one
// changed in place, or a copy of it, is not.
func TestHolds(t *testing.T) {
	t.Parallel()
	data := []byte("<html>the page</html>\n")
	for _, tt := range []struct {
		name   string
		damage func(t *testing.T, obj, out string)
		ok     bool
	}{
		{"linked", func(*testing.T, string, string) {}, true},
		{"object name gone", func(t *testing.T, obj, _ string) { os.Remove(obj) }, true},
		{"changed in place", func(t *testing.T, _, out string) {
			f, err := os.OpenFile(out, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("<!-- edited -->")
			f.Close()
		}, false},
		{"a copy", func(t *testing.T, obj, out string) {
			st, err := os.Stat(obj)
			if err != nil {
				t.Fatal(err)
			}
			os.Remove(out)
			writeFile(t, out, data)
			chtimes(t, out, st.ModTime())
		}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			c, err := buildcache.Open(dir+"/cache", "test")
			if err != nil {
				t.Fatal(err)
			}
			key := buildcache.Sum{7}
			f, err := c.PutBytes(key, "index.html", data)
			if err != nil {
				t.Fatal(err)
			}
			out := dir + "/index.html"
			if err := os.Link(c.Object(key, f.Name), out); err != nil {
				t.Fatal(err)
			}
			tt.damage(t, c.Object(key, f.Name), out)
			if got := c.Holds(key, f, out); got != tt.ok {
				t.Errorf("Holds = %v, want %v", got, tt.ok)
			}
		})
	}
}

// TestPutBytesMode: an object made from memory (a preview's page) that a
// later build links into its output has an output file's mode, readable
// by a web server running as another user, as a file the build writes.
func TestPutBytesMode(t *testing.T) {
	t.Parallel()
	c, err := buildcache.Open(t.TempDir(), "test")
	if err != nil {
		t.Fatal(err)
	}
	key := buildcache.Sum(sha256.Sum256([]byte("mode")))
	f, err := c.PutBytes(key, "index.html", []byte("<p>page</p>"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	written := filepath.Join(dir, "written.html")
	if err := os.WriteFile(written, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "index.html")
	if err := c.Get(key, f, dst); err != nil {
		t.Fatal(err)
	}
	want, got := stat(t, written).Mode().Perm(), stat(t, dst).Mode().Perm()
	if got != want {
		t.Fatalf("linked object has mode %v; a written output file has %v", got, want)
	}
}

func stat(t *testing.T, name string) os.FileInfo {
	t.Helper()
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
