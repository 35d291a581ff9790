package frontmatter

import (
	"testing"

	"github.com/affsite/affsite/internal/values"
)

// plainCases are YAML front matters beyond parseCases' for
// TestPlainValue: each says whether plainValue reads it (or leaves it to
// Decode).
var plainCases = []struct {
	name, text string
	plain      bool
}{
	{"a post", "title: \"A review\"\ndescription: x\ndate: 2023-08-12T22:00:00Z\ntags:\n  - a\n  - b\ncategories: [C]\nprogram: p13\nslug: post-1\n", true},
	{"scalars", "a: 1\nb: -2.5\nc: yes\nd: ~\ne: 'q'\nf: True\ng: 0x10\nh: .inf\ni: 1_000\nj: 9223372036854775808\nk: null\nl:\n", true},
	{"nested", "params:\n  a: [1, {b: [c, {d: e}]}]\n  f: {}\n  g: []\n", true},
	{"explicit tags", "a: !!str 12\nb: !!int \"7\"\nc: !!bool yes\nd: !!float 1\n", true},
	{"block scalars", "a: |\n  x\n  y\nb: >-\n  folded\n  text\n", true},
	{"empty key", "~: a\n\"\": b\n", true},
	{"anchor without alias", "a: &x 1\nb: 2\n", true},
	{"alias", "a: &x 1\nb: *x\n", false},
	{"merge", "a: &x {k: 1}\nb:\n  <<: *x\n", false},
	{"int key", "a:\n  1: one\n", false},
	{"bool key", "true: t\n", false},
	{"binary", "a: !!binary aGVsbG8=\n", false},
	{"custom tag", "a: !thing x\n", false},
	{"custom tag on a map", "a: !thing {k: v}\n", false},
	{"timestamp", "a: 2026-01-02\nb: !!timestamp 2026-01-02\n", true},
}

// TestPlainValue: what plainValue reads is what Decode and
// values.NormalizeMap made of it, for every YAML front matter of
// parseCases and plainCases; and it reads those it should.
func TestPlainValue(t *testing.T) {
	t.Parallel()
	texts := map[string]bool{}
	for _, c := range parseCases {
		if f, text, _, ok := cut([]byte(c.src)); ok && f.end == "---" {
			texts[string(text)] = false
		}
	}
	for _, c := range plainCases {
		texts[c.text] = true
		root, _, err := yamlTree([]byte(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if _, ok := plainMapping(root.Content[0]); ok != c.plain {
			t.Errorf("%s: plainMapping ok = %v, want %v", c.name, ok, c.plain)
		}
	}
	for text := range texts {
		comparePlain(t, text)
	}
}

// FuzzPlainValue: for any YAML text, what plainValue reads is what
// Decode and values.NormalizeMap make of it.
func FuzzPlainValue(f *testing.F) {
	for _, c := range plainCases {
		f.Add(c.text)
	}
	f.Fuzz(comparePlain)
}

// comparePlain checks that what plainValue reads of the YAML text, if
// it reads it, is what Decode and values.NormalizeMap make of it.
func comparePlain(t *testing.T, text string) {
	root, _, err := yamlTree([]byte(text))
	if err != nil || root.Kind == 0 || len(root.Content) != 1 {
		return
	}
	plain, ok := plainMapping(root.Content[0])
	if !ok {
		return
	}
	var m map[string]any
	if err := root.Decode(&m); err != nil {
		t.Errorf("%q: plainValue read what Decode refuses: %v", text, err)
		return
	}
	// dumpValue prints the Go types, and NaN as NaN (DeepEqual's NaN
	// is no NaN).
	if got, want := dumpValue(plain), dumpValue(values.NormalizeMap(m)); got != want {
		t.Errorf("%q:\nplainValue %s\nDecode     %s", text, got, want)
	}
}

// BenchmarkParsePost parses a corpus post's YAML front matter
// (bench/gencorpus).
func BenchmarkParsePost(b *testing.B) {
	src := []byte("---\n" + plainCases[0].text + "---\n\nThe body.\n")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("content/posts/post-1.md", src); err != nil {
			b.Fatal(err)
		}
	}
}
