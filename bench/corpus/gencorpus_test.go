package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// genPosts returns the Markdown of posts 1..n, generated in memory.
func genPosts(n int) [][]byte {
	programs := Programs()
	out := make([][]byte, n)
	for i := 1; i <= n; i++ {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		WritePost(w, i, programs)
		w.Flush()
		out[i-1] = b.Bytes()
	}
	return out
}

// TestPrefixDeterminism checks that a corpus is a prefix of any larger one
// and that two runs are byte-identical, on disk.
func TestPrefixDeterminism(t *testing.T) {
	t.Parallel()
	small, big, again := t.TempDir(), t.TempDir(), t.TempDir()
	for dir, n := range map[string]int{small: 50, big: 100, again: 100} {
		if err := Generate(dir, n); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= 100; i++ {
		name := filepath.Join("content", "posts", fmt.Sprintf("post-%d.md", i))
		b := read(t, big, name)
		if !bytes.Equal(b, read(t, again, name)) {
			t.Errorf("%s differs between two runs of n=100", name)
		}
		if i <= 50 && !bytes.Equal(b, read(t, small, name)) {
			t.Errorf("%s differs between n=50 and n=100", name)
		}
	}
	for k := range programCount {
		name := filepath.Join("data", "programs", fmt.Sprintf("p%02d.yaml", k))
		if !bytes.Equal(read(t, small, name), read(t, big, name)) {
			t.Errorf("%s differs between n=50 and n=100", name)
		}
	}
}

// read returns the content of dir/name or fails the test.
func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCorpusShape checks the p00 share, the word counts, and the elements
// every post must carry, on n=2000.
func TestCorpusShape(t *testing.T) {
	t.Parallel()
	const n = 2000
	p00, totalWords := 0, 0
	titles := map[string]int{}
	for idx, post := range genPosts(n) {
		i := idx + 1
		s := string(post)
		fm, body, ok := strings.Cut(strings.TrimPrefix(s, "---\n"), "\n---\n")
		if !strings.HasPrefix(s, "---\n") || !ok {
			t.Fatalf("post %d: no front matter", i)
		}
		if strings.Contains(fm, "\nprogram: p00\n") {
			p00++
		}
		title, _, _ := strings.Cut(fm, "\n")
		if j, dup := titles[title]; dup {
			t.Errorf("post %d repeats the title of post %d: %s", i, j, title)
		}
		titles[title] = i
		words := countWords(body)
		if words < 950 || words > 2150 {
			t.Errorf("post %d: %d words, want 1000–2100", i, words)
		}
		totalWords += words
		checkPost(t, i, body)
	}
	if share := float64(p00) / n; share < 0.04 || share > 0.06 {
		t.Errorf("p00 share = %.3f (%d of %d), want 0.04–0.06", share, p00, n)
	}
	mean := totalWords / n
	t.Logf("p00: %d of %d posts; mean words %d", p00, n, mean)
	if mean < 1480 || mean > 1600 {
		t.Errorf("mean words = %d, want about 1537", mean)
	}
}

// checkPost checks one post body's shortcodes, headings, links and table.
func checkPost(t *testing.T, i int, body string) {
	t.Helper()
	if open, close := strings.Count(body, "{{<"), strings.Count(body, ">}}"); open != close || open != 8 {
		t.Errorf("post %d: %d {{< and %d >}}, want 8 of each", i, open, close)
	}
	for rest := body; ; {
		start := strings.Index(rest, "{{<")
		if start < 0 {
			break
		}
		end := strings.Index(rest[start:], ">}}")
		if end < 0 || strings.Contains(rest[start+3:start+end], "{{") || strings.Contains(rest[start:start+end], "\n") {
			t.Errorf("post %d: malformed shortcode at %q", i, rest[start:min(len(rest), start+60)])
			break
		}
		rest = rest[start+end+3:]
	}
	counts := map[string]int{
		"{{< disclosure >}}":               1,
		"{{< afflink program=":             3,
		"{{< /afflink >}}":                 3,
		"{{< commission-table ":            1,
		"\n| --- | --- | :---: | ---: |\n": 1,
	}
	for sub, want := range counts {
		got := strings.Count(body, sub)
		if got != want {
			t.Errorf("post %d: %d × %q, want %d", i, got, sub, want)
		}
	}
	if links := strings.Count(body, "]("); links != 5 {
		t.Errorf("post %d: %d Markdown links, want 5", i, links)
	}
	headings := strings.Count(body, "\n## ") + strings.Count(body, "\n### ")
	if headings < 6 || headings > 8 {
		t.Errorf("post %d: %d headings, want 6–8", i, headings)
	}
	for rest := body; ; {
		_, after, ok := strings.Cut(rest, "](/posts/post-")
		if !ok {
			break
		}
		var j int
		fmt.Sscanf(after, "%d", &j)
		if j < 1 || j >= i {
			t.Errorf("post %d links to post %d, want an earlier post", i, j)
		}
		rest = after
	}
}

// countWords counts the words of a body as a reader sees them: shortcode
// markup, link targets and Markdown markers are not words.
func countWords(body string) int {
	n := 0
	for _, f := range strings.Fields(body) {
		if strings.ContainsAny(f, "{}=()") || strings.Trim(f, "#-|:.0123456789") == "" {
			continue
		}
		n++
	}
	return n
}
