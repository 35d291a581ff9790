package generator

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestReadInputLentBuffer: what readInput keeps of a file (front matter
// values, the text before the body, warnings, the prose's summary) is
// the same after the next file was read into the buffer it lent, for
// every front matter format, a byte order mark, CRLF and an empty file.
func TestReadInputLentBuffer(t *testing.T) {
	t.Parallel()
	files := []struct{ name, src string }{
		{"yaml.md", "---\ntitle: \"YAML page\"\ntags: [a, b]\nparams:\n  x: yes\n---\nThe yaml body {{< x >}} words.\n<!--more-->\nmore\n"},
		{"toml.md", "+++\ntitle = \"TOML page\"\n[params]\nrating = 4.5\n+++\nThe toml body.\n"},
		{"json.md", "{\n  \"title\": \"JSON page\",\n  \"tags\": [\"c\"]\n}\nThe json body.\n"},
		{"bom.md", "\ufeff---\ntitle: BOM page\n---\nThe bom body.\n"},
		{"crlf.md", "---\r\ntitle: CRLF page\r\n---\r\nThe crlf body.\r\n"},
		{"empty.md", ""},
		{"long.md", "---\ntitle: " + strings.Repeat("z", 3000) + "\n---\n" + strings.Repeat("overwrite ", 2000)},
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"t\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fresh := func(name string) *sourceSnap {
		b, err := newBuilder(Options{Source: dir, Output: NewMemOutput()})
		if err != nil {
			t.Fatal(err)
		}
		s, err := b.readInput(filepath.Join(dir, name), "content/"+name)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	b, err := newBuilder(Options{Source: dir, Output: NewMemOutput()})
	if err != nil {
		t.Fatal(err)
	}
	var got []*sourceSnap
	for _, f := range files { // one goroutine: the pool lends the same buffer each time
		s, err := b.readInput(filepath.Join(dir, f.name), "content/"+f.name)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	for i, f := range files {
		want := fresh(f.name)
		if len(want.head) == 0 && len(got[i].head) == 0 {
			want.head, got[i].head = nil, nil // a file without front matter: none either way
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("%s after the others were read: %+v, want %+v", f.name, got[i], want)
		}
	}
	if title := got[0].keys["title"]; title != "YAML page" {
		t.Errorf("yaml.md's title = %q", title)
	}
}
