package browsertest

import (
	"context"
	_ "embed"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

//go:embed testdata/probe.js
var probeJS string

//go:embed testdata/focus.js
var focusJS string

// screenshotDir is where the screenshots go, for people to look at: a
// scratch folder of the tests' own under the system's temporary folder
// (never the repository), or $AFFSITE_SCREENSHOTS.
func screenshotDir() string {
	if d := os.Getenv("AFFSITE_SCREENSHOTS"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "affsite-screenshots")
}

// minContrast is WCAG 2 AA for body text.
const minContrast = 4.5

// minFontPx is the smallest text allowed in the affiliate blocks: the numbers
// a reader decides on must not be fine print.
const minFontPx = 14

// page is a page TestTheme looks at, and whether it recommends a program
// (then it must show the disclosure and the program's figures).
type page struct {
	viewPage
	affiliate bool
}

type viewport struct {
	width, height int64
	mobile        bool
}

// TestTheme loads pages × viewports × colour schemes in headless Chromium
// and checks each for console errors, stray or failed requests, horizontal
// scrolling, accessibility basics and the affiliate rules.
func TestTheme(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	browser := startBrowser(t)
	srv := serveExample(t)

	kartra := "/posts/kartra-affiliate-program-review/"
	pages := []page{
		{viewPage: viewPage{name: "home", path: "/"}},
		{viewPage: viewPage{name: "kartra", path: kartra}, affiliate: true},
		{viewPage: viewPage{name: "tag", path: firstTag(t, browser, srv.URL+kartra)}},
	}
	eachView(t, browser, srv.URL, pages, checkPage)
}

// chromium finds the system browser; the tests never download one.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH: install it (apt-get install chromium) to run the browser tests")
	return ""
}

// startBrowser starts one headless Chromium for the whole test; each case
// opens its own tab in it.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		// Chromium's own scratch folders (org.chromium.Chromium.*) go
		// into the test's folder too, not the system's, where they stayed.
		chromedp.Env("TMPDIR=" + t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first run starts the browser; it must not carry a timeout, which
	// would end the browser with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", chromium(t), err)
	}
	return ctx
}

// newTab opens a tab with its own event log and a deadline for its actions.
func newTab(t *testing.T, browser context.Context) (context.Context, *eventLog) {
	t.Helper()
	tab, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	ev := &eventLog{}
	if err := chromedp.Listen(tab, ev.record); err != nil {
		t.Fatal(err)
	}
	ctx, cancelT := context.WithTimeout(tab, 30*time.Second)
	t.Cleanup(cancelT)
	return ctx, ev
}

// firstTag returns the path of the first tag linked from the page at u.
func firstTag(t *testing.T, browser context.Context, u string) string {
	t.Helper()
	ctx, _ := newTab(t, browser)
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	tags, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll(".post-footer .tags a[href]")].map(a => new URL(a.href).pathname)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) == 0 {
		t.Fatalf("%s links to no tag page", u)
	}
	return tags[0]
}

// facts is what testdata/probe.js reports.
type facts struct {
	Lang           string   `json:"lang"`
	H1             int      `json:"h1"`
	ImgsWithoutAlt []string `json:"imgsWithoutAlt"`
	ScrollWidth    float64  `json:"scrollWidth"`
	InnerWidth     float64  `json:"innerWidth"`
	Wide           []string `json:"wide"`
	Canvas         string   `json:"canvas"`
	Paragraphs     []struct {
		El          string   `json:"el"`
		Color       string   `json:"color"`
		Backgrounds []string `json:"backgrounds"`
	} `json:"paragraphs"`
	AffLinks      []string `json:"affLinks"`
	Unsponsored   []string `json:"unsponsored"`
	BlankNoOpener []string `json:"blankNoOpener"`
	Disclosure    *struct {
		Shown bool    `json:"shown"`
		Top   float64 `json:"top"`
		Text  string  `json:"text"`
	} `json:"disclosure"`
	FirstAffTop     *float64 `json:"firstAffTop"`
	CommissionTable *block   `json:"commissionTable"`
	PlanCards       []*block `json:"planCards"`
}

// block describes an affiliate block: whether it shows, its rendered text
// and its smallest visible text.
type block struct {
	Shown     bool    `json:"shown"`
	Text      string  `json:"text"`
	MinFont   float64 `json:"minFont"`
	MinFontEl string  `json:"minFontEl"`
}

