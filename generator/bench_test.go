package generator_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/affsite/affsite/bench/corpus"
	"github.com/affsite/affsite/generator"
)

// benchCorpus generates the benchmark corpus of n posts once per
// benchmark.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if err := corpus.Generate(dir, n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBuild1000 builds the 1,000-post corpus into a folder, as
// `affsite build` does.
func BenchmarkBuild1000(b *testing.B) {
	dir := benchCorpus(b, 1000)
	out := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := generator.Build(generator.Options{Source: dir, Dest: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild1000Memory builds the 1,000-post corpus in memory, as
// `affsite serve` does: the build's CPU cost without file writes.
func BenchmarkBuild1000Memory(b *testing.B) {
	dir := benchCorpus(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := generator.Build(generator.Options{Source: dir, Output: generator.NewMemOutput()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuildPostEdit measures an incremental rebuild after one
// post's text changed, on the 1,000-post corpus.
func BenchmarkRebuildPostEdit(b *testing.B) {
	dir := benchCorpus(b, 1000)
	ents, err := os.ReadDir(filepath.Join(dir, "content", "posts"))
	if err != nil {
		b.Fatal(err)
	}
	rebuildLoop(b, dir, "content/posts/"+ents[len(ents)/2].Name())
}
