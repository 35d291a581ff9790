package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// BenchmarkRebuildPostEditMultilingual measures an incremental rebuild
// after one post's text changed, on the 1,000-post corpus in English
// with half the posts translated to German (content-de/).
func BenchmarkRebuildPostEditMultilingual(b *testing.B) {
	dir := benchCorpus(b, 1000)
	toml := filepath.Join(dir, "site.toml")
	cfg, err := os.ReadFile(toml)
	if err != nil {
		b.Fatal(err)
	}
	langs := "defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\ncontentDir = \"content-de\"\n[affiliate]"
	if err := os.WriteFile(toml, []byte(strings.Replace(string(cfg), "[affiliate]", langs, 1)), 0o644); err != nil {
		b.Fatal(err)
	}
	ents, err := os.ReadDir(filepath.Join(dir, "content", "posts"))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content-de", "posts"), 0o755); err != nil {
		b.Fatal(err)
	}
	for i, e := range ents {
		if i%2 == 0 {
			data, err := os.ReadFile(filepath.Join(dir, "content", "posts", e.Name()))
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, "content-de", "posts", e.Name()), data, 0o644)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	rebuildLoop(b, dir, "content/posts/"+ents[len(ents)/2].Name())
}

// rebuildLoop builds the site at dir in a session, then edits the post
// rel (relative to dir) and rebuilds once a benchmark iteration.
func rebuildLoop(b *testing.B, dir, rel string) {
	s := generator.NewSession(generator.Options{Source: dir})
	if _, err := s.Rebuild(nil); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, filepath.FromSlash(rel))
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		edited := append(append([]byte{}, src...), []byte("\nEdit number "+string(rune('a'+i%26))+".\n")...)
		if err := os.WriteFile(path, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		rr, err := s.Rebuild([]string{rel})
		if err != nil {
			b.Fatal(err)
		}
		if rr.Full {
			b.Fatal("a full rebuild")
		}
	}
}
