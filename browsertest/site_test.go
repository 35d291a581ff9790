package browsertest

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// serveExample builds the example site (the repository root) into memory and
// serves it. The server starts first because the build needs its address as
// the base URL: permalinks, the stylesheet and the canonical links then point
// at the server, so any request to another host is a real theme bug.
func serveExample(t *testing.T) *httptest.Server {
	t.Helper()
	var site atomic.Pointer[generator.MemOutput]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		out := site.Load()
		if out == nil {
			http.Error(w, "site not built yet", http.StatusServiceUnavailable)
			return
		}
		name, body, ok := lookup(out, r.URL.Path)
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			if b, ok := out.File("404.html"); ok {
				w.Write(b)
			}
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(body))
	}))
	t.Cleanup(srv.Close)

	out := generator.NewMemOutput()
	if _, err := generator.Build(generator.Options{
		Source:  "..",
		Output:  out,
		BaseURL: srv.URL + "/",
	}); err != nil {
		t.Fatalf("building the example site: %v", err)
	}
	site.Store(out)
	return srv
}

// lookup maps a URL path to a built file: "/" and a folder serve the folder's
// index.html.
func lookup(out *generator.MemOutput, urlPath string) (string, []byte, bool) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	for _, n := range []string{name, path.Join(name, "index.html")} {
		if n == "" || n == "." {
			continue
		}
		if b, ok := out.File(n); ok {
			return n, b, true
		}
	}
	return "", nil, false
}
