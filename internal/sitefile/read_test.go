package sitefile

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadAll: a file is read whole into a buffer of exactly its size,
// and one that changed between its opening and its reading is read as
// it is then: grown, shrunk, emptied, or grown past the limit (limit
// bytes, so that the caller sees it is too large).
func TestReadAll(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		before string
		change func(t *testing.T, path string)
		limit  int64
		want   string
	}{
		{name: "empty", before: "", want: ""},
		{name: "unchanged", before: "---\ntitle: x\n---\nbody\n", want: "---\ntitle: x\n---\nbody\n"},
		{name: "a size class exactly", before: strings.Repeat("a", 4096), want: strings.Repeat("a", 4096)},
		{name: "grew", before: "abc", change: appendTo("defgh"), want: "abcdefgh"},
		{name: "grew from empty", before: "", change: appendTo("x"), want: "x"},
		{name: "grew a lot", before: "a", change: appendTo(strings.Repeat("b", 10000)), want: "a" + strings.Repeat("b", 10000)},
		{name: "shrank", before: "abcdef", change: truncateTo(2), want: "ab"},
		{name: "emptied", before: "abcdef", change: truncateTo(0), want: ""},
		{name: "grew past the limit", before: "abc", change: appendTo("defghij"), limit: 5, want: "abcde"},
		{name: "at the limit", before: "abcde", limit: 5, want: "abcde"},
	}
	for _, tt := range tests {
		for _, room := range []int{0, 3, 1 << 15} {
			t.Run(fmt.Sprintf("%s, a buffer of %d", tt.name, room), func(t *testing.T) {
				t.Parallel()
				path := filepath.Join(t.TempDir(), "x.md")
				if err := os.WriteFile(path, []byte(tt.before), 0o644); err != nil {
					t.Fatal(err)
				}
				f, st, err := openRegular(path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if tt.change != nil {
					tt.change(t, path)
				}
				limit := tt.limit
				if limit == 0 {
					limit = math.MaxInt64
				}
				buf := bytes.Repeat([]byte{'#'}, room) // what the last file left
				got, err := readAll(f, buf, st.Size(), limit)
				if err != nil || string(got) != tt.want {
					t.Errorf("readAll = %q, %v; want %q", got, err, tt.want)
				}
				reused := len(got) > 0 && room > 0 && &got[0] == &buf[0]
				switch {
				case tt.change != nil:
				case room >= len(tt.before) && len(tt.before) > 0 && !reused:
					t.Errorf("a buffer of %d not reused for %d bytes", room, len(tt.before))
				case room < len(tt.before) && cap(got) != len(tt.want):
					t.Errorf("cap = %d, want exactly the size %d", cap(got), len(tt.want))
				}
			})
		}
	}
}

func appendTo(more string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(more); err != nil {
			t.Fatal(err)
		}
	}
}

func truncateTo(n int64) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if err := os.Truncate(path, n); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReadRegular: a file of the site is read as it is on disk, CRLF
// and a byte order mark kept (the content reader removes those), and
// an empty file is empty, not an error.
func TestReadRegular(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"empty.md": "", "crlf.md": "---\r\ntitle: x\r\n---\r\nbody\r\n", "bom.md": "\ufeff---\ntitle: x\n---\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Read(path, "content/"+name)
		if err != nil || !bytes.Equal(got, []byte(content)) {
			t.Errorf("Read(%s) = %q, %v; want %q", name, got, err, content)
		}
	}
	if _, err := Read(dir, "content/posts"); err == nil || err.Error() != "content/posts: is a folder, not a file" {
		t.Errorf("Read of a folder = %v", err)
	}
}
