package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal and returns its two ends.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skip("no pseudo-terminals here:", err)
	}
	t.Cleanup(func() { master.Close() })
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skip("unlockpt:", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skip("ptsname:", err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skip("open the terminal:", err)
	}
	t.Cleanup(func() { tty.Close() })
	return master, tty
}

// On a terminal, a build that takes longer than a second shows its
// progress, then erases it before the summary; a quick one shows none.
func TestProgressOnTerminal(t *testing.T) {
	t.Parallel()
	master, tty := openPTY(t)
	if os.Getenv("TERM") == "dumb" {
		t.Skip("TERM=dumb")
	}
	if newProgressLine(tty, time.Now()) == nil {
		t.Fatal("no progress line on a terminal")
	}
	got := make(chan string)
	go func() {
		var b bytes.Buffer
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			b.Write(buf[:n])
			if err != nil || strings.Contains(b.String(), "END") {
				got <- b.String()
				return
			}
		}
	}()

	site := writeCLISite(t)
	start := time.Now()
	code, stdout, _ := runCmdTTY(tty, "build", "-s", site, "-d", filepath.Join(t.TempDir(), "out"))
	took := time.Since(start)
	if code != exitOK || !strings.HasPrefix(stdout, "Built 1 page, ") {
		t.Errorf("build on a terminal: exit %d, stdout %q", code, stdout)
	}
	fmt.Fprint(tty, "MID")

	// A slow build: one long enough that the line appears.
	p := newProgressLine(tty, time.Now().Add(-2*time.Second))
	p.update(3, 7)
	p.clear()
	fmt.Fprint(tty, "END")
	var out string
	select {
	case out = <-got:
	case <-time.After(time.Minute):
		t.Fatal("the terminal got no END within a minute")
	}
	build, slow, ok := strings.Cut(out, "MID")
	if !ok || slow != "\rRendering pages: 3/7\r                    \rEND" {
		t.Errorf("the terminal got %q", out)
	}
	// The build shows nothing if it was quick; on a loaded machine it may
	// take longer than progressDelay, and then its line must be erased.
	if took < progressDelay && build != "" || build != "" && !erasedProgressRE.MatchString(build) {
		t.Errorf("a build of %v showed %q on the terminal", took, build)
	}
}

// erasedProgressRE is what a build slower than progressDelay shows: its
// progress line, rewritten in place, then erased.
var erasedProgressRE = regexp.MustCompile(`^(\rRendering pages: \d+/\d+ *)+\r +\r$`)

// runCmdTTY is runCmd with stderr on a terminal.
func runCmdTTY(tty *os.File, args ...string) (int, string, *os.File) {
	var o bytes.Buffer
	code := run(args, &o, tty)
	return code, o.String(), tty
}
