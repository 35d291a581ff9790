package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

// now is the date the tests judge stale prices against.
var now = time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)

const siteTOML = `title = "T"
baseURL = "https://example.org/"
[affiliate]
ref_id = "me"
disclosure = "%s"
`

func program(url, checked string) string {
	return fmt.Sprintf(`name: "Acme"
url: %q
ref_param: "ref"
prices_checked: %s
plans:
  - name: "Basic"
    monthly: 10
`, url, checked)
}

// baseSite is a clean site: every check passes.
func baseSite(mode string) map[string]string {
	return map[string]string{
		"site.toml":                  fmt.Sprintf(siteTOML, mode),
		"data/programs/acme.yaml":    program("https://acme.test/", "2027-05-01"),
		"content/posts/review.md":    "---\ntitle: Review\ndescription: d\nlastmod: 2027-05-02\n---\n{{< disclosure >}}\n\n## Plans\n\nTry {{< afflink program=\"acme\" >}}.\n\n[Plans](#plans) and [other](/posts/other/).\n",
		"content/posts/other.md":     "---\ntitle: Other\ndescription: d\n---\nBack to [the review](../review/#plans).\n",
		"static/img/logo.png":        "png",
		"content/posts/with-img.md":  "---\ntitle: Img\ndescription: d\n---\n![logo](/img/logo.png)\n",
		"content/about.md":           "---\ntitle: About\ndescription: d\n---\nAbout.\n",
		"content/posts/_index.md":    "---\ntitle: Posts\n---\n",
		"layouts/partials/extra.txt": "",
	}
}

func runCheck(t *testing.T, dir string, opts Options) *Result {
	t.Helper()
	opts.Source = dir
	if opts.Now.IsZero() {
		opts.Now = now
	}
	res, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func lines(r *Result) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.String())
	}
	return out
}

func TestCleanSite(t *testing.T) {
	t.Parallel()
	res := runCheck(t, sitetest.WriteFiles(t, baseSite("auto")), Options{})
	if len(res.Findings) != 0 {
		t.Fatalf("findings on a clean site:\n%s", strings.Join(lines(res), "\n"))
	}
}

