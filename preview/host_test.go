package preview

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHostCheck(t *testing.T) {
	t.Parallel()
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("page")) })
	for _, tc := range []struct {
		bind, baseURL, host string
		want                int
	}{
		{"127.0.0.1", "", "localhost:1313", http.StatusOK},
		{"127.0.0.1", "", "LocalHost", http.StatusOK},
		{"127.0.0.1", "", "localhost.", http.StatusOK},
		{"127.0.0.1", "", "blog.localhost:1313", http.StatusOK},
		{"127.0.0.1", "", "127.0.0.1:1313", http.StatusOK},
		{"127.0.0.1", "", "127.45.6.7", http.StatusOK},
		{"127.0.0.1", "", "[::1]:1313", http.StatusOK},
		{"127.0.0.1", "", "[::ffff:127.0.0.1]:1313", http.StatusOK},
		{"127.0.0.1", "", "evil.example", http.StatusForbidden},
		{"127.0.0.1", "", "evil.example:1313", http.StatusForbidden},
		{"127.0.0.1", "", "localhost.evil.example", http.StatusForbidden},
		{"127.0.0.1", "", "127.0.0.1.evil.example", http.StatusForbidden},
		{"127.0.0.1", "", "localhostx", http.StatusForbidden},
		{"127.0.0.1", "", "", http.StatusForbidden},
		{"127.0.0.1", "", "192.0.2.7", http.StatusForbidden},
		{"192.0.2.7", "", "192.0.2.7:1313", http.StatusOK},
		{"192.0.2.7", "", "192.0.2.8:1313", http.StatusForbidden},
		{"devbox.lan", "", "DEVBOX.lan:1313", http.StatusOK},
		{"127.0.0.1", "https://preview.example.org/blog/", "preview.example.org", http.StatusOK},
		{"127.0.0.1", "https://preview.example.org/blog/", "example.org", http.StatusForbidden},
		{"127.0.0.1", "http://[2001:db8::1]:8080/", "[2001:db8::1]:8080", http.StatusOK},
	} {
		h := hostCheck(ok, tc.bind, tc.baseURL, "http://127.0.0.1:1313/")
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Host = tc.host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != tc.want {
			t.Errorf("bind %q, baseURL %q, Host %q: %d, want %d", tc.bind, tc.baseURL, tc.host, rec.Code, tc.want)
		}
		if rec.Code == http.StatusForbidden && (!strings.Contains(rec.Body.String(), "DNS rebinding") || strings.HasPrefix(rec.Body.String(), "page")) {
			t.Errorf("Host %q: 403 body %q", tc.host, rec.Body)
		}
	}
}
