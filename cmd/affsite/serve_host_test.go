package main

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestServeHostCheck asks the real server with forged Host headers, as
// a DNS-rebinding page's requests would carry: pages and the live-reload
// stream answer only this machine's names and the --baseURL host.
func TestServeHostCheck(t *testing.T) {
	t.Parallel()
	dir := sitetest.WriteFiles(t, testSite)
	base, _ := startServe(t, dir, "--baseURL", "http://preview.test:8080/")
	port := base[strings.LastIndexByte(base, ':')+1:]
	for _, tc := range []struct {
		host, path string
		want       int
	}{
		{"127.0.0.1:" + port, "/posts/a/", http.StatusOK},
		{"localhost:" + port, "/posts/a/", http.StatusOK},
		{"localhost", "/posts/a/", http.StatusOK},
		{"blog.localhost:" + port, "/posts/a/", http.StatusOK},
		{"127.9.9.9:" + port, "/posts/a/", http.StatusOK},
		{"[::1]:" + port, "/posts/a/", http.StatusOK},
		{"preview.test:8080", "/posts/a/", http.StatusOK},
		{"evil.example:" + port, "/posts/a/", http.StatusForbidden},
		{"evil.example", "/", http.StatusForbidden},
		{"example.org", "/posts/a/", http.StatusForbidden}, // site.toml's baseURL is the live site, not the preview
		{"localhost.evil.example:" + port, "/posts/a/", http.StatusForbidden},
		{"evil.example:" + port, "/nothing-here", http.StatusForbidden},
		{"evil.example:" + port, "/__affsite/events", http.StatusForbidden},
		{"localhost:" + port, "/__affsite/events", http.StatusOK},
	} {
		req, _ := http.NewRequest(http.MethodGet, base+tc.path, nil)
		req.Host = tc.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close() // also ends the event stream
		if resp.StatusCode != tc.want {
			t.Errorf("GET %s with Host %q: %d, want %d", tc.path, tc.host, resp.StatusCode, tc.want)
		}
	}
	// HTTP/1.0 without any Host.
	conn, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := conn.Write([]byte("GET /posts/a/ HTTP/1.0\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(status, " 403 ") {
		t.Errorf("no Host: %q, %v; want 403", status, err)
	}
}