func TestLinksAndAnchors(t *testing.T) {
	t.Parallel()
	files := baseSite("auto")
	files["content/posts/broken.md"] = "---\ntitle: Broken\ndescription: d\n---\nSee [nothing](/posts/nope/).\n\nAnd [a missing anchor](/posts/review/#nope).\n\n<a href=\"#here\">raw</a>\n\n[relative](../other/) and [up](../../about/) and [file](/img/missing.png)\n"
	files["content/posts/alias.md"] = "---\ntitle: Alias\ndescription: d\naliases: [/old/alias/]\n---\n[old](/old/alias/) [older](/old/gone/)\n"
	res := runCheck(t, sitetest.WriteFiles(t, files), Options{})
	want := []string{
		`content/posts/alias.md:6: error: link /old/gone/ points to a page that does not exist (column 28)`,
		`content/posts/broken.md:5: error: link /posts/nope/ points to a page that does not exist (column 15)`,
		`content/posts/broken.md:7: error: link /posts/review/#nope: no element of /posts/review/ has id "nope" (column 24)`,
		`content/posts/broken.md:9: error: link #here: no element on this page has id "here" (column 10)`,
		`content/posts/broken.md:11: error: link /img/missing.png points to a page that does not exist (column 57)`,
	}
	if got := lines(res); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestThemeLinksReportTheOutputFileOnce(t *testing.T) {
	t.Parallel()
	files := baseSite("auto")
	files["layouts/partials/footer.html"] = `<footer><a href="/privacy/">Privacy</a></footer>`
	res := runCheck(t, sitetest.WriteFiles(t, files), Options{})
	if len(res.Findings) != 1 {
		t.Fatalf("want one finding, got\n%s", strings.Join(lines(res), "\n"))
	}
	f := res.Findings[0]
	if !strings.HasPrefix(f.File, "public/") || !strings.Contains(f.Message, "link /privacy/ points to a page that does not exist (on ") {
		t.Errorf("got %s", f)
	}
}

func TestBasePath(t *testing.T) {
	t.Parallel()
	files := baseSite("auto")
	files["site.toml"] = strings.Replace(files["site.toml"], "https://example.org/", "https://example.org/blog/", 1)
	files["content/posts/abs.md"] = "---\ntitle: Abs\ndescription: d\n---\n<a href=\"https://example.org/blog/posts/other/\">ok</a> <a href=\"https://example.org/blog/posts/gone/\">gone</a> <a href=\"/elsewhere/\">out</a>\n"
	res := runCheck(t, sitetest.WriteFiles(t, files), Options{})
	got := strings.Join(lines(res), "\n")
	for _, w := range []string{
		"content/posts/abs.md:5: error: link https://example.org/blog/posts/gone/ points to a page that does not exist",
		"content/posts/abs.md:5: error: link /elsewhere/ points outside the site's base path /blog/",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	if strings.Contains(got, "https://example.org/blog/posts/other/") {
		t.Errorf("a good absolute link was reported:\n%s", got)
	}
}

func TestDisclosureAndSponsored(t *testing.T) {
	t.Parallel()
	files := baseSite("off")
	files["content/posts/review.md"] = "---\ntitle: Review\ndescription: d\nlastmod: 2027-05-02\n---\nTry {{< afflink program=\"acme\" >}} first.\n\n{{< disclosure >}}\n\n## Plans\n"
	// The generator adds rel="sponsored" to the links it renders; a
	// template's own links are not rewritten.
	files["layouts/partials/footer.html"] = `<footer><a href="https://www.acme.test/pricing">Acme</a></footer>`
	files["content/posts/none.md"] = "---\ntitle: None\ndescription: d\n---\nBuy at [Acme](https://acme.test/buy).\n"
	res := runCheck(t, sitetest.WriteFiles(t, files), Options{})
	got := strings.Join(lines(res), "\n")
	for _, w := range []string{
		"content/posts/none.md:5: error: affiliate link https://acme.test/buy with no disclosure on the page",
		"error: affiliate link https://www.acme.test/pricing has no rel=\"sponsored\" (on ",
		"content/posts/review.md:1: error: affiliate link https://acme.test/?ref=me",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	if res.Errors() != 4 {
		t.Errorf("want 4 errors, got\n%s", got)
	}
}

func TestPrograms(t *testing.T) {
	t.Parallel()
	files := baseSite("auto")
	files["data/programs/old.yaml"] = program("https://old.test/", "2026-01-01")
	files["content/posts/ghost.md"] = "---\ntitle: Ghost\ndescription: d\nprogram: ghost\n---\nText.\n"
	files["content/posts/stale.md"] = "---\ntitle: Stale\ndescription: d\nprogram: acme\nlastmod: 2027-01-01\n---\nText.\n"
	dir := sitetest.WriteFiles(t, files)
	res := runCheck(t, dir, Options{})
	want := []string{
		`content/posts/ghost.md:4: error: unknown program "ghost" (data/programs has acme, old) (column 1)`,
		`content/posts/stale.md:5: warning: page last changed 2027-01-01, before acme's prices were checked (2027-05-01): review it against the new figures and update lastmod (column 1)`,
		`data/programs/old.yaml:1: warning: program old is not used by any page`,
		`data/programs/old.yaml:4: warning: program old: prices_checked 2026-01-01 is 516 days old, more than stale_after_days (180): check the prices and commission again (column 1)`,
	}
	if got := lines(res); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	strict := runCheck(t, dir, Options{Strict: true})
	if strict.Errors() != 2 {
		t.Errorf("--strict: want 2 errors, got\n%s", strings.Join(lines(strict), "\n"))
	}
}

func TestBuildErrorsAreFindings(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		file, text, want string
	}{
		"unknown program in a shortcode": {"content/posts/bad.md", "---\ntitle: Bad\n---\nx\n\n{{< afflink program=\"nope\" >}}\n", `content/posts/bad.md:6: error: `},
		"unknown plan":                   {"content/posts/bad.md", "---\ntitle: Bad\n---\n{{< afflink program=\"acme\" plan=\"gold\" >}}\n", `content/posts/bad.md:4: error: `},
		"duplicate slug":                 {"content/posts/dup.md", "---\ntitle: Dup\nslug: other\n---\nx\n", `both have the URL /posts/other/`},
		"not UTF-8":                      {"content/posts/bad.md", "---\ntitle: Bad\n---\nab\xff\n", `content/posts/bad.md:4: error: file is not UTF-8 text (column 3)`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			files := baseSite("auto")
			files[tc.file] = tc.text
			res := runCheck(t, sitetest.WriteFiles(t, files), Options{})
			if !res.BuildFailed || res.Errors() == 0 {
				t.Fatalf("want a failed build, got %+v", res)
			}
			if got := strings.Join(lines(res), "\n"); !strings.Contains(got, tc.want) {
				t.Errorf("got\n%s\nwant it to contain %q", got, tc.want)
			}
		})
	}
}

func TestSEO(t *testing.T) {
	t.Parallel()
	files := baseSite("auto")
	files["content/posts/a.md"] = "---\ntitle: Same\n---\n<img src=\"/img/logo.png\">\n"
	files["content/posts/b.md"] = "---\ntitle: Same\ndescription: d\n---\n![](/img/logo.png)\n"
	res := runCheck(t, sitetest.WriteFiles(t, files), Options{})
	want := []string{
		`content/posts/a.md:1: warning: page has no description (set description in the front matter)`,
		`content/posts/a.md:2: warning: title "Same" is also the title of content/posts/b.md (column 1)`,
		`content/posts/a.md:4: warning: image /img/logo.png has no alt text (column 11)`,
		`content/posts/b.md:2: warning: title "Same" is also the title of content/posts/a.md (column 1)`,
	}
	if got := lines(res); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFormats(t *testing.T) {
	t.Parallel()
	r := &Result{Findings: []Finding{
		{File: "a.md", Line: 2, Severity: Error, Message: "x"},
		{File: "a.md", Line: 3, Col: 7, Severity: Warning, Message: "y"},
	}}
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if want := "a.md:2: error: x\na.md:3: warning: y (column 7)\n1 error, 1 warning\n"; buf.String() != want {
		t.Errorf("text: got %q, want %q", buf.String(), want)
	}
	buf.Reset()
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if len(back) != 2 || back[0]["file"] != "a.md" || back[0]["line"] != 2.0 || back[0]["level"] != "error" || back[1]["message"] != "y" || back[1]["col"] != 7.0 || back[0]["col"] != nil {
		t.Errorf("json: %s", buf.String())
	}
	buf.Reset()
	(&Result{}).WriteJSON(&buf)
	if strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("empty json: %q", buf.String())
	}
}

func TestMissingSite(t *testing.T) {
	t.Parallel()
	_, err := Run(Options{Source: filepath.Join(t.TempDir(), "nope")})
	if err == nil || !strings.Contains(err.Error(), "site folder not found") {
		t.Errorf("got %v", err)
	}
}

func TestExternal(t *testing.T) {
	t.Parallel()
	var flaky atomic.Int32
	var active, peak atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		n := active.Add(1)
		defer active.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		switch r.URL.Path {
		case "/", "/ok", "/landing":
			w.WriteHeader(http.StatusOK)
		case "/gone":
			http.NotFound(w, r)
		case "/nohead":
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
				return
			}
			w.WriteHeader(http.StatusOK)
		case "/flaky":
			if flaky.Add(1) == 1 {
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			w.WriteHeader(http.StatusOK)
		case "/drop":
			http.Redirect(w, r, "/landing", http.StatusFound)
		case "/keep":
			http.Redirect(w, r, "/landing?"+r.URL.RawQuery, http.StatusMovedPermanently)
		default:
			http.NotFound(w, r)
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	files := baseSite("auto")
	files["data/programs/acme.yaml"] = program(srv.URL+"/", "2027-05-01")
	files["content/posts/review.md"] = "---\ntitle: Review\ndescription: d\nlastmod: 2027-05-02\n---\n{{< disclosure >}}\n\n## Plans\n\nTry {{< afflink program=\"acme\" >}}.\n\n" +
		"<a href=\"" + srv.URL + "/drop?ref=me\" rel=\"sponsored\">drop</a>\n\n" +
		"<a href=\"" + srv.URL + "/keep?ref=me\" rel=\"sponsored\">keep</a>\n\n" +
		"<a href=\"" + srv.URL + "/gone\" rel=\"sponsored\">gone</a>\n\n" +
		"<a href=\"" + srv.URL + "/nohead\" rel=\"sponsored\">nohead</a>\n\n" +
		"<a href=\"" + srv.URL + "/flaky\" rel=\"sponsored\">flaky</a>\n"
	dir := sitetest.WriteFiles(t, files)
	res := runCheck(t, dir, Options{External: true, Backoff: time.Millisecond})
	want := []string{
		"content/posts/review.md:12: error: " + srv.URL + "/drop?ref=me redirects to " + srv.URL + "/landing, which drops the referral parameter \"ref\" (column 10)",
		"content/posts/review.md:16: error: " + srv.URL + "/gone returns 404 Not Found (column 10)",
	}
	if got := lines(res); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := peak.Load(); p > 8 {
		t.Errorf("%d requests at once, want at most 8", p)
	}
	if res := runCheck(t, dir, Options{}); res.Errors() != 0 {
		t.Errorf("without External the network is not used, got\n%s", strings.Join(lines(res), "\n"))
	}
}

func TestExternalTimeoutAndRetries(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(300 * time.Millisecond)
		}
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	// Attempts are counted as the client makes them: on a loaded machine
	// a timed-out request may never reach the server's handler.
	var calls atomic.Int32
	client := &http.Client{Timeout: 100 * time.Millisecond, Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.Path != "/" {
			calls.Add(1)
		}
		return http.DefaultTransport.RoundTrip(r)
	})}
	files := baseSite("auto")
	files["data/programs/acme.yaml"] = program(srv.URL+"/", "2027-05-01")
	files["content/posts/ext.md"] = "---\ntitle: Ext\ndescription: d\n---\n<a href=\"" + srv.URL + "/bad\">bad</a> <a href=\"" + srv.URL + "/slow\">slow</a>\n"
	res := runCheck(t, sitetest.WriteFiles(t, files), Options{External: true, Backoff: time.Millisecond, Client: client})
	got := strings.Join(lines(res), "\n")
	if !strings.Contains(got, srv.URL+"/bad returns 502 Bad Gateway") || !strings.Contains(got, srv.URL+"/slow: ") {
		t.Errorf("got\n%s", got)
	}
	if n := calls.Load(); n != 6 {
		t.Errorf("%d requests, want 3 for each URL (2 retries)", n)
	}
}

// roundTripFunc is an http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
