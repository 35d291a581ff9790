package outdir

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestStopAtEveryStep stops Commit at each of its steps, as a SIGKILL
// would, and checks that at that instant the output folder holds a
// complete build or the next Open puts the last complete build back
// before doing anything else, even when the next build then fails.
func TestStopAtEveryStep(t *testing.T) {
	t.Parallel()
	oldFiles := map[string]string{"index.html": "old", "posts/a/index.html": "old a"}
	newFiles := map[string]string{"index.html": "new", "posts/b/index.html": "new b"}
	for _, exchange := range []bool{true, false} {
		for _, step := range []string{"manifest", "exchanged", "aside", "renamed"} {
			if exchange != (step != "aside" && step != "renamed") && step != "manifest" {
				continue
			}
			t.Run(fmt.Sprintf("exchange=%v/%s", exchange, step), func(t *testing.T) {
				t.Parallel()
				site := t.TempDir()
				dest := filepath.Join(t.TempDir(), "public")
				if err := build(t, site, dest, oldFiles); err != nil {
					t.Fatal(err)
				}
				d, err := Open(dest, Options{Site: site})
				if err != nil {
					t.Fatal(err)
				}
				d.noExchange = !exchange
				reached := false
				d.stop = func(s string) bool { reached = reached || s == step; return s == step }
				for name, body := range newFiles {
					if err := d.WriteFile(name, []byte(body)); err != nil {
						t.Fatal(err)
					}
				}
				if err := d.Commit(); !errors.Is(err, errStopped) || !reached {
					if exchange && step == "exchanged" && errors.Is(err, nil) {
						t.Skip("this file system has no atomic exchange")
					}
					t.Fatalf("Commit = %v, want it stopped at %s", err, step)
				}
				// At this instant: a complete build, or none that the
				// next run restores.
				now := withoutManifest(readTree(t, dest))
				if _, err := os.Stat(dest); err == nil && !maps.Equal(now, oldFiles) && !maps.Equal(now, newFiles) {
					t.Fatalf("output holds a mixture: %s", treeString(now))
				}
				// The next run fails (it is refused nothing, but aborts).
				next, err := Open(dest, Options{Site: site})
				if err != nil {
					t.Fatal(err)
				}
				next.Abort()
				got := withoutManifest(readTree(t, dest))
				if !maps.Equal(got, oldFiles) && !maps.Equal(got, newFiles) {
					t.Fatalf("after the next run the output is %s; want a complete build", treeString(got))
				}
				if s := siblings(t, dest); len(s) != 0 {
					t.Errorf("left beside the output: %v", s)
				}
				// And a good build replaces it as usual.
				if err := build(t, site, dest, newFiles); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// TestConcurrentBuilds: builds of one folder take turns, the one that
// waits says so, each finishes complete, and no temporary folder is
// left.
func TestConcurrentBuilds(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	dest := filepath.Join(t.TempDir(), "public")
	first, err := Open(dest, Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	var waited atomic.Int32
	done := make(chan error, 1)
	go func() {
		d, err := Open(dest, Options{Site: site, Waiting: func() { waited.Add(1) }})
		if err != nil {
			done <- err
			return
		}
		for i := range 50 {
			if err := d.WriteFile(fmt.Sprintf("second/%d.html", i), []byte("2")); err != nil {
				done <- err
				return
			}
		}
		done <- d.Commit()
	}()
	deadline := time.Now().Add(5 * time.Second)
	for waited.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if waited.Load() != 1 {
		t.Fatal("the second build did not report that it waits")
	}
	for i := range 50 {
		if err := first.WriteFile(fmt.Sprintf("first/%d.html", i), []byte("1")); err != nil {
			t.Fatalf("the first build lost its folder: %v", err)
		}
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	got := withoutManifest(readTree(t, dest))
	if len(got) != 50 || got["second/0.html"] != "2" {
		t.Errorf("output = %d files (%s…), want the second build's 50", len(got), treeString(got)[:40])
	}
	if s := siblings(t, dest); len(s) != 0 {
		t.Errorf("left beside the output: %v", s)
	}
}

// TestManyConcurrentBuilds: eight builds at once, each complete in turn.
func TestManyConcurrentBuilds(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	dest := filepath.Join(t.TempDir(), "public")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for b := range 8 {
		wg.Go(func() {
			files := map[string]string{}
			for i := range 30 {
				files[fmt.Sprintf("p%d/index.html", i)] = fmt.Sprint(b)
			}
			errs <- build(t, site, dest, files)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	got := withoutManifest(readTree(t, dest))
	if len(got) != 30 {
		t.Fatalf("output holds %d files, want 30", len(got))
	}
	for _, body := range got {
		if body != got["p0/index.html"] {
			t.Fatalf("output mixes builds: %v", got)
		}
	}
	if s := siblings(t, dest); len(s) != 0 {
		t.Errorf("left beside the output: %v", s)
	}
}

// TestAbandonedTempRemoved: what a dead build left is removed by the
// next one, and only what is this folder's.
func TestAbandonedTempRemoved(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := build(t, site, dest, map[string]string{"a": "old"}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{tmpPrefix + "public.123", oldPrefix + "public.456", tmpPrefix + "public-x.789", tmpPrefix + "public.x", "notes"} {
		sitetest.WriteInto(t, filepath.Join(parent, n), map[string]string{"f": "f"})
	}
	if err := build(t, site, dest, map[string]string{"a": "a"}); err != nil {
		t.Fatal(err)
	}
	want := []string{tmpPrefix + "public-x.789", tmpPrefix + "public.x", "notes"}
	got := siblings(t, dest)
	if fmt.Sprint(got) != fmt.Sprint([]string{want[0], want[1], want[2]}) {
		t.Errorf("beside the output: %v, want %v", got, want)
	}
}
