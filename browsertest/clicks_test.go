package browsertest

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/sitetest"
	"github.com/chromedp/chromedp"
)

// TestClickEvents builds a small site for each analytics tool, with a
// stand-in for the tool's own function that records its calls, clicks an
// affiliate link and wants exactly the tool's documented call, with the
// link's data-aff-* attributes; no cookie, no console error.
func TestClickEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	browser := startBrowser(t)
	const props = `{"program":"acme","plan":"pro","placement":"intro","subid":"x-intro"}`
	for _, tc := range []struct{ tool, stub, want string }{
		{"plausible", `window.plausible = function () { calls.push([].slice.call(arguments)); };`,
			`[["Affiliate Click",{"props":` + props + `}]]`},
		{"umami", `window.umami = { track: function () { calls.push([].slice.call(arguments)); } };`,
			`[["Affiliate Click",` + props + `]]`},
		{"ga4", `window.gtag = function () { calls.push([].slice.call(arguments)); };`,
			`[["event","affiliate_click",` + props + `]]`},
	} {
		t.Run(tc.tool, func(t *testing.T) {
			t.Parallel()
			srv := serveSite(t, map[string]string{
				"site.toml":               "title = \"T\"\n[affiliate]\nclick_events = \"" + tc.tool + "\"\n",
				"data/programs/acme.yaml": "name: Acme\nurl: https://acme.example/\nplans:\n  - name: Pro\n    monthly: 10\n",
				"content/posts/x.md": "---\ntitle: X\n---\n{{< disclosure >}}\n\n" +
					"<script>window.calls = []; " + tc.stub + " document.addEventListener(\"click\", function (e) { e.preventDefault(); });</script>\n\n" +
					"Try {{< afflink program=\"acme\" plan=\"pro\" placement=\"intro\" >}}Acme Pro{{< /afflink >}} today.\n",
			})
			ctx, events := newTab(t, browser)
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/posts/x/")); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("a[data-aff-program]"))); err != nil {
				t.Fatalf("click: %v", err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.calls)`))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("calls %s, want %s", got, tc.want)
			}
			if c, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.cookie`)); c != "" {
				t.Errorf("cookies set: %q", c)
			}
			for _, p := range events.problems(strings.TrimPrefix(srv.URL, "http://")) {
				t.Error(p)
			}
		})
	}
}

// serveSite writes files into a temporary site, builds it into memory with
// the server's address as its base URL and serves it.
func serveSite(t *testing.T, files map[string]string) *httptest.Server {
	t.Helper()
	dir := sitetest.WriteFiles(t, files)
	var site atomic.Pointer[generator.MemOutput]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		out := site.Load()
		if out == nil {
			http.Error(w, "not built yet", http.StatusServiceUnavailable)
			return
		}
		name, body, ok := lookup(out, r.URL.Path)
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(body))
	}))
	t.Cleanup(srv.Close)
	out := generator.NewMemOutput()
	if _, err := generator.Build(generator.Options{Source: dir, Output: out, BaseURL: srv.URL + "/"}); err != nil {
		t.Fatalf("build: %v", err)
	}
	site.Store(out)
	return srv
}
