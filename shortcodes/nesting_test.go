package shortcodes

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Deep nesting is refused at parse time, quickly and in memory linear in
// the input. Before the limit, 10,000 nested {{% note %}} took 7 GB and
// 20,000 ran out of memory.
//
// Not parallel: it reads the process's allocation counter, which other
// tests running at the same time would inflate.
func TestDeepNestingRefused(t *testing.T) {
	for _, tt := range []struct {
		depth int
		want  string
	}{
		{150, `content/posts/x.md:105:1: shortcode "note" is nested more than 100 deep (shortcodes inside shortcodes)`},
		{20000, `content/posts/x.md:105:1: shortcode "note" is nested more than 100 deep (shortcodes inside shortcodes)`},
	} {
		src := []byte(nested("{{% note %}}\n", tt.depth, "x\n", "{{% /note %}}\n"))
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, _, err := render(t, testEnv(t), string(src))
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("depth %d: err = %v, want a parse error", tt.depth, err)
		}
		if got := e.At("content/posts/x.md", 4).Error(); got != tt.want {
			t.Errorf("depth %d: err\n got %s\nwant %s", tt.depth, got, tt.want)
		}
		// The lexer's items and the tree take about 20 bytes per input byte.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64*uint64(len(src))+1<<20 {
			t.Errorf("depth %d: %d bytes allocated for %d bytes of input", tt.depth, alloc, len(src))
		}
		if elapsed > 5*time.Second {
			t.Errorf("depth %d: took %v", tt.depth, elapsed)
		}
	}
}

// Expanding nested shortcodes keeps each level's HTML only until its
// parent has copied it: what a Result holds is linear in the output, not
// in depth × output.
func TestNestingRetainsLinearMemory(t *testing.T) {
	t.Parallel()
	para := strings.Repeat("word ", 2000) + "\n"
	for _, open := range []string{"{{% note %}}\n", "{{< box >}}"} {
		close := "{{% /note %}}\n"
		if open == "{{< box >}}" {
			close = "{{< /box >}}"
		}
		html, res, err := render(t, testEnv(t), nested(open, MaxDepth, para, close))
		if err != nil {
			t.Fatal(err)
		}
		held := 0
		for i := range res.html {
			held += len(res.html[i]) + len(res.invs[i].Inner)
		}
		if held > 3*len(html) {
			t.Errorf("%s: the Result holds %d bytes of HTML for %d bytes of output", open, held, len(html))
		}
	}
}

// A nested shortcode's placeholder never reaches the page's Markdown, so
// Result.HTML does not answer for it.
func TestNestedPlaceholderNotInResult(t *testing.T) {
	t.Parallel()
	_, res, err := render(t, testEnv(t), "{{% note %}}\n{{< price amount=1 >}}\n{{% /note %}}\n")
	if err != nil {
		t.Fatal(err)
	}
	if h, ok := res.HTML(res.token(0)); ok {
		t.Errorf("nested placeholder found: %q", h)
	}
	if h, ok := res.HTML(res.token(1)); !ok || !strings.Contains(h, "<b>$1</b>") {
		t.Errorf("top-level placeholder: %q, %v", h, ok)
	}
}
