package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// viewPage is a page of the example that a test looks at in every view:
// its name (the subtest's and the screenshots') and its path. A test's
// own page type embeds it, with what it checks there.
type viewPage struct{ name, path string }

func (p viewPage) page() viewPage { return p }

// viewed is a page type that embeds a viewPage.
type viewed interface{ page() viewPage }

// view is one page loaded in its own tab at one viewport and colour
// scheme.
type view struct {
	ctx    context.Context
	vp     viewport
	scheme string
}

// eachView loads each of pages at 375 and 1280 px, light and dark, in
// parallel subtests named page/width/scheme (at most three tabs at once,
// to spare a small CI machine), calls check with the page loaded, and
// then wants no console error, stray or failed request in the tab.
func eachView[P viewed](t *testing.T, browser context.Context, base string, pages []P, check func(t *testing.T, v view, p P)) {
	t.Helper()
	if err := os.MkdirAll(screenshotDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	tabs := make(chan struct{}, 3)
	for _, p := range pages {
		for _, vp := range []viewport{{375, 812, true}, {1280, 800, false}} {
			for _, scheme := range []string{"light", "dark"} {
				t.Run(fmt.Sprintf("%s/%d/%s", p.page().name, vp.width, scheme), func(t *testing.T) {
					t.Parallel()
					tabs <- struct{}{}
					defer func() { <-tabs }()
					ctx, events := newTab(t, browser)
					loadAt(t, ctx, base+p.page().path, vp, scheme)
					check(t, view{ctx, vp, scheme}, p)
					for _, problem := range events.problems(strings.TrimPrefix(base, "http://")) {
						t.Error(problem)
					}
				})
			}
		}
	}
}

// blocks runs testdata/blocks.js on the page and wants the page not to
// scroll horizontally.
func (v view) blocks(t *testing.T) blockFacts {
	t.Helper()
	f, err := chromedp.Run(v.ctx, chromedp.Evaluate[blockFacts](blocksJS))
	if err != nil {
		t.Fatalf("blocks probe: %v", err)
	}
	if f.ScrollWidth > f.InnerWidth {
		t.Errorf("page scrolls horizontally: %v > %v", f.ScrollWidth, f.InnerWidth)
	}
	return f
}

// picturesJS loads the pictures of the element sel matches now (a lazy
// one below the fold would be blank in its screenshot, though a reader's
// scrolling loads it) and reports whether all have loaded.
const picturesJS = `((sel) => {
  const imgs = [...(document.querySelector(sel)?.querySelectorAll("img") ?? [])];
  for (const img of imgs) img.loading = "eager";
  return imgs.every((img) => img.complete);
})`

// shot saves a picture of the first element sel matches, its pictures
// loaded, as name-width-scheme.png in screenshotDir, for people to look
// at.
func (v view) shot(t *testing.T, sel, name string) {
	t.Helper()
	if _, err := chromedp.Run(v.ctx, chromedp.Poll[bool](picturesJS+"("+strconv.Quote(sel)+")")); err != nil {
		t.Errorf("%s: waiting for its pictures: %v", name, err)
	}
	png, err := chromedp.Run(v.ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err == nil {
		err = os.WriteFile(filepath.Join(screenshotDir(), v.file(name)), png, 0o644)
	}
	if err != nil {
		t.Errorf("%s screenshot: %v", name, err)
	}
}

// file is the screenshot file name of name in this view.
func (v view) file(name string) string {
	return fmt.Sprintf("%s-%d-%s.png", name, v.vp.width, v.scheme)
}
