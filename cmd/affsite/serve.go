package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/affsite/affsite/preview"
)

// runServe is "affsite serve": it previews the site until SIGINT or
// SIGTERM.
func runServe(args []string, stdout, stderr io.Writer) int {
	return serveUntilSignal(args, stdout, stderr, nil)
}

// serveUntilSignal runs serve until the first SIGINT or SIGTERM, which
// preview.Run answers at once, even while a rebuild is stuck. After it,
// the signals get their default action back, so that a second Ctrl+C
// ends the process whatever the shutdown is waiting for.
func serveUntilSignal(args []string, stdout, stderr io.Writer, tune func(*preview.Config)) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	return serveWith(ctx, args, stdout, stderr, tune)
}

// serve parses serve's flags and runs the preview until ctx ends; ready,
// when set, receives the preview's URL (tests listen on port 0).
func serve(ctx context.Context, args []string, stdout, stderr io.Writer, ready func(url string)) int {
	return serveWith(ctx, args, stdout, stderr, func(c *preview.Config) { c.Ready = ready })
}

// serveArgs are serve's flags.
type serveArgs struct {
	site             siteFlags
	bind, dest       string
	port             int
	noReload, toDisk bool
	cache            cacheFlags
}

func serveFlags(a *serveArgs) *flagSet {
	fs := newFlagSet("serve", "[flags]", "Build the site in memory and preview it, rebuilding on every edit, until Ctrl+C.")
	a.site.register(fs, true)
	fs.stringVar(&a.bind, "bind", "", "ADDR", "127.0.0.1", "the interface to listen on")
	fs.intVar(&a.port, "port", "p", "N", 1313, "the port to listen on; 0 picks a free one")
	fs.boolVar(&a.noReload, "disableLiveReload", false, "do not reload pages after a rebuild (no script is injected)")
	fs.boolVar(&a.toDisk, "renderToDisk", false, "also write each good build to --destination")
	fs.stringVar(&a.dest, "destination", "d", "DIR", "", "the folder --renderToDisk writes to (default SITE/public)")
	fs.stringVar(&a.cache.dir, "cacheDir", "", "DIR", "", "the build cache, whose serve/ folder the next serve starts from (default SITE/.affsite/cache)")
	fs.boolVar(&a.cache.off, "noCache", false, "start without reading or writing the build cache")
	return fs
}

// serveWith is serve with tune, when set, adjusting the preview's
// configuration after the flags are read (tests wrap the rebuilds).
func serveWith(ctx context.Context, args []string, stdout, stderr io.Writer, tune func(*preview.Config)) int {
	var a serveArgs
	if code, ok := parseFlags(serveFlags(&a), args, stdout, stderr); !ok {
		return code
	}
	if a.port < 0 || a.port > 65535 {
		fmt.Fprintf(stderr, "affsite serve: --port %d is not a port (0–65535)\n", a.port)
		return exitUsage
	}
	site := a.site.options()
	site.CacheDir = a.cache.of(a.site.source)
	cfg := preview.Config{
		Site:              site,
		Bind:              a.bind,
		Port:              a.port,
		DisableLiveReload: a.noReload,
		RenderToDisk:      a.toDisk,
		Dest:              a.dest,
		Stdout:            stdout,
		Stderr:            stderr,
	}
	if tune != nil {
		tune(&cfg)
	}
	err := preview.Run(ctx, cfg)
	var le *preview.ListenError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &le) && le.InUse:
		fmt.Fprintf(stderr, "affsite serve: %v.\nStop the other server, or pick another port: affsite serve --port %d (or --port 0 for any free one)\n", le, a.port+1)
		return exitUsage
	case errors.As(err, &le):
		fmt.Fprintf(stderr, "affsite serve: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "affsite serve: %v\n", err)
	return exitContent
}
