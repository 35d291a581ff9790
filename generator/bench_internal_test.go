package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/affsite/affsite/bench/corpus"
)

// BenchmarkRenderPost renders one typical corpus post's body: shortcodes
// expanded, Markdown rendered, the disclosure rule applied.
func BenchmarkRenderPost(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := corpus.Generate(dir, 20); err != nil {
		b.Fatal(err)
	}
	bl, err := newBuilder(Options{Source: dir, Output: NewMemOutput()})
	if err != nil {
		b.Fatal(err)
	}
	bl.out = NewMemOutput()
	if _, err := bl.run(); err != nil {
		b.Fatal(err)
	}
	s := bl.srcs[7]
	raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(s.file)))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		bl.written = map[string]string{} // the page is written again each time
		if _, err := bl.renderContentPage(s); err != nil {
			b.Fatal(err)
		}
	}
}
