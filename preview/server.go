// Package preview serves a built site over HTTP for writers: from
// memory, with live reload over Server-Sent Events and an error overlay
// when a rebuild fails.
package preview

import (
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
)

// Files is a built site held in memory.
type Files interface {
	File(name string) ([]byte, bool)
}

// Server serves the latest good build. Swap replaces it atomically.
type Server struct {
	mu    sync.RWMutex
	files Files
}

// New returns a server of files.
func New(files Files) *Server { return &Server{files: files} }

// Swap makes files the site being served.
func (s *Server) Swap(files Files) {
	s.mu.Lock()
	s.files = files
	s.mu.Unlock()
}

// ServeHTTP implements http.Handler. Only files of the build are served:
// a path is cleaned before lookup, so "../" cannot leave the site.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if strings.Contains(r.URL.Path, "\x00") || strings.Contains(r.URL.Path, "\\") {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	for _, seg := range strings.Split(r.URL.Path, "/") {
		if seg == ".." {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	s.mu.RLock()
	files := s.files
	s.mu.RUnlock()
	data, ok := lookup(files, name)
	if !ok && !strings.HasSuffix(r.URL.Path, "/") && path.Ext(name) == "" {
		if _, isDir := files.File(path.Join(name, "index.html")); isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		data, ok = files.File("404.html")
		if !ok {
			http.NotFound(w, r)
			return
		}
		name = "404.html"
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

func lookup(files Files, name string) ([]byte, bool) {
	if name == "" {
		return files.File("index.html")
	}
	if data, ok := files.File(name); ok {
		return data, true
	}
	return files.File(path.Join(name, "index.html"))
}
