package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestCalculatorAndProduct loads the Kartra review (its earnings
// calculator) and the HostHarbor review (its product box, with a price:
// the kitchen scale's, an Amazon product, shows none) at 375 and
// 1280 px, light and dark, and wants each block whole on screen (no
// horizontal scrolling, nothing cut off), its totals or price shown, its
// text at 4.5:1, keyboard focus visible on its inputs and button, the
// picture loaded at the size its width and height attributes give, and
// no console error. It saves a picture of each block.
func TestCalculatorAndProduct(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	type blockPage struct {
		viewPage          // its name is the block's kind
		sel      string   // the block
		focus    []string // elements that must show keyboard focus
	}
	pages := []blockPage{
		{viewPage{"calculator", "/posts/kartra-affiliate-program-review/"}, "figure.calculator",
			[]string{"figure.calculator input[data-calc-count]", "figure.calculator select[data-calc-billing]"}},
		{viewPage{"product", "/posts/hostharbor-affiliate-program-review/"}, "aside.product", []string{"aside.product a.btn-cta"}},
	}
	eachView(t, startBrowser(t), serveExample(t).URL, pages, func(t *testing.T, v view, p blockPage) {
		if err := chromedp.Do(v.ctx, chromedp.ScrollIntoView(chromedp.CSS(p.sel))); err != nil {
			t.Fatalf("scrolling to %s: %v", p.sel, err)
		}
		if p.name == "product" {
			checkProductImage(t, v.ctx)
		}
		checkBlocks(t, v.blocks(t), []string{p.name}, v.scheme)
		for _, sel := range p.focus {
			checkButtonFocus(t, v.ctx, sel)
		}
		v.shot(t, p.sel, p.name)
	})
}

// checkProductImage waits for the product box's lazy picture and wants its
// width and height attributes to be its file's size, and its box to keep
// that shape.
func checkProductImage(t *testing.T, ctx context.Context) {
	t.Helper()
	const probe = `(() => {
  const img = document.querySelector("aside.product img.product-image");
  if (!img) return "no picture";
  if (!img.complete || img.naturalWidth === 0) return "";
  if (img.loading !== "lazy") return "loading=" + img.loading;
  const w = +img.getAttribute("width"), h = +img.getAttribute("height");
  if (w !== img.naturalWidth || h !== img.naturalHeight) return "attributes " + w + "x" + h + ", file " + img.naturalWidth + "x" + img.naturalHeight;
  const r = img.getBoundingClientRect();
  if (Math.abs(r.width / r.height - w / h) > 0.02) return "shown at " + r.width + "x" + r.height;
  return "ok";
})()`
	got, err := chromedp.Run(ctx, chromedp.Poll[string](probe))
	if err != nil || got != "ok" {
		t.Errorf("product picture: %q (%v)", got, err)
	}
}

// roundingProgram is a program whose figures need rounding everywhere:
// odd prices and rates, first N months, a renewal-free one-off product, a
// flat amount per sale, per-plan rates and a second tier.
const roundingProgram = `name: "Roundabout"
url: "https://roundabout.example/"
commission: {rate: 33.3%, months: 5}
tier2: 7.5%
prices_checked: 2026-11-01
plans:
  - {name: Basic, monthly: 12.49, annual: 124.95}
  - {name: Pro, monthly: 29.99, annual: 299.95, commission: {rate: 27.5%, recurring: true}}
  - {name: Kit, price: 24.99, commission: "$3.35"}
  - {name: Course, price: 199.99, commission: {rate: 41.7%, recurring: false}}
`

// calcRow is one row of a calculator case: customers as typed and the
// billing chosen ("" where the plan has one).
type calcRow struct {
	count   string
	billing string
}

// calcFigures is what the page shows: each row's month, year, tier-2
// month and tier-2 year, then the totals in the same order.
type calcFigures struct {
	Rows   [][]string `json:"rows"`
	Totals []string   `json:"totals"`
}

// TestCalculatorMatchesGo sets the inputs of an earnings calculator in
// Chromium, case by case, and compares every figure the script shows with
// what the Go money code computes for the same customers and billings:
// each row by programs.Program.Earnings, tier 2 and the totals exactly,
// rounded once.
func TestCalculatorMatchesGo(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	p, err := programs.Parse("roundabout.yaml", []byte(roundingProgram))
	if err != nil {
		t.Fatal(err)
	}
	browser := startBrowser(t)
	srv := serveSite(t, map[string]string{
		"site.toml":                     "baseURL = \"https://example.org/\"\ntitle = \"Calc\"\n",
		"data/programs/roundabout.yaml": roundingProgram,
		"content/posts/calc.md":         "---\ntitle: Calc\nprogram: roundabout\n---\n{{< disclosure >}}\n\n{{< calculator basic=3 pro=1 kit=2 course=1 >}}\n",
	})
	ctx, events := newTab(t, browser)
	loadAt(t, ctx, srv.URL+"/posts/calc/", viewport{1280, 800, false}, "light")
	cases := []struct {
		name string
		rows []calcRow // Basic, Pro, Kit, Course
	}{
		{"default", []calcRow{{"3", "monthly"}, {"1", "monthly"}, {"2", ""}, {"1", ""}}},
		{"mixed billing", []calcRow{{"7", "monthly"}, {"3", "annual"}, {"11", ""}, {"2", ""}}},
		{"annual", []calcRow{{"1", "annual"}, {"13", "annual"}, {"0", ""}, {"5", ""}}},
		{"odd counts", []calcRow{{"17", "annual"}, {"29", "monthly"}, {"1", ""}, {"3", ""}}},
		{"one each", []calcRow{{"1", "monthly"}, {"1", "monthly"}, {"1", ""}, {"1", ""}}},
		{"large", []calcRow{{"999999", "monthly"}, {"1000000", "annual"}, {"123457", ""}, {"654321", ""}}},
		{"none", []calcRow{{"0", "annual"}, {"0", "monthly"}, {"0", ""}, {"0", ""}}},
		{"not a number", []calcRow{{"2.5", "monthly"}, {"1", "monthly"}, {"1", ""}, {"1", ""}}},
		{"too many", []calcRow{{"1000001", "monthly"}, {"1", "monthly"}, {"1", ""}, {"1", ""}}},
	}
	for _, tc := range cases {
		got := setCalculator(t, ctx, tc.rows)
		want := goFigures(t, p, tc.rows)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\n page %v\n   Go %v", tc.name, got, want)
		}
	}
	// Typing, as a reader does: the figures follow each key.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("tr[data-calc-row] input").value = ""`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("tr[data-calc-row] input"), "42"+kb.Tab)); err != nil {
		t.Fatal(err)
	}
	typed := []calcRow{{"42", "monthly"}, {"1", "monthly"}, {"1", ""}, {"1", ""}}
	if got, want := readCalculator(t, ctx), goFigures(t, p, typed); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("typed 42:\n page %v\n   Go %v", got, want)
	}
	for _, problem := range events.problems(strings.TrimPrefix(srv.URL, "http://")) {
		t.Error(problem)
	}
}

