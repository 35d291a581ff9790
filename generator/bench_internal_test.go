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
	bl, dir := builtCorpus(b, 20)
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

// builtCorpus builds the benchmark corpus of n posts in memory and
// returns its builder, for benchmarks of one stage, and its folder.
func builtCorpus(b *testing.B, n int) (*builder, string) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := corpus.Generate(dir, n); err != nil {
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
	return bl, dir
}
