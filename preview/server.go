// Package preview serves a built site over HTTP for writers: from
// memory, with live reload over Server-Sent Events and an error overlay
// when a rebuild fails. Server is the http.Handler, Watcher turns file
// system events into batches of changed site files, and Run ties them to
// a generator.Session for `affsite serve`.
package preview

import (
	"html"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

// Files is a built site held in memory.
type Files interface {
	File(name string) ([]byte, bool)
}

// EventsPath is the Server-Sent Events endpoint the live-reload script
// listens to.
const EventsPath = "/__affsite/events"

// Server serves the latest good build and, unless live reload is off,
// tells the pages it served when to reload or show a build error. It owns
// its event hub: two servers in one process never share subscribers.
type Server struct {
	liveReload bool
	hub        hub

	mu       sync.RWMutex
	files    Files  // nil before the first good build
	buildErr string // the standing build error, "" when the last build was good
}

// NewServer returns a server of files (nil until the first build).
// liveReload injects the reload script into HTML pages and enables
// EventsPath.
func NewServer(files Files, liveReload bool) *Server {
	return &Server{files: files, liveReload: liveReload}
}

// Publish makes files the site being served after a good rebuild, clears
// a standing error and tells the pages that changed (changed and removed
// are output file paths, as in generator.RebuildReport) to reload.
func (s *Server) Publish(files Files, changed, removed []string) {
	s.mu.Lock()
	s.files = files
	s.buildErr = ""
	s.mu.Unlock()
	s.hub.broadcast(event{name: "reload", data: reloadData(changed, removed)})
}

// Fail records a failed rebuild: the last good build stays served, and
// every page shows msg in an overlay until the next Publish.
func (s *Server) Fail(msg string) {
	s.mu.Lock()
	s.buildErr = msg
	s.mu.Unlock()
	s.hub.broadcast(event{name: "error", data: msg})
}

// Close ends every open event stream, so that http.Server.Shutdown does
// not wait on them.
func (s *Server) Close() { s.hub.close() }

func (s *Server) state() (Files, string) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.files, s.buildErr
}

// ServeHTTP implements http.Handler. Only files of the build are served:
// a path holding "..", a backslash or NUL is refused before lookup, and
// lookup is in the build's own map, so nothing outside it can be read.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	if refused(w, r) {
		return
	}
	if s.liveReload && r.URL.Path == EventsPath {
		s.serveEvents(w, r)
		return
	}
	name := fileName(r.URL.Path)
	files, buildErr := s.state()
	if target, ok := folderRedirect(files, name, r.URL.RawQuery); ok {
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	name, data, status := lookup(files, name, buildErr)
	s.write(w, r, name, data, status)
}

// refused answers a request that is not a GET or HEAD of a safe path,
// and reports whether it did.
func refused(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return true
	}
	if !safePath(r.URL.Path) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return true
	}
	return false
}

// fileName is the output file a URL path asks for: a folder's
// index.html for a path that ends in a slash.
func fileName(urlPath string) string {
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		name = path.Join(name, "index.html")
	}
	return name
}

// folderRedirect is where a folder asked for without its slash is
// redirected, so that its relative links resolve. The target is built
// from the cleaned name, never the raw path, so that "//host" cannot
// become an off-site redirect.
func folderRedirect(files Files, name, rawQuery string) (string, bool) {
	if files == nil || path.Base(name) == "index.html" {
		return "", false
	}
	if _, ok := files.File(name); ok {
		return "", false
	}
	if _, isDir := files.File(name + "/index.html"); !isDir {
		return "", false
	}
	target := "/" + name + "/"
	if rawQuery != "" {
		target += "?" + rawQuery
	}
	return target, true
}

// lookup returns the file to answer with and its status: the file
// asked for, else the site's 404.html, else a page of its own that
// shows the build error, if any.
func lookup(files Files, name, buildErr string) (string, []byte, int) {
	if files != nil {
		if data, ok := files.File(name); ok {
			return name, data, http.StatusOK
		}
		if data, ok := files.File("404.html"); ok {
			return "404.html", data, http.StatusNotFound
		}
	}
	return "404.html", notFoundPage(buildErr), http.StatusNotFound
}

// write sends data as the file name, with the live-reload script in an
// HTML page when live reload is on; a HEAD gets the headers only.
func (s *Server) write(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	if s.liveReload && strings.HasPrefix(ct, "text/html") {
		data = injectScript(data)
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// safePath reports whether p, a decoded URL path, is one the server will
// look up: absolute, without NUL, backslash or ".." segment.
func safePath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\x00\\") {
		return false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return false
		}
	}
	return true
}

// notFoundPage is served for a missing file when the build has no
// 404.html, or before the first good build (then with its error).
func notFoundPage(buildErr string) []byte {
	msg := "Page not found."
	if buildErr != "" {
		msg = "The site does not build yet:\n\n" + buildErr
	}
	return []byte("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body><pre>" +
		html.EscapeString(msg) + "</pre>\n</body></html>\n")
}

// URLPath maps an output file to the URL path a browser shows for it:
// "posts/x/index.html" → "/posts/x/", "index.html" → "/", others keep
// their name ("404.html" → "/404.html").
func URLPath(file string) string {
	if file == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(file, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + file
}
