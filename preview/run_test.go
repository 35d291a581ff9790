package preview

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/sitetest"
)

// stuckBuilder is a Builder whose rebuilds after the first never return
// until the test ends, as a build reading a FIFO nobody writes to.
type stuckBuilder struct {
	*generator.Session
	hangFirst bool
	entered   chan struct{} // gets a value when a rebuild hangs
	release   chan struct{} // closed at the end of the test
}

func (b *stuckBuilder) Rebuild(changed []string) (*generator.RebuildReport, error) {
	if changed != nil || b.hangFirst {
		b.entered <- struct{}{}
		<-b.release
	}
	return b.Session.Rebuild(changed)
}

// TestRunStopsDuringStuckRebuild cancels Run's context while a rebuild
// (the first, or one after an edit) never returns: Run must return
// anyway, within its shutdown grace.
func TestRunStopsDuringStuckRebuild(t *testing.T) {
	t.Parallel()
	for _, hangFirst := range []bool{false, true} {
		t.Run(map[bool]string{false: "rebuild", true: "first build"}[hangFirst], func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			sitetest.WriteInto(t, root, map[string]string{
				"site.toml":          "title = \"T\"\n",
				"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-02\n---\n\nHello.\n",
			})
			sb := &stuckBuilder{hangFirst: hangFirst, entered: make(chan struct{}, 1), release: make(chan struct{})}
			t.Cleanup(func() { close(sb.release) })
			ready := make(chan string, 1)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 1)
			go func() {
				done <- Run(ctx, Config{
					Site: generator.Options{Source: root}, Port: 0,
					Ready: func(u string) { ready <- u },
					NewBuilder: func(o generator.Options) Builder {
						sb.Session = generator.NewSession(o)
						return sb
					},
				})
			}()
			if !hangFirst {
				select {
				case <-ready:
				case err := <-done:
					t.Fatalf("Run: %v", err)
				case <-time.After(20 * time.Second):
					t.Fatal("not serving within 20 s")
				}
				sitetest.WriteInto(t, root, map[string]string{"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-02\n---\n\nHello again.\n"})
			}
			select {
			case <-sb.entered:
			case <-time.After(20 * time.Second):
				t.Fatal("the rebuild did not start within 20 s")
			}
			start := time.Now()
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(shutdownGrace + 5*time.Second):
				t.Fatalf("Run still running %s after cancel", shutdownGrace+5*time.Second)
			}
			t.Logf("returned %s after cancel", time.Since(start).Round(time.Millisecond))
		})
	}
}

// A batch names the files that exist, and gone ones with an extension
// (a deleted post), not an editor's temporary file renamed away.
func TestDescribe(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	sitetest.WriteInto(t, root, map[string]string{"content/posts/a.md": "x", "content/posts/LICENSE": "x"})
	for _, tc := range []struct {
		changed []string
		want    string
	}{
		{[]string{"content/posts/a.md", "content/posts/sed1gBJx3"}, "content/posts/a.md"},
		{[]string{"content/posts/sed1gBJx3", "content/posts/z.md"}, "content/posts/z.md"},
		{[]string{"content/posts/LICENSE"}, "content/posts/LICENSE"},
		{[]string{"content/posts/gone.md", "content/posts/a.md"}, "content/posts/gone.md and 1 more"},
		{[]string{"content/posts/sed1gBJx3"}, "content/posts/sed1gBJx3"},
		{nil, "changes"},
	} {
		if got := describe(root, tc.changed); got != tc.want {
			t.Errorf("describe(%v) = %q, want %q", tc.changed, got, tc.want)
		}
	}
}

// damagingBuilder is a Session whose first build's cached pages are
// damaged right after it, before the preview reads them.
type damagingBuilder struct {
	*generator.Session
	damage  func()
	rebuilt chan []string // the changes of each rebuild after the first
	first   bool
}

func (b *damagingBuilder) Rebuild(changed []string) (*generator.RebuildReport, error) {
	rr, err := b.Session.Rebuild(changed)
	if !b.first {
		b.first = true
		b.damage()
	} else {
		b.rebuilt <- changed
	}
	return rr, err
}

// TestRunRebuildsLostCachedPages: pages the first build left in the
// build cache that change before the preview reads them are never
// served; the preview builds the whole site again, and serves that.
func TestRunRebuildsLostCachedPages(t *testing.T) {
	t.Parallel()
	root, cache := t.TempDir(), t.TempDir()
	sitetest.WriteInto(t, root, map[string]string{
		"site.toml":          "title = \"T\"\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-02\n---\n\nHello.\n",
		"content/posts/b.md": "---\ntitle: B\ndate: 2024-01-03\n---\n\nWorld.\n",
	})
	opts := generator.Options{Source: root, CacheDir: cache, BaseURL: "http://localhost:1313/"}
	if _, err := generator.NewSession(opts).Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	damage := func() {
		filepath.WalkDir(filepath.Join(cache, generator.SessionCacheDir, "objects"), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				os.WriteFile(p, []byte("not the page"), 0o644)
			}
			return nil
		})
	}
	db := &damagingBuilder{damage: damage, rebuilt: make(chan []string, 4)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{
			Site: opts, Port: 0,
			NewBuilder: func(o generator.Options) Builder {
				db.Session = generator.NewSession(o)
				return db
			},
		})
	}()
	select {
	case changed := <-db.rebuilt:
		if changed != nil {
			t.Fatalf("rebuilt after %v; want a build of everything", changed)
		}
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("no rebuild within 20 s of the cached pages changing")
	}
	files := db.Files()
	for _, n := range files.Names() {
		data, ok := files.File(n)
		if !ok || strings.Contains(string(data), "not the page") {
			t.Fatalf("%s after the rebuild: %v, %q", n, ok, data)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}
