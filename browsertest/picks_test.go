package browsertest

import (
	"context"
	"math"
	"strconv"
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
	type pickPage struct {
		viewPage // its name is the block's kind
		sel      string
	}
	pages := []pickPage{
		{viewPage{"best-of", "/posts/best-affiliate-programs-for-marketers/"}, "section.best-of"},
		{viewPage{"top-pick", "/posts/kartra-affiliate-program-review/"}, "aside.top-pick"},
	}
	eachView(t, startBrowser(t), serveExample(t).URL, pages, func(t *testing.T, v view, p pickPage) {
		f := v.blocks(t)
		// Only this test's kind: TestMoneyBlocks judges the others.
		mine := f.Blocks[:0]
		for _, b := range f.Blocks {
			if b.Kind == p.name {
				mine = append(mine, b)
			}
		}
		f.Blocks = mine
		checkBlocks(t, f, []string{p.name}, v.scheme)
		if p.name == "best-of" {
			checkBestOfList(t, v.ctx)
		}
		checkHalfStar(t, v.ctx, p.sel)
		// The picture first, as a reader sees the block; then the focus
		// of its first button.
		v.shot(t, p.sel, p.name)
		checkButtonFocus(t, v.ctx, p.sel+" a.btn-cta")
	})
}

// halfStarJS reports the first half star in a block (Kartra's 4.5):
// the width of its box and of the ★ drawn over it, and whether the stars
// and the visible score are hidden from screen readers, which read the
// rating's words instead.
const halfStarJS = `((sel) => {
  const half = document.querySelector(sel + " .stars .star-half");
  if (!half) return null;
  const rating = half.closest(".stars").parentElement;
  return {
    width: half.getBoundingClientRect().width,
    over: parseFloat(getComputedStyle(half, "::before").width),
    content: getComputedStyle(half, "::before").content,
    hidden: [...rating.querySelectorAll(".stars, .pick-score")].every((el) => el.getAttribute("aria-hidden") === "true"),
    label: rating.querySelector(".visually-hidden")?.textContent ?? "",
  };
})`

// checkHalfStar wants the block's 4.5 rating drawn as four stars and a
// half one (a ★ over the left half of a ☆), hidden from screen readers,
// which read "Rated 4.5 out of 5".
func checkHalfStar(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[*struct {
		Width, Over    float64
		Content, Label string
		Hidden         bool
	}](halfStarJS+"("+strconv.Quote(sel)+")"))
	switch {
	case err != nil:
		t.Fatalf("half-star probe: %v", err)
	case got == nil:
		t.Errorf("%s: no half star for a 4.5 rating", sel)
	case got.Content != `"★"` || got.Width == 0 || math.Abs(got.Over-got.Width/2) > 0.5:
		t.Errorf("%s: half star draws %s %vpx wide over a %vpx star, want ★ over half of it", sel, got.Content, got.Over, got.Width)
	case !got.Hidden || got.Label != "Rated 4.5 out of 5":
		t.Errorf("%s: rating read as %q (stars and score hidden: %v), want only \"Rated 4.5 out of 5\"", sel, got.Label, got.Hidden)
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
