package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

// testSite is a one-program site: post a shows x's commission table, so
// an edit of data/programs/x.yaml changes it.
var testSite = map[string]string{
	"site.toml": "title = \"Test\"\nbaseURL = \"https://example.org/\"\n[affiliate]\nref_id = \"me\"\n",
	"data/programs/x.yaml": "name: \"Xprog\"\nurl: \"https://x.example/\"\ncommission: 0.40\nplans:\n" +
		"  - name: \"Basic\"\n    monthly: 12.50\n",
	"content/posts/a.md": "---\ntitle: \"Post A\"\ndate: 2024-01-02\nprogram: x\n---\n\nHello alpha.\n\n{{< commission-table program=\"x\" >}}\n",
	"content/posts/b.md": "---\ntitle: \"Post B\"\ndate: 2024-01-03\n---\n\nHello bravo.\n",
}

// writeFile writes like an editor's atomic save: a temporary file, then
// a rename over the old one.
func writeFile(t *testing.T, file, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".tmp")
	if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's and the test's
// goroutines.
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

// startServe runs "affsite serve -s dir --port 0 args…" until the test
// ends and returns its URL (without the trailing slash).
func startServe(t *testing.T, dir string, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	ready := make(chan string, 1)
	done := make(chan int, 1)
	args = append([]string{"-s", dir, "--port", "0"}, args...)
	go func() { done <- serve(ctx, args, out, out, func(u string) { ready <- u }) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("serve exited with %d:\n%s", code, out)
			}
		case <-time.After(30 * time.Second):
			// A hang detector, not a speed check: a rebuild still running
			// on a loaded CI machine finishes before serve returns.
			t.Errorf("serve did not stop after cancel")
		}
	})
	select {
	case u := <-ready:
		if !strings.Contains(out.String(), "Serving at "+u) {
			t.Errorf("output lacks %q:\n%s", "Serving at "+u, out)
		}
		return strings.TrimSuffix(u, "/"), out
	case code := <-done:
		t.Fatalf("serve exited with %d:\n%s", code, out)
	case <-time.After(time.Minute): // a hang detector: the first build of a loaded CI machine
		t.Fatalf("serve did not start:\n%s", out)
	}
	return "", nil
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

type sseEvent struct{ name, data string }

// subscribe opens the live-reload stream; its events arrive on the
// channel until the test ends.
func subscribe(t *testing.T, base string) <-chan sseEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/__affsite/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("events: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	ch := make(chan sseEvent, 64)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		var data []string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					ev.data = strings.Join(data, "\n")
					ch <- ev
				}
				ev, data = sseEvent{}, nil
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				data = append(data, line[len("data: "):])
			}
		}
	}()
	return ch
}

// waitEvent returns the first event named name whose data contains want,
// failing after a bounded wait.
func waitEvent(t *testing.T, ch <-chan sseEvent, name, want string) sseEvent {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case ev := <-ch:
			if ev.name == name && strings.Contains(ev.data, want) {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %q event with %q within 15 s", name, want)
		}
	}
}

func TestServeLiveReload(t *testing.T) {
	t.Parallel()
	dir := sitetest.WriteFiles(t, testSite)
	base, out := startServe(t, dir)

	code, h, body := get(t, base+"/posts/a/")
	if code != http.StatusOK || !strings.Contains(body, "Hello alpha.") || !strings.Contains(body, "12.50") {
		t.Fatalf("GET /posts/a/: %d\n%s", code, body)
	}
	if !strings.Contains(body, "/__affsite/events") || strings.Index(body, "EventSource") > strings.LastIndex(body, "</body>") {
		t.Errorf("page lacks the reload script before </body>")
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Cache-Control") != "no-store" {
		t.Errorf("headers: %v", h)
	}
	if !strings.Contains(body, base+"/posts/a/") {
		t.Errorf("baseURL is not the preview address %s", base)
	}
	events := subscribe(t, base)

	// A post.
	writeFile(t, filepath.Join(dir, "content/posts/a.md"), strings.Replace(testSite["content/posts/a.md"], "alpha", "amended", 1))
	waitEvent(t, events, "reload", `"/posts/a/"`)
	if _, _, body := get(t, base+"/posts/a/"); !strings.Contains(body, "Hello amended.") {
		t.Errorf("edited post not served:\n%s", body)
	}

	// A program's data, shown by the post's commission table.
	writeFile(t, filepath.Join(dir, "data/programs/x.yaml"), strings.Replace(testSite["data/programs/x.yaml"], "12.50", "13.75", 1))
	waitEvent(t, events, "reload", `"/posts/a/"`)
	if _, _, body := get(t, base+"/posts/a/"); !strings.Contains(body, "13.75") || strings.Contains(body, "12.50") {
		t.Errorf("new price not served:\n%s", body)
	}

	// A post in a new folder: the folder is watched as it appears.
	writeFile(t, filepath.Join(dir, "content/guides/deep/c.md"), "---\ntitle: \"Post C\"\ndate: 2024-01-04\n---\n\nHello charlie.\n")
	waitEvent(t, events, "reload", `"/guides/deep/c/"`)
	if code, _, body := get(t, base+"/guides/deep/c/"); code != http.StatusOK || !strings.Contains(body, "Hello charlie.") {
		t.Errorf("new post: %d\n%s", code, body)
	}

	// A deleted post is gone.
	if err := os.Remove(filepath.Join(dir, "content/posts/b.md")); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, events, "reload", `"/posts/b/"`)
	if code, _, _ := get(t, base+"/posts/b/"); code != http.StatusNotFound {
		t.Errorf("deleted post: %d, want 404", code)
	}

	// A stylesheet alone: pages swap their links instead of reloading.
	writeFile(t, filepath.Join(dir, "static/css/style.css"), "body { color: red }\n")
	waitEvent(t, events, "reload", `"css":true`)
	if _, _, body := get(t, base+"/css/style.css"); body != "body { color: red }\n" {
		t.Errorf("stylesheet: %q", body)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Errorf("serve wrote public/ without --renderToDisk")
	}
	if !strings.Contains(out.String(), "Rebuilt after") {
		t.Errorf("no rebuild reported:\n%s", out)
	}
}

