package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPickBlocks loads the example's best-of post and the Kartra review
// (its top pick) at 375 and 1280 px, light and dark, and wants each block
// whole on screen (no horizontal scrolling, nothing cut off), its prices
// shown, its text at 4.5:1, its buttons' keyboard focus visible and no
// console error; the list's cards in rank order, matching the ItemList in
// the page's JSON-LD. It saves a picture of each block.
func TestPickBlocks(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	browser := startBrowser(t)
	srv := serveExample(t)
	pages := []struct{ kind, path, sel string }{
		{"best-of", "/posts/best-affiliate-programs-for-marketers/", "section.best-of"},
		{"top-pick", "/posts/kartra-affiliate-program-review/", "aside.top-pick"},
	}
	if err := os.MkdirAll(screenshotDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	tabs := make(chan struct{}, 3)
	for _, p := range pages {
		for _, vp := range []viewport{{375, 812, true}, {1280, 800, false}} {
			for _, scheme := range []string{"light", "dark"} {
				t.Run(fmt.Sprintf("%s/%d/%s", p.kind, vp.width, scheme), func(t *testing.T) {
					t.Parallel()
					tabs <- struct{}{}
					defer func() { <-tabs }()
					ctx, events := newTab(t, browser)
					loadAt(t, ctx, srv.URL+p.path, vp, scheme)
					f, err := chromedp.Run(ctx, chromedp.Evaluate[blockFacts](blocksJS))
					if err != nil {
						t.Fatalf("blocks probe: %v", err)
					}
					if f.ScrollWidth > f.InnerWidth {
						t.Errorf("page scrolls horizontally: %v > %v", f.ScrollWidth, f.InnerWidth)
					}
					// Only this test's kind: TestMoneyBlocks judges the others.
					mine := f.Blocks[:0]
					for _, b := range f.Blocks {
						if b.Kind == p.kind {
							mine = append(mine, b)
						}
					}
					f.Blocks = mine
					checkBlocks(t, f, []string{p.kind}, scheme)
					if p.kind == "best-of" {
						checkBestOfList(t, ctx)
					}
					// The picture first, as a reader sees the block; then the
					// focus of its first button.
					png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(p.sel)))
					if err == nil {
						err = os.WriteFile(filepath.Join(screenshotDir(), fmt.Sprintf("%s-%d-%s.png", p.kind, vp.width, scheme)), png, 0o644)
					}
					if err != nil {
						t.Errorf("%s screenshot: %v", p.kind, err)
					}
					checkButtonFocus(t, ctx, p.sel+" a.btn-cta")
					for _, problem := range events.problems(strings.TrimPrefix(srv.URL, "http://")) {
						t.Error(problem)
					}
				})
			}
		}
	}
}

// checkButtonFocus focuses the first element sel matches and wants a
// visible focus indicator on it.
func checkButtonFocus(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(sel))); err != nil {
		t.Fatalf("focusing %s: %v", sel, err)
	}
	ff, err := chromedp.Run(ctx, chromedp.Evaluate[*focusFacts](focusJS))
	switch {
	case err != nil || ff == nil:
		t.Errorf("%s: focus probe: %v", sel, err)
	case !ff.FocusVisible || (ff.OutlineStyle == "none" || ff.OutlineWidth == 0) && ff.BoxShadow == "none":
		t.Errorf("%s: focused %s shows no focus (outline %s %vpx, box-shadow %s)", sel, ff.El, ff.OutlineStyle, ff.OutlineWidth, ff.BoxShadow)
	}
}

// bestOfJS reports the cards of the page's best-of list (rank, name and
// id) and the ListItems of the ItemList in its JSON-LD, parsed as JSON
// (a script that is not valid JSON is reported).
const bestOfJS = `(() => {
  const cards = [...document.querySelectorAll("section.best-of li.best-of-item")].map((li) =>
    [li.querySelector(".pick-rank").textContent.trim(), li.querySelector("h3").textContent.trim(), li.id].join("|"));
  const items = [];
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    let doc;
    try { doc = JSON.parse(s.textContent); } catch (e) { items.push("invalid JSON-LD: " + e.message); continue; }
    if (doc["@type"] !== "ItemList") continue;
    for (const it of doc.itemListElement) {
      const u = new URL(it.url);
      items.push(["#" + it.position, it.name, u.hash.slice(1), u.pathname === location.pathname].join("|"));
    }
  }
  return { cards, items };
})()`

// checkBestOfList wants the example's four programs ranked as the post's
// front matter orders them, and one ListItem per card, in the same order,
// pointing at the card on this page.
func checkBestOfList(t *testing.T, ctx context.Context) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ Cards, Items []string }](bestOfJS))
	if err != nil {
		t.Fatalf("best-of probe: %v", err)
	}
	want := []string{"#1|Kartra|best-of-kartra", "#2|InboxLoop|best-of-inboxloop", "#3|FunnelForge|best-of-funnelforge", "#4|HostHarbor|best-of-hostharbor"}
	if strings.Join(got.Cards, ",") != strings.Join(want, ",") {
		t.Errorf("best-of cards = %q, want %q", got.Cards, want)
	}
	for i := range want {
		want[i] += "|true"
	}
	if strings.Join(got.Items, ",") != strings.Join(want, ",") {
		t.Errorf("ItemList = %q, want %q", got.Items, want)
	}
}
