package preview

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/plural"
)

// Config describes a preview: the site to build and where to serve it.
type Config struct {
	// Site is the build's options. An empty BaseURL becomes the preview's
	// own address; Output and Dest are ignored.
	Site generator.Options
	// Bind is the interface to listen on; default 127.0.0.1.
	Bind string
	// Port is the port to listen on; 0 picks a free one (see Ready).
	Port int
	// DisableLiveReload serves the pages as built: no script, no
	// EventsPath.
	DisableLiveReload bool
	// RenderToDisk also writes each good build to Dest (default
	// Site.Source/public), replacing the folder as a whole.
	RenderToDisk bool
	Dest         string
	// Debounce is the watcher's quiet period; default DefaultDebounce.
	Debounce time.Duration
	// Stdout receives progress lines, Stderr warnings and build errors;
	// nil discards them.
	Stdout, Stderr io.Writer
	// Ready, when set, is called with the preview's URL once the first
	// build is served.
	Ready func(url string)
	// NewBuilder makes what rebuilds the site from Site, its BaseURL
	// filled in; nil means generator.NewSession. A caller may wrap the
	// session (tests make a rebuild hang with it).
	NewBuilder func(generator.Options) Builder
}

// Builder rebuilds a site after edits and holds its last good build, as
// generator.Session does.
type Builder interface {
	Rebuild(changed []string) (*generator.RebuildReport, error)
	Files() *generator.MemOutput
}

// ListenError is returned by Run when it cannot listen on the address.
type ListenError struct {
	Addr  string
	InUse bool // the port is taken by another program
	Err   error
}

// Error implements error.
func (e *ListenError) Error() string {
	if e.InUse {
		return fmt.Sprintf("%s is in use by another program", e.Addr)
	}
	return fmt.Sprintf("cannot listen on %s: %v", e.Addr, e.Err)
}

// Unwrap returns the listener's error.
func (e *ListenError) Unwrap() error { return e.Err }

// shutdownGrace is how long Run waits for requests in flight at the end.
const shutdownGrace = 2 * time.Second