// focusFacts is what testdata/focus.js reports.
type focusFacts struct {
	El           string  `json:"el"`
	FocusVisible bool    `json:"focusVisible"`
	OutlineStyle string  `json:"outlineStyle"`
	OutlineWidth float64 `json:"outlineWidth"`
	BoxShadow    string  `json:"boxShadow"`
	InView       bool    `json:"inView"`
}

// checkPage probes the page v shows, saves its screenshot and checks its
// layout, accessibility, affiliate rules and keyboard focus.
func checkPage(t *testing.T, v view, p page) {
	f, err := chromedp.Run(v.ctx, chromedp.Evaluate[facts](probeJS))
	if err != nil {
		t.Fatalf("probe: %v", err)
	}

	shot := fmt.Sprintf("%s-%d", p.name, v.vp.width)
	if v.scheme == "dark" {
		shot += "-dark"
	}
	png, err := chromedp.Run(v.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir(), shot+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}

	checkLayout(t, f, v.vp)
	checkAccessibility(t, f, v.scheme)
	checkAffiliate(t, f, p)
	// eachView then wants no console error or stray request, the focus
	// steps' requests (none expected) included.
	checkFocus(t, v.ctx)
}

func checkLayout(t *testing.T, f facts, vp viewport) {
	t.Helper()
	if f.InnerWidth != float64(vp.width) {
		t.Errorf("window.innerWidth = %v at a %d px viewport (missing or wrong meta viewport?)", f.InnerWidth, vp.width)
	}
	if f.ScrollWidth > f.InnerWidth {
		t.Errorf("horizontal scroll: scrollWidth %v > innerWidth %v; wide elements: %s",
			f.ScrollWidth, f.InnerWidth, strings.Join(f.Wide, ", "))
	}
}

func checkAccessibility(t *testing.T, f facts, scheme string) {
	t.Helper()
	if strings.TrimSpace(f.Lang) == "" {
		t.Error(`<html lang> is empty`)
	}
	if f.H1 != 1 {
		t.Errorf("%d h1 elements, want exactly 1", f.H1)
	}
	for _, src := range f.ImgsWithoutAlt {
		t.Errorf("img without alt: %s", src)
	}

	canvas := rgba{255, 255, 255, 1}
	if scheme == "dark" {
		canvas = rgba{18, 18, 18, 1} // Chromium's dark canvas
	}
	if c, err := parseColor(f.Canvas); err == nil && c.a == 1 {
		canvas = c
	}
	if len(f.Paragraphs) == 0 {
		t.Error("no visible paragraph in <main> to check contrast on")
	}
	for _, para := range f.Paragraphs {
		bg, err := effectiveBackground(para.Backgrounds, canvas)
		if err != nil {
			t.Errorf("%s: %v", para.El, err)
			continue
		}
		fg, err := parseColor(para.Color)
		if err != nil {
			t.Errorf("%s: %v", para.El, err)
			continue
		}
		if r := contrast(fg.over(bg), bg); r < minContrast {
			t.Errorf("%s: contrast %.2f:1 (%s on %v) < %.1f:1", para.El, r, para.Color, para.Backgrounds, minContrast)
		}
	}
}

func checkAffiliate(t *testing.T, f facts, p page) {
	t.Helper()
	for _, a := range f.Unsponsored {
		t.Errorf(`affiliate link without rel="sponsored": %s`, a)
	}
	for _, a := range f.BlankNoOpener {
		t.Errorf(`target="_blank" link without rel="noopener": %s`, a)
	}
	// Any page with an affiliate link needs the disclosure above it.
	if f.FirstAffTop != nil {
		switch d := f.Disclosure; {
		case d == nil:
			t.Error("affiliate links but no .aff-disclosure")
		case !d.Shown:
			t.Error(".aff-disclosure is not visible")
		case d.Top >= *f.FirstAffTop:
			t.Errorf(".aff-disclosure (top %.0f) is not above the first affiliate link (top %.0f)", d.Top, *f.FirstAffTop)
		case !strings.Contains(strings.ToLower(d.Text), "commission"):
			t.Errorf(".aff-disclosure does not mention a commission: %q", d.Text)
		}
	}
	if !p.affiliate {
		return
	}
	if len(f.AffLinks) == 0 || f.FirstAffTop == nil {
		t.Fatal("no affiliate link on an affiliate page")
	}
	checkBlock(t, "table.commission-table", f.CommissionTable, "$39.60", "$99.00", "$948.00", "$199.60")
	if len(f.PlanCards) == 0 {
		t.Error("no .plan-card")
	}
	var cards []string
	for i, c := range f.PlanCards {
		checkBlock(t, fmt.Sprintf(".plan-card[%d]", i), c)
		if c != nil {
			cards = append(cards, c.Text)
		}
	}
	checkBlock(t, ".plan-card (all)", &block{Shown: true, Text: strings.Join(cards, "\n"), MinFont: minFontPx},
		"$99.00", "$948.00", "$199.00", "Most popular", "Choose Starter")
}

