package preview

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// event is one Server-Sent Event.
type event struct {
	name, data string
}

// subscriberBuffer is how many events a slow page may fall behind before
// it loses some; a lost event costs at most a missed reload.
const subscriberBuffer = 16

// hub fans events out to the open event streams. Its zero value is ready.
type hub struct {
	mu     sync.Mutex
	subs   map[chan event]struct{}
	closed bool
}

// subscribe returns a stream of events and the function that ends it.
// After close, the stream is already closed.
func (h *hub) subscribe() (<-chan event, func()) {
	ch := make(chan event, subscriberBuffer)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(ch)
		return ch, func() {}
	}
	if h.subs == nil {
		h.subs = map[chan event]struct{}{}
	}
	h.subs[ch] = struct{}{}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if _, ok := h.subs[ch]; ok {
			delete(h.subs, ch)
			close(ch)
		}
	}
}

// broadcast sends ev to every subscriber without waiting for any.
func (h *hub) broadcast(ev event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- ev:
		default: // a stalled page must not stall the rebuilds
		}
	}
}

// close ends every stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.subs {
		delete(h.subs, ch)
		close(ch)
	}
}

// keepAlive is how often an idle stream gets a comment, so that proxies
// and the browser keep it open.
const keepAlive = 15 * time.Second

// serveEvents streams the hub's events to one page. A page that connects
// while a build error stands gets it at once.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	events, cancel := s.hub.subscribe()
	defer cancel()
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, "retry: 1000\n\n")
	if _, msg := s.state(); msg != "" {
		writeEvent(w, event{name: "error", data: msg})
	}
	fl.Flush()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			writeEvent(w, ev)
		case <-tick.C:
			io.WriteString(w, ": keep-alive\n\n")
		}
		fl.Flush()
	}
}

// writeEvent writes ev in the text/event-stream format; each line of its
// data becomes a "data:" line.
func writeEvent(w io.Writer, ev event) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "event: %s\n", ev.name)
	data := strings.ReplaceAll(ev.data, "\r\n", "\n")
	for line := range strings.SplitSeq(data, "\n") {
		fmt.Fprintf(&sb, "data: %s\n", strings.ReplaceAll(line, "\r", ""))
	}
	sb.WriteByte('\n')
	io.WriteString(w, sb.String())
}

// Reload is the data of a "reload" event, as JSON.
type Reload struct {
	// Paths are the URL paths of the HTML pages that changed or went away.
	Paths []string `json:"paths"`
	// CSS is true when a stylesheet changed: pages not in Paths swap
	// their stylesheet links instead of reloading.
	CSS bool `json:"css"`
	// All is true when a script, image or font changed, which any page
	// may use: every page reloads.
	All bool `json:"all"`
}

// reloadData describes a rebuild's changes for the pages.
func reloadData(changed, removed []string) string {
	rl := Reload{Paths: []string{}}
	for _, list := range [][]string{changed, removed} {
		for _, f := range list {
			switch ext := path.Ext(f); {
			case ext == ".html" || ext == ".htm":
				rl.Paths = append(rl.Paths, URLPath(f))
			case ext == ".css":
				rl.CSS = true
			case pageAsset(ext):
				rl.All = true
			}
		}
	}
	b, _ := json.Marshal(rl)
	return string(b)
}

// pageAsset tells whether ext is the extension of a file a page may
// load besides its stylesheets. Feeds, sitemaps and JSON are not among
// them: they change on most edits but no page shows them.
func pageAsset(ext string) bool {
	switch ext {
	case ".js", ".mjs", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".woff", ".woff2":
		return true
	}
	return false
}