func TestServeErrorOverlay(t *testing.T) {
	t.Parallel()
	dir := sitetest.WriteFiles(t, testSite)
	base, out := startServe(t, dir)
	events := subscribe(t, base)

	post := filepath.Join(dir, "content/posts/a.md")
	writeFile(t, post, strings.Replace(testSite["content/posts/a.md"], "date: 2024-01-02", "date: [2024", 1))
	ev := waitEvent(t, events, "error", "content/posts/a.md:")
	if !strings.Contains(ev.data, "content/posts/a.md:3") {
		t.Errorf("error lacks file:line: %q", ev.data)
	}
	if code, _, body := get(t, base+"/posts/a/"); code != http.StatusOK || !strings.Contains(body, "Hello alpha.") {
		t.Errorf("last good page not served: %d\n%s", code, body)
	}
	if !strings.Contains(out.String(), "content/posts/a.md:3") {
		t.Errorf("error not printed:\n%s", out)
	}
	// A page loaded while the error stands shows it too.
	late := subscribe(t, base)
	waitEvent(t, late, "error", "content/posts/a.md:3")

	writeFile(t, post, strings.Replace(testSite["content/posts/a.md"], "alpha", "fixed", 1))
	waitEvent(t, events, "reload", `"/posts/a/"`)
	if _, _, body := get(t, base+"/posts/a/"); !strings.Contains(body, "Hello fixed.") {
		t.Errorf("fixed page not served:\n%s", body)
	}
	// The error is cleared: a new page gets no error event.
	fresh := subscribe(t, base)
	select {
	case ev := <-fresh:
		t.Errorf("after the fix, a new stream got %v", ev)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestServeDisableLiveReload(t *testing.T) {
	t.Parallel()
	dir := sitetest.WriteFiles(t, testSite)
	base, _ := startServe(t, dir, "--disableLiveReload")
	if code, _, body := get(t, base+"/posts/a/"); code != http.StatusOK || strings.Contains(body, "EventSource") || strings.Contains(body, "__affsite") {
		t.Errorf("script injected with --disableLiveReload: %d\n%s", code, body)
	}
	if code, _, _ := get(t, base+"/__affsite/events"); code != http.StatusNotFound {
		t.Errorf("events endpoint: %d, want 404", code)
	}
}

func TestServeDrafts(t *testing.T) {
	t.Parallel()
	files := map[string]string{"content/posts/d.md": "---\ntitle: \"Draft\"\ndate: 2024-01-05\ndraft: true\n---\n\nHello delta.\n"}
	for k, v := range testSite {
		files[k] = v
	}
	dir := sitetest.WriteFiles(t, files)
	base, _ := startServe(t, dir)
	if code, _, _ := get(t, base+"/posts/d/"); code != http.StatusOK {
		t.Errorf("draft by default: %d, want 200", code)
	}
	base, _ = startServe(t, dir, "--drafts=false")
	if code, _, _ := get(t, base+"/posts/d/"); code != http.StatusNotFound {
		t.Errorf("draft with --drafts=false: %d, want 404", code)
	}
}

func TestServeRenderToDisk(t *testing.T) {
	t.Parallel()
	dir := sitetest.WriteFiles(t, testSite)
	dest := filepath.Join(t.TempDir(), "out")
	base, _ := startServe(t, dir, "--renderToDisk", "-d", dest)
	events := subscribe(t, base)
	if b, err := os.ReadFile(filepath.Join(dest, "posts/a/index.html")); err != nil || !strings.Contains(string(b), "Hello alpha.") {
		t.Fatalf("first build not on disk: %v", err)
	}
	writeFile(t, filepath.Join(dir, "content/posts/a.md"), strings.Replace(testSite["content/posts/a.md"], "alpha", "disk", 1))
	waitEvent(t, events, "reload", `"/posts/a/"`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, _ := os.ReadFile(filepath.Join(dest, "posts/a/index.html"))
		if strings.Contains(string(b), "Hello disk.") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("rebuild not on disk")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "posts/a/index.html")); bytes.Contains(b, []byte("EventSource")) {
		t.Errorf("the reload script was written to disk")
	}
}

func TestServePortInUse(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	dir := sitetest.WriteFiles(t, testSite)
	var out bytes.Buffer
	code := serve(context.Background(), []string{"-s", dir, "--port", strconv.Itoa(port)}, &out, &out, nil)
	if code != exitUsage || !strings.Contains(out.String(), "in use") || !strings.Contains(out.String(), "--port "+strconv.Itoa(port+1)) {
		t.Errorf("code %d, output:\n%s", code, out.String())
	}
}

func TestServeNonLoopbackWarns(t *testing.T) {
	t.Parallel()
	dir := sitetest.WriteFiles(t, testSite)
	_, out := startServe(t, dir, "--bind", "0.0.0.0")
	if !strings.Contains(out.String(), "warning: listening on 0.0.0.0") {
		t.Errorf("no warning:\n%s", out)
	}
}
