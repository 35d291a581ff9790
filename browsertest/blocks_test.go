package browsertest

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

//go:embed testdata/blocks.js
var blocksJS string

// blockFacts is what testdata/blocks.js reports.
type blockFacts struct {
	Blocks []struct {
		Kind     string   `json:"kind"`
		Name     string   `json:"name"`
		Shown    bool     `json:"shown"`
		Problems []string `json:"problems"`
		Totals   []string `json:"totals"`
		Text     []struct {
			El          string   `json:"el"`
			Color       string   `json:"color"`
			Backgrounds []string `json:"backgrounds"`
		} `json:"text"`
	} `json:"blocks"`
	ScrollWidth float64 `json:"scrollWidth"`
	InnerWidth  float64 `json:"innerWidth"`
}

// TestMoneyBlocks loads the example pages with money blocks at 375 and
// 1280 px, light and dark, and wants every block of each kind there, each
// one with all its cells and totals inside the viewport and inside its box
// (no horizontal scrolling, page or block), its text at 4.5:1, and no
// console error. The deal box's copy button must work.
func TestMoneyBlocks(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	type blocksPage struct {
		viewPage
		kinds []string // the block kinds the page must have
	}
	pages := []blocksPage{
		{viewPage{"kartra", "/posts/kartra-affiliate-program-review/"}, []string{"commission-table", "plans", "earnings"}},
		{viewPage{"comparison", "/posts/kartra-vs-funnelforge/"}, []string{"commission-table", "plans", "earnings", "compare"}},
		{viewPage{"funnelforge", "/posts/funnelforge-affiliate-program-review/"}, []string{"commission-table", "plans", "earnings", "deal"}},
	}
	eachView(t, startBrowser(t), serveExample(t).URL, pages, func(t *testing.T, v view, p blocksPage) {
		checkBlocks(t, v.blocks(t), p.kinds, v.scheme)
		if contains(p.kinds, "deal") {
			checkDealCopy(t, v.ctx)
			v.shot(t, "aside.deal", "deal")
		}
		if contains(p.kinds, "compare") {
			checkCompareSort(t, v.ctx)
		}
		// One picture per block kind (and the tier-2 earnings, the
		// widest table), for people to look at.
		for kind, sel := range map[string]string{
			"commission-table": "figure.aff-table", "plans": ".plan-cards",
			"earnings": "figure.earnings", "compare": "figure.compare", "earnings-tier2": "figure.earnings:has(tfoot td:nth-of-type(3))",
		} {
			if ok, _ := chromedp.Run(v.ctx, chromedp.Evaluate[bool](fmt.Sprintf("!!document.querySelector(%q)", sel))); ok {
				v.shot(t, sel, kind+"-"+p.name)
			}
		}
		png, err := chromedp.Run(v.ctx, chromedp.FullScreenshot(80))
		if err == nil {
			err = os.WriteFile(filepath.Join(screenshotDir(), v.file("blocks-"+p.name)), png, 0o644)
		}
		if err != nil {
			t.Errorf("screenshot: %v", err)
		}
	})
}

// loadAt opens u in a viewport and colour scheme.
func loadAt(t *testing.T, ctx context.Context, u string, vp viewport, scheme string) {
	t.Helper()
	var vpOpts []chromedp.EmulateViewportOption
	if vp.mobile {
		vpOpts = append(vpOpts, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(vp.width, vp.height, vpOpts...),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}),
		chromedp.Navigate(u),
	)
	if err != nil {
		t.Fatalf("loading %s: %v", u, err)
	}
}

func checkBlocks(t *testing.T, f blockFacts, kinds []string, scheme string) {
	t.Helper()
	canvas := rgba{255, 255, 255, 1}
	if scheme == "dark" {
		canvas = rgba{18, 18, 18, 1}
	}
	seen := map[string]int{}
	for _, b := range f.Blocks {
		seen[b.Kind]++
		name := b.Kind + " " + b.Name
		if !b.Shown {
			t.Errorf("%s: not visible", name)
		}
		for _, p := range b.Problems {
			t.Errorf("%s: %s", name, p)
		}
		if len(b.Totals) == 0 {
			t.Errorf("%s: no totals found", name)
		}
		for _, tx := range b.Text {
			bg, err := effectiveBackground(tx.Backgrounds, canvas)
			if err != nil {
				t.Errorf("%s: %s: %v", name, tx.El, err)
				continue
			}
			fg, err := parseColor(tx.Color)
			if err != nil {
				t.Errorf("%s: %s: %v", name, tx.El, err)
				continue
			}
			if r := contrast(fg.over(bg), bg); r < minContrast {
				t.Errorf("%s: %s: contrast %.2f:1 < %.1f:1", name, tx.El, r, minContrast)
			}
		}
	}
	for _, k := range kinds {
		if seen[k] == 0 {
			t.Errorf("no %s block on the page", k)
		}
	}
}

// checkDealCopy wants the deal box's Copy button shown (its script ran)
// and, once clicked, a status that says what happened: "Copied", or how
// to copy by hand when the browser refuses the clipboard.
func checkDealCopy(t *testing.T, ctx context.Context) {
	t.Helper()
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const b = document.querySelector("aside.deal button.deal-copy"); return !!b && !b.hidden && b.getBoundingClientRect().width > 0; })()`))
	if err != nil || !shown {
		t.Fatalf("deal box: the Copy button is not shown (%v)", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("aside.deal button.deal-copy"))); err != nil {
		t.Fatalf("clicking Copy: %v", err)
	}
	status, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const s = document.querySelector("aside.deal .deal-copied"); return s && s.textContent; })()`))
	if err != nil {
		t.Fatalf("deal box: no status after Copy: %v", err)
	}
	if status != "Copied" && status != "Select the code to copy it" {
		t.Errorf("deal box: status after Copy = %q", status)
	}
}

// checkCompareSort wants the comparison's headings to be buttons (its
// script ran) and a press on one to order the programs by that fact,
// best first, then reversed on the next press.
func checkCompareSort(t *testing.T, ctx context.Context) {
	t.Helper()
	const order = `[...document.querySelectorAll("figure.compare tbody tr")].map((r) => r.cells[0].querySelector("a").textContent.trim()).join(",")`
	col := func(fact string) string {
		return fmt.Sprintf(`(() => { const b = document.querySelector('figure.compare th[data-fact=%q] button.compare-sort'); if (!b) return "no button"; b.click(); return %s; })()`, fact, order)
	}
	// FunnelForge's payout minimum is the lower, Kartra's rating the higher.
	for _, step := range []struct{ fact, want string }{
		{"payout.minimum", "FunnelForge,Kartra"},
		{"payout.minimum", "Kartra,FunnelForge"},
		{"rating", "Kartra,FunnelForge"},
	} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](col(step.fact)))
		if err != nil {
			t.Fatalf("compare sort: %v", err)
		}
		if got != step.want {
			t.Errorf("compare: after sorting by %s, rows = %q, want %q", step.fact, got, step.want)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("figure.compare button.compare-sort"))); err != nil {
		t.Errorf("compare: focusing a sort button: %v", err)
	}
	outline, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.activeElement).outlineStyle`))
	if err != nil || outline == "none" {
		t.Errorf("compare: a focused sort button shows no outline (%q, %v)", outline, err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