// setCalculator sets each row's customers and billing, as change and
// input events, and returns the figures the page then shows.
func setCalculator(t *testing.T, ctx context.Context, rows []calcRow) calcFigures {
	t.Helper()
	js, _ := json.Marshal(func() [][2]string {
		var out [][2]string
		for _, r := range rows {
			out = append(out, [2]string{r.count, r.billing})
		}
		return out
	}())
	set := fmt.Sprintf(`(() => {
  const want = %s;
  const rows = [...document.querySelectorAll("figure.calculator tr[data-calc-row]")];
  if (rows.length !== want.length) return "rows: " + rows.length;
  rows.forEach((row, i) => {
    const sel = row.querySelector("select[data-calc-billing]");
    if (sel && want[i][1]) { sel.value = want[i][1]; sel.dispatchEvent(new Event("change", { bubbles: true })); }
    const input = row.querySelector("input[data-calc-count]");
    input.value = want[i][0];
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return "ok";
})()`, js)
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](set))
	if err != nil || res != "ok" {
		t.Fatalf("setting the calculator: %q, %v", res, err)
	}
	return readCalculator(t, ctx)
}

// readCalculator returns every figure of the page's calculator.
func readCalculator(t *testing.T, ctx context.Context) calcFigures {
	t.Helper()
	const read = `(() => {
  const fig = document.querySelector("figure.calculator");
  const keys = ["month", "year", "tier2-month", "tier2-year"];
  const text = (el) => el ? el.textContent.trim() : "missing";
  return {
    rows: [...fig.querySelectorAll("tr[data-calc-row]")].map((row) => keys.map((k) => text(row.querySelector('[data-calc-out="' + k + '"]')))),
    totals: keys.map((k) => text(fig.querySelector('[data-calc-total="' + k + '"]'))),
  };
})()`
	f, err := chromedp.Run(ctx, chromedp.Evaluate[calcFigures](read))
	if err != nil {
		t.Fatalf("reading the calculator: %v", err)
	}
	return f
}

// goFigures computes what the calculator must show for rows: each row's
// first 12 months and average month by programs.Program.Earnings for that
// row's customers alone, its second tier and the totals as exact sums
// rounded once; "—" for a row whose count is not a whole number from 0 to
// 1,000,000, and for every total then.
func goFigures(t *testing.T, p *programs.Program, rows []calcRow) calcFigures {
	t.Helper()
	usd := money.USD()
	var out calcFigures
	var year, year2 money.Exact
	valid := true
	for i, r := range rows {
		pl := p.Plans[i]
		b := pl.Billings()[0]
		if r.billing != "" {
			for _, x := range pl.Billings() {
				if x.String() == r.billing {
					b = x
				}
			}
		}
		n, ok := parseCount(r.count)
		if !ok {
			valid = false
			out.Rows = append(out.Rows, []string{"—", "—", "—", "—"})
			continue
		}
		e, err := p.Earnings(&programs.Scenario{Name: "row", Mix: []programs.PlanCount{{PlanID: pl.ID, Count: n}}, Billing: b, HasBilling: true})
		if err != nil {
			t.Fatal(err)
		}
		y, err1 := p.YearExact(pl, b)
		y2, err2 := p.Tier2YearExact(pl, b)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		year, year2 = year.Add(y.Mul(n)), year2.Add(y2.Mul(n))
		out.Rows = append(out.Rows, []string{usd.Format(e.Monthly), usd.Format(e.Annual), roundFormat(t, y2.Mul(n).Div(12)), roundFormat(t, y2.Mul(n))})
	}
	out.Totals = []string{"—", "—", "—", "—"}
	if valid {
		out.Totals = []string{roundFormat(t, year.Div(12)), roundFormat(t, year), roundFormat(t, year2.Div(12)), roundFormat(t, year2)}
	}
	return out
}

// parseCount reads a count as the calculator accepts it.
func parseCount(s string) (int64, bool) {
	if s == "" || len(s) > 7 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	var n int64
	for _, c := range s {
		n = n*10 + int64(c-'0')
	}
	return n, n <= 1_000_000
}

func roundFormat(t *testing.T, e money.Exact) string {
	t.Helper()
	c, err := e.Round()
	if err != nil {
		t.Fatal(err)
	}
	return money.USD().Format(c)
}
