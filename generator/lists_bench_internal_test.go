package generator

import "testing"

// BenchmarkRenderLists renders the list pages of the 1,000-post corpus
// (the home page's, sections' and terms' pagers and feeds) into memory,
// each time with no card rendered yet, as a build renders them once.
func BenchmarkRenderLists(b *testing.B) {
	bl, _ := builtCorpus(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		bl.written = map[string]string{} // the lists are written again each time
		bl.tmpl.cached.Clear()
		if err := bl.renderLists(); err != nil {
			b.Fatal(err)
		}
	}
}