func checkBlock(t *testing.T, name string, b *block, want ...string) {
	t.Helper()
	if b == nil {
		t.Errorf("%s: missing", name)
		return
	}
	if !b.Shown {
		t.Errorf("%s: not visible", name)
	}
	// innerText applies text-transform, so compare without case.
	for _, w := range want {
		if !strings.Contains(strings.ToLower(b.Text), strings.ToLower(w)) {
			t.Errorf("%s: text lacks %q", name, w)
		}
	}
	if b.MinFont < minFontPx {
		t.Errorf("%s: text at %.1fpx < %dpx: %s", name, b.MinFont, minFontPx, b.MinFontEl)
	}
}

// checkFocus tabs through the first few focusable elements and wants each
// one to show a visible focus indicator.
func checkFocus(t *testing.T, ctx context.Context) {
	t.Helper()
	for i := 1; i <= 4; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatalf("Tab: %v", err)
		}
		ff, err := chromedp.Run(ctx, chromedp.Evaluate[*focusFacts](focusJS))
		if err != nil {
			t.Fatalf("focus probe: %v", err)
		}
		switch {
		case ff == nil:
			t.Errorf("Tab %d: nothing focused", i)
		case !ff.FocusVisible:
			t.Errorf("Tab %d: %s does not match :focus-visible", i, ff.El)
		case (ff.OutlineStyle == "none" || ff.OutlineWidth == 0) && ff.BoxShadow == "none":
			t.Errorf("Tab %d: %s shows no focus (outline %s %vpx, box-shadow %s)", i, ff.El, ff.OutlineStyle, ff.OutlineWidth, ff.BoxShadow)
		case !ff.InView:
			t.Errorf("Tab %d: focused %s is outside the viewport", i, ff.El)
		}
	}
}

// eventLog keeps a tab's console errors and network problems. Chromedp calls
// record on the goroutine that reads the tab's messages, so it only appends.
type eventLog struct {
	mu     sync.Mutex
	urls   map[network.RequestID]string
	errs   []string
	hosts  []string // every requested URL, judged later against the server
	status []string
}

func (l *eventLog) record(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var args []string
			for _, a := range ev.Args {
				if a.Description != "" {
					args = append(args, a.Description)
				} else {
					args = append(args, string(a.Value))
				}
			}
			l.errs = append(l.errs, "console.error: "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		l.errs = append(l.errs, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			l.errs = append(l.errs, fmt.Sprintf("browser log error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		if l.urls == nil {
			l.urls = map[network.RequestID]string{}
		}
		l.urls[ev.RequestID] = ev.Request.URL
		l.hosts = append(l.hosts, ev.Request.URL)
	case *network.EventLoadingFailed:
		l.errs = append(l.errs, fmt.Sprintf("request failed: %s: %s", l.urls[ev.RequestID], ev.ErrorText))
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			l.status = append(l.status, fmt.Sprintf("HTTP %d for %s", ev.Response.Status, ev.Response.URL))
		}
	}
}

// problems lists what went wrong in the tab; host is the test server's.
func (l *eventLog) problems(host string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := append(append([]string(nil), l.errs...), l.status...)
	for _, raw := range l.hosts {
		u, err := url.Parse(raw)
		if err != nil {
			out = append(out, fmt.Sprintf("unparsable request URL %q", raw))
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		if u.Host != host {
			out = append(out, "request to another host: "+raw)
		}
	}
	return out
}
