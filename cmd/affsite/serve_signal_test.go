package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/sitetest"
	"github.com/affsite/affsite/preview"
)

// The serve helper process: TestServeStopsOnFirstSignal runs this test
// binary again with AFFSITE_SERVE_HELPER set, so that a real signal
// reaches a real `affsite serve`.
func TestServeSignalHelper(t *testing.T) {
	mode := os.Getenv("AFFSITE_SERVE_HELPER")
	if mode == "" {
		return
	}
	tune := func(c *preview.Config) {
		c.Ready = func(url string) { fmt.Println("READY", url) }
		if mode == "hook" {
			c.NewBuilder = func(o generator.Options) preview.Builder { return hangingBuilder{generator.NewSession(o)} }
		}
	}
	os.Exit(serveUntilSignal([]string{"-s", os.Getenv("AFFSITE_SERVE_SITE"), "--port", "0"}, os.Stdout, os.Stdout, tune))
}

// hangingBuilder builds the site once, then never returns from a
// rebuild, as a build reading a FIFO nobody writes to.
type hangingBuilder struct{ *generator.Session }

func (h hangingBuilder) Rebuild(changed []string) (*generator.RebuildReport, error) {
	if changed == nil {
		return h.Session.Rebuild(nil)
	}
	fmt.Println("REBUILD HANGS")
	select {}
}

// TestServeStopsOnFirstSignal sends one SIGTERM or SIGINT to serve while
// a rebuild is stuck (a test hook, or a FIFO among the posts) and
// expects it to exit 0 within a bounded time.
func TestServeStopsOnFirstSignal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		mode string
		sig  syscall.Signal
	}{
		{"hook", syscall.SIGTERM},
		{"hook", syscall.SIGINT},
		{"fifo", syscall.SIGTERM},
		{"fifo", syscall.SIGINT},
	} {
		t.Run(tc.mode+" "+tc.sig.String(), func(t *testing.T) {
			t.Parallel()
			dir := sitetest.WriteFiles(t, testSite)
			cmd := exec.Command(os.Args[0], "-test.run=^TestServeSignalHelper$")
			cmd.Env = append(os.Environ(), "AFFSITE_SERVE_HELPER="+tc.mode, "AFFSITE_SERVE_SITE="+dir)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = cmd.Stdout
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			lines := make(chan string, 100)
			var out strings.Builder
			go func() {
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					lines <- sc.Text()
				}
				close(lines)
				exited <- cmd.Wait()
			}()
			t.Cleanup(func() {
				select {
				case <-exited:
				default:
					cmd.Process.Kill() // the helper started above, by its id
				}
			})
			waitLine := func(prefix string) {
				t.Helper()
				timeout := time.After(20 * time.Second)
				for {
					select {
					case l, ok := <-lines:
						if !ok {
							t.Fatalf("serve ended before %q:\n%s", prefix, out.String())
						}
						out.WriteString(l + "\n")
						if strings.HasPrefix(l, prefix) {
							return
						}
					case <-timeout:
						t.Fatalf("no %q within 20 s:\n%s", prefix, out.String())
					}
				}
			}
			waitLine("READY ")

			if tc.mode == "hook" {
				writeFile(t, filepath.Join(dir, "content/posts/a.md"), strings.Replace(testSite["content/posts/a.md"], "alpha", "stuck", 1))
				waitLine("REBUILD HANGS")
			} else {
				if err := syscall.Mkfifo(filepath.Join(dir, "content/posts/f.md"), 0o644); err != nil {
					t.Fatal(err)
				}
				time.Sleep(300 * time.Millisecond) // the rebuild reads it, and blocks unless it refuses FIFOs
			}
			start := time.Now()
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			// The shutdown waits at most 2 s for a rebuild; 10 s is a hang
			// detector on a loaded machine, not a speed check.
			timeout := time.After(10 * time.Second)
			for stopped := false; !stopped; {
				select {
				case l, ok := <-lines:
					if !ok {
						lines = nil
						continue
					}
					out.WriteString(l + "\n")
				case err := <-exited:
					if err != nil {
						t.Errorf("serve exited with %v after %s:\n%s", err, tc.sig, out.String())
					}
					stopped = true
				case <-timeout:
					t.Fatalf("serve still running 10 s after one %s:\n%s", tc.sig, out.String())
				}
			}
			t.Logf("stopped %s after the signal", time.Since(start).Round(time.Millisecond))
		})
	}
}
