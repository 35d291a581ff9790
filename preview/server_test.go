package preview

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// mapFiles is a build held in a map.
type mapFiles map[string]string

func (m mapFiles) File(name string) ([]byte, bool) {
	s, ok := m[name]
	return []byte(s), ok
}

var site = mapFiles{
	"index.html":         "<html><body><p>home</p></body></html>",
	"posts/x/index.html": "<html><BODY><p>x</p></BODY></html>",
	"css/style.css":      "body{}",
	"404.html":           "<html><body>missing</body></html>",
}

func TestPathTraversal(t *testing.T) {
	t.Parallel()
	ts := httptest.NewServer(NewServer(site, true))
	defer ts.Close()
	for _, target := range []string{
		"/../../etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/..%2f..%2fetc%2fpasswd",
		"/%2e%2e/etc/passwd",
		"/posts/..%2f..%2f..%2fetc/passwd",
		"/..\\..\\etc\\passwd",
		"/%5c..%5c..%5cetc%5cpasswd",
		"/etc/passwd%00.html",
		"/%00",
		"/posts/x/../../../etc/passwd",
		"//etc/passwd",
		"/.%2e/.%2e/etc/passwd",
	} {
		t.Run(target, func(t *testing.T) {
			status, header, body := rawGet(t, ts.Listener.Addr().String(), target)
			if status != http.StatusBadRequest && status != http.StatusNotFound {
				t.Errorf("status %d, want 400 or 404", status)
			}
			if strings.Contains(body, "root:") {
				t.Errorf("served a file outside the build:\n%s", body)
			}
			if status != http.StatusBadRequest && !strings.Contains(header, "X-Content-Type-Options: nosniff") {
				t.Errorf("no nosniff:\n%s", header)
			}
		})
	}
}

// rawGet sends target as is, bypassing the client's path cleaning.
func rawGet(t *testing.T, addr, target string) (int, string, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var hdr strings.Builder
	resp.Header.Write(&hdr)
	return resp.StatusCode, hdr.String(), string(body)
}

func TestServeFiles(t *testing.T) {
	t.Parallel()
	srv := NewServer(site, true)
	for _, tc := range []struct {
		target, status, ctype, contains string
	}{
		{"/", "200", "text/html", "home"},
		{"/posts/x/", "200", "text/html", "<p>x</p>"},
		{"/posts/x/index.html", "200", "text/html", "<p>x</p>"},
		{"/posts/x", "301", "", ""},
		{"/css/style.css", "200", "text/css", "body{}"},
		{"/nope/", "404", "text/html", "missing"},
		{"/__affsite/events/x", "404", "text/html", "missing"},
	} {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, tc.target, nil))
		if got := fmt.Sprint(w.Code); got != tc.status {
			t.Errorf("%s: status %s, want %s", tc.target, got, tc.status)
		}
		if !strings.HasPrefix(w.Header().Get("Content-Type"), tc.ctype) || !strings.Contains(w.Body.String(), tc.contains) {
			t.Errorf("%s: %s %q", tc.target, w.Header().Get("Content-Type"), w.Body.String())
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s: headers %v", tc.target, w.Header())
		}
		isHTML := strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") && w.Code != http.StatusMovedPermanently
		if got := strings.Contains(w.Body.String(), EventsPath); got != isHTML {
			t.Errorf("%s: script injected %v, want %v", tc.target, got, isHTML)
		}
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/posts/x?a=1", nil))
	if loc := w.Header().Get("Location"); loc != "/posts/x/?a=1" {
		t.Errorf("redirect to %q", loc)
	}
	w = httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/", nil))
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", w.Code)
	}
}

func TestNoLiveReload(t *testing.T) {
	t.Parallel()
	srv := NewServer(site, false)
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Body.String() != site["index.html"] {
		t.Errorf("page changed without live reload: %q", w.Body.String())
	}
	w = httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, EventsPath, nil))
	if w.Code != http.StatusNotFound {
		t.Errorf("events without live reload: %d", w.Code)
	}
}

func TestInjectScript(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, before string }{
		{"<html><body>a</body></html>", "</body></html>"},
		{"<HTML><BODY>a</BODY></HTML>", "</BODY></HTML>"},
		{"<p>no body</p>", ""},
		{"<body>a</body><!-- </body> --></body>", "</body>"},
	} {
		got := string(injectScript([]byte(tc.in)))
		if !strings.HasSuffix(got, reloadScript+tc.before) {
			t.Errorf("%q → %q", tc.in, got)
		}
	}
	if strings.Contains(reloadScript, "innerHTML") {
		t.Errorf("the overlay must set textContent, never innerHTML")
	}
}

func TestReloadData(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		changed, removed []string
		want             string
	}{
		{[]string{"posts/x/index.html", "index.xml", "sitemap.xml"}, []string{"posts/y/index.html"}, `{"paths":["/posts/x/","/posts/y/"],"css":false,"all":false}`},
		{[]string{"css/style.css"}, nil, `{"paths":[],"css":true,"all":false}`},
		{[]string{"index.html", "404.html", "img/a.png"}, nil, `{"paths":["/","/404.html"],"css":false,"all":true}`},
		{nil, nil, `{"paths":[],"css":false,"all":false}`},
	} {
		if got := reloadData(tc.changed, tc.removed); got != tc.want {
			t.Errorf("%v %v → %s, want %s", tc.changed, tc.removed, got, tc.want)
		}
	}
}

func TestEvents(t *testing.T) {
	t.Parallel()
	srv := NewServer(site, true)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	srv.Fail("content/posts/x.md:3:1: bad <front> matter\nsecond line")
	resp, err := http.Get(ts.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	want := "event: error\ndata: content/posts/x.md:3:1: bad <front> matter\ndata: second line\n\n"
	readUntil(t, r, want)
	srv.Publish(mapFiles{"index.html": "new"}, []string{"index.html"}, nil)
	readUntil(t, r, "event: reload\ndata: {\"paths\":[\"/\"],\"css\":false,\"all\":false}\n\n")
	srv.Close() // ends the stream
	if _, err := io.ReadAll(r); err != nil {
		t.Errorf("stream did not end cleanly: %v", err)
	}
}

// readUntil reads r until it has seen want, within a bounded time.
func readUntil(t *testing.T, r *bufio.Reader, want string) {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		var sb strings.Builder
		for !strings.Contains(sb.String(), want) {
			line, err := r.ReadString('\n')
			sb.WriteString(line)
			if err != nil {
				break
			}
		}
		got <- sb.String()
	}()
	select {
	case s := <-got:
		if !strings.Contains(s, want) {
			t.Fatalf("stream %q lacks %q", s, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("no %q within 5 s", want)
	}
}

func TestURLPath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"index.html": "/", "posts/x/index.html": "/posts/x/", "404.html": "/404.html", "a/b.html": "/a/b.html",
	} {
		if got := URLPath(in); got != want {
			t.Errorf("URLPath(%q) = %q, want %q", in, got, want)
		}
	}
}
