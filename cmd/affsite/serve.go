package main

import (
	"context"
	"errors"
	"flag"
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

// serveWith is serve with tune, when set, adjusting the preview's
// configuration after the flags are read (tests wrap the rebuilds).
func serveWith(ctx context.Context, args []string, stdout, stderr io.Writer, tune func(*preview.Config)) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var sf siteFlags
	sf.register(fs, true)
	bind := fs.String("bind", "127.0.0.1", "interface to listen on")
	port := fs.Int("port", 1313, "port to listen on (0: any free port)")
	fs.IntVar(port, "p", 1313, "port to listen on (same as --port)")
	noReload := fs.Bool("disableLiveReload", false, "do not reload pages after a rebuild (no script is injected)")
	toDisk := fs.Bool("renderToDisk", false, "also write each good build to -d (default SITE/public)")
	dest := fs.String("d", "", "folder --renderToDisk writes to")
	fs.StringVar(dest, "destination", "", "folder --renderToDisk writes to (same as -d)")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "affsite serve: --port %d is not a port (0–65535)\n", *port)
		return exitUsage
	}
	cfg := preview.Config{
		Site:              sf.options(),
		Bind:              *bind,
		Port:              *port,
		DisableLiveReload: *noReload,
		RenderToDisk:      *toDisk,
		Dest:              *dest,
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
		fmt.Fprintf(stderr, "affsite serve: %v.\nStop the other server, or pick another port: affsite serve --port %d (or --port 0 for any free one)\n", le, *port+1)
		return exitUsage
	case errors.As(err, &le):
		fmt.Fprintf(stderr, "affsite serve: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "affsite serve: %v\n", err)
	return exitContent
}
