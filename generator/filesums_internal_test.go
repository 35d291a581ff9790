package generator

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/affsite/affsite/buildcache"
)

// TestFileSums: a file whose stat data are as the last build's index
// has them is not read again; one edited (even to the same size and
// modification time) is, and so is one whose times are within the racy
// window of the last index; a damaged index is ignored.
func TestFileSums(t *testing.T) {
	t.Parallel()
	cacheDir, site := t.TempDir(), t.TempDir()
	pic := filepath.Join(site, "lamp.png")
	writeBytes(t, pic, "picture one")
	build := func(window time.Duration) (buildcache.Sum, bool) {
		t.Helper()
		c, err := buildcache.Open(cacheDir, "test")
		if err != nil {
			t.Fatal(err)
		}
		sums := openFileSums(c, time.Now())
		sums.window = window
		sum, err := sums.sum("static/lamp.png", pic)
		if err != nil {
			t.Fatal(err)
		}
		sums.record(c)
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		return sum, sums.read
	}
	want := func(text string) buildcache.Sum { return sha256.Sum256([]byte(text)) }
	if sum, read := build(0); !read || sum != want("picture one") {
		t.Fatalf("first build: read %v, sum %x", read, sum)
	}
	if _, read := build(time.Hour); !read {
		t.Error("a file changed within the racy window was trusted")
	}
	if sum, read := build(0); read || sum != want("picture one") {
		t.Errorf("unchanged file: read %v, sum %x", read, sum)
	}
	st, err := os.Stat(pic)
	if err != nil {
		t.Fatal(err)
	}
	writeBytes(t, pic, "picture two")
	if err := os.Chtimes(pic, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if sum, read := build(0); !read || sum != want("picture two") {
		t.Errorf("edited to the same size and time: read %v, sum %x", read, sum)
	}
	state := filepath.Join(cacheDir, buildcache.StateName)
	data, err := os.ReadFile(state)
	if err != nil {
		t.Fatal(err)
	}
	writeBytes(t, state, string(data[:len(data)-1]))
	if _, read := build(0); !read {
		t.Error("a damaged index was trusted")
	}
}

func writeBytes(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