// Run builds the site, serves it and rebuilds it on every batch of edits
// until ctx ends (the CLI ties ctx to SIGINT and SIGTERM). A build that
// fails, first or later, does not stop it: the error is printed and
// shown in the pages, and the last good build stays served. Run returns
// nil after a clean shutdown.
func Run(ctx context.Context, cfg Config) error {
	cfg.setDefaults()
	toDisk, err := diskTarget(cfg)
	if err != nil {
		return err
	}
	ln, err := listen(cfg.Bind, cfg.Port)
	if err != nil {
		return err
	}
	defer ln.Close()
	if !isLoopback(cfg.Bind) {
		fmt.Fprintf(cfg.Stderr, "warning: listening on %s: other machines on the network can read the preview, drafts included\n", cfg.Bind)
	}
	url := previewURL(cfg.Bind, ln.Addr())
	if cfg.Site.BaseURL == "" {
		cfg.Site.BaseURL = url
	}

	// Watch before the first build, so that an edit made during it is
	// not lost.
	w, err := NewWatcher(cfg.Site.Source, cfg.Debounce)
	if err != nil {
		return fmt.Errorf("watch %s: %w", cfg.Site.Source, err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := &preview{cfg: cfg, url: url, ln: ln, watchErr: make(chan error, 1), serveErr: make(chan error, 1), watching: true}
	go func() { p.watchErr <- w.Run(ctx) }()
	newBuilder := cfg.NewBuilder
	if newBuilder == nil {
		newBuilder = func(o generator.Options) Builder { return generator.NewSession(o) }
	}
	p.srv = NewServer(nil, !cfg.DisableLiveReload)
	b := &rebuilder{sess: newBuilder(cfg.Site), srv: p.srv, cfg: cfg, toDisk: toDisk}
	firstBuilt, rebuilding := b.start(ctx, w)
	p.hs = &http.Server{
		Handler:           hostCheck(p.srv, cfg.Bind, cfg.Site.BaseURL, url),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	p.serveUntilDone(ctx, firstBuilt)
	cancel() // stops the watcher, and ends the event streams' requests
	return p.shutdown(rebuilding)
}

// setDefaults fills in what the caller left zero.
func (cfg *Config) setDefaults() {
	if cfg.Stdout == nil {
		cfg.Stdout = io.Discard
	}
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
	if cfg.Bind == "" {
		cfg.Bind = "127.0.0.1"
	}
	if cfg.Site.Source == "" {
		cfg.Site.Source = "."
	}
}

// preview is one Run's server and what it waits on.
type preview struct {
	cfg      Config
	url      string
	ln       net.Listener
	srv      *Server
	hs       *http.Server
	watchErr chan error // the watcher's end
	serveErr chan error // the HTTP server's end
	serving  bool       // the HTTP server was started
	watching bool       // the watcher has not ended yet
	err      error      // what ended the preview, if not ctx
}

// serveUntilDone starts serving once the first build is done and waits
// for ctx to end, or the watcher or the server to fail.
func (p *preview) serveUntilDone(ctx context.Context, firstBuilt <-chan struct{}) {
	select {
	case <-ctx.Done():
		return
	case p.err = <-p.watchErr:
		p.watching = false
		return
	case <-firstBuilt:
	}
	p.serving = true
	go func() { p.serveErr <- p.hs.Serve(p.ln) }()
	fmt.Fprintf(p.cfg.Stdout, "Serving at %s (Ctrl+C to stop)\n", p.url)
	if p.cfg.Ready != nil {
		p.cfg.Ready(p.url)
	}
	select {
	case <-ctx.Done():
	case p.err = <-p.serveErr:
	case p.err = <-p.watchErr:
		p.watching = false
	}
}

// shutdown stops the server, waiting at most shutdownGrace for requests
// and for the rebuild in progress, and returns the error that ended the
// preview (nil for a clean stop).
func (p *preview) shutdown(rebuilding <-chan struct{}) error {
	p.srv.Close()
	sctx, scancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer scancel()
	if p.serving {
		if err := p.hs.Shutdown(sctx); err != nil && p.err == nil {
			p.err = err
		}
	}
	if p.watching {
		p.err = cmp.Or(p.err, <-p.watchErr)
	}
	select {
	case <-rebuilding:
	case <-sctx.Done():
		// A build that never returns (a source that blocks forever) is
		// left behind: the process ends anyway.
		fmt.Fprintf(p.cfg.Stderr, "Stopped without waiting for the rebuild in progress (still running after %s).\n", shutdownGrace)
	}
	if errors.Is(p.err, http.ErrServerClosed) || errors.Is(p.err, context.Canceled) {
		return nil
	}
	return p.err
}

// start runs the first build and then a rebuild per batch of w, in their
// own goroutine, so that nothing a build does (a source that blocks its
// read, a slow disk) keeps Run from seeing ctx end: the server stops on
// the first signal, even mid-rebuild. firstBuilt is closed after the
// first build, rebuilding when the rebuilds stop.
func (b *rebuilder) start(ctx context.Context, w *Watcher) (firstBuilt, rebuilding <-chan struct{}) {
	first, done := make(chan struct{}), make(chan struct{})
	b.watch = w.Watch
	go func() {
		defer close(done)
		b.rebuild(nil)
		close(first)
		lost := b.prefetch(ctx)
		batches := w.Batches()
		for {
			select {
			case batch, ok := <-batches:
				if !ok || ctx.Err() != nil {
					return
				}
				b.rebuild(batch)
			case <-lost:
				lost = nil
				fmt.Fprintln(b.cfg.Stderr, "warning: pages kept in the build cache changed or were removed meanwhile: building the site again")
				b.rebuild(nil)
			}
		}
	}()
	return first, done
}

// prefetch reads into memory, on a goroutine of its own once the first
// build is served (edits are rebuilt meanwhile), the pages that build
// left in the build cache (generator.MemOutput.Prefetch), and those
// of the builds an edit made from it meanwhile (which share them); the
// channel returned is closed when one of them is gone, and the site
// must be built again. It stops when ctx is done.
func (b *rebuilder) prefetch(ctx context.Context) <-chan struct{} {
	lost := make(chan struct{})
	go func() {
		var read *generator.MemOutput
		for files := b.sess.Files(); files != nil && files != read && ctx.Err() == nil; files = b.sess.Files() {
			if !files.Prefetch(ctx) {
				close(lost)
				return
			}
			read = files
		}
	}()
	return lost
}

// rebuilder runs the session's rebuilds and publishes their results.
type rebuilder struct {
	sess   Builder
	srv    *Server
	cfg    Config
	toDisk string
	// watch tells the watcher the folders a build's configuration
	// names (Watcher.Watch); nil for none.
	watch func(dirs ...string)
}

// rebuild builds after the edits in changed (nil: everything) and
// publishes the result or the error.
func (b *rebuilder) rebuild(changed []string) {
	if changed != nil && folderIn(b.cfg.Site.Source, changed) {
		changed = nil
	}
	rep, err := b.sess.Rebuild(changed)
	if err != nil {
		msg := err.Error()
		fmt.Fprintf(b.cfg.Stderr, "Build failed (serving the last good build):\n%s\n", msg)
		b.srv.Fail(msg)
		return
	}
	if b.watch != nil && rep.Config != nil {
		b.watch(rep.Config.NamedFolders()...) // a custom i18nDir, languages' contentDirs
	}
	files := b.sess.Files()
	b.srv.Publish(files, rep.Changed, rep.Removed)
	for _, warn := range rep.Warnings {
		fmt.Fprintln(b.cfg.Stderr, "warning:", warn)
	}
	if changed == nil {
		fmt.Fprintf(b.cfg.Stdout, "Built %s, %s in %s\n", plural.N(rep.Pages, "page"), plural.N(rep.Files, "file"), rep.Duration.Round(time.Millisecond))
	} else {
		fmt.Fprintf(b.cfg.Stdout, "Rebuilt after %s: %s changed, %d removed in %s\n",
			describe(b.cfg.Site.Source, changed), plural.N(len(rep.Changed), "file"), len(rep.Removed), rep.Duration.Round(time.Millisecond))
	}
	if b.toDisk != "" {
		if err := WriteDir(b.toDisk, b.cfg.Site.Source, files); err != nil {
			fmt.Fprintf(b.cfg.Stderr, "render to disk: %v\n", err)
		}
	}
}

// folderIn reports whether a path of the batch changed is a folder by
// now: the watcher names a folder only once it is gone, so it came back
// after the batch was made, and only a full rebuild drops what it held
// before.
func folderIn(root string, changed []string) bool {
	for _, c := range changed {
		if fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(c))); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// describe names the edited files of a batch for the terminal.
func describe(root string, changed []string) string {
	changed = named(root, changed)
	switch len(changed) {
	case 0:
		return "changes"
	case 1:
		return changed[0]
	}
	return fmt.Sprintf("%s and %d more", changed[0], len(changed)-1)
}

// named returns the paths of a batch worth naming: those that exist, and
// those gone that have an extension, as a deleted post or image does.
// An editor that saves by writing a temporary file and renaming it over
// the real one (sed -i's "sed1gBJx3", many others') leaves in the batch
// a path with no extension that no longer exists; it is still rebuilt
// (nothing is read from it), only not named. When nothing is left, all
// are named.
func named(root string, changed []string) []string {
	var keep []string
	for _, p := range changed {
		if path.Ext(p) != "" {
			keep = append(keep, p)
		} else if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(p))); err == nil {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return changed
	}
	return keep
}

func listen(bind string, port int) (net.Listener, error) {
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, &ListenError{Addr: addr, InUse: errors.Is(err, syscall.EADDRINUSE), Err: err}
	}
	return ln, nil
}

// isLoopback reports whether bind reaches this machine only.
func isLoopback(bind string) bool {
	if strings.EqualFold(bind, "localhost") {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}

// previewURL is the address a browser on this machine opens: an
// unspecified bind (0.0.0.0, ::) is shown as localhost.
func previewURL(bind string, addr net.Addr) string {
	host := bind
	port := "0"
	if ta, ok := addr.(*net.TCPAddr); ok {
		port = strconv.Itoa(ta.Port)
		if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
			host = "localhost"
		}
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
