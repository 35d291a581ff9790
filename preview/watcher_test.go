package preview

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

func TestIgnoredFile(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"post.md": false, "p00.yaml": false, "style.css": false, ".htaccess": false,
		"post.md~": true, ".#post.md": true, "#post.md#": true, ".post.md.swp": true, ".post.md.swx": true,
		"4913": true, ".post.md.tmp": true, "post.md.tmp": true, "post.md___jb_tmp___": true, ".DS_Store": true,
	} {
		if got := IgnoredFile(name); got != want {
			t.Errorf("IgnoredFile(%q) = %v, want %v", name, got, want)
		}
	}
}

// startWatcher watches a new site folder holding content/posts/, with
// the default debounce.
func startWatcher(t *testing.T) (string, *Watcher) {
	t.Helper()
	return startWatcherDebounce(t, 0)
}

// startWatcherDebounce is startWatcher with the quiet period debounce.
func startWatcherDebounce(t *testing.T, debounce time.Duration) (string, *Watcher) {
	t.Helper()
	root := t.TempDir()
	sitetest.WriteInto(t, root, map[string]string{"content/posts/a.md": "a"})
	w, err := NewWatcher(root, debounce)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != context.Canceled {
			t.Errorf("Run: %v", err)
		}
	})
	return root, w
}

// nextBatch waits a bounded time for the next batch.
func nextBatch(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Batches():
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5 s")
	}
	return nil
}

func TestWatcherBurstIsOneBatch(t *testing.T) {
	t.Parallel()
	// A quiet period far longer than the writes below take even on a
	// loaded machine under -race, where 25 ms between two of them can
	// pass: the test is of what a batch holds, not of the default.
	root, w := startWatcherDebounce(t, time.Second)
	// An editor's atomic save: swap file, write test, temp file renamed
	// over the post, backup; plus a second post and a data file.
	sitetest.WriteInto(t, root, map[string]string{"content/posts/.a.md.swp": "x"})
	sitetest.WriteInto(t, root, map[string]string{"content/posts/4913": ""})
	sitetest.WriteInto(t, root, map[string]string{"content/posts/.a.md.tmp": "a2"})
	if err := os.Rename(filepath.Join(root, "content/posts/.a.md.tmp"), filepath.Join(root, "content/posts/a.md")); err != nil {
		t.Fatal(err)
	}
	sitetest.WriteInto(t, root, map[string]string{"content/posts/a.md~": "a"})
	sitetest.WriteInto(t, root, map[string]string{"content/posts/b.md": "b"})
	sitetest.WriteInto(t, root, map[string]string{"site.toml": "title = 'x'"})
	sitetest.WriteInto(t, root, map[string]string{"notes.txt": "not part of the site"})
	got := nextBatch(t, w)
	want := []string{"content/posts/a.md", "content/posts/b.md", "site.toml"}
	if !slices.Equal(got, want) {
		t.Errorf("batch %q, want %q", got, want)
	}
}

func TestWatcherNewFolders(t *testing.T) {
	t.Parallel()
	root, w := startWatcher(t)
	// A watched folder that did not exist, with a nested folder made at
	// once: its files are found by the walk that adds it.
	sitetest.WriteInto(t, root, map[string]string{"data/programs/p00.yaml": "name: x"})
	if got := nextBatch(t, w); !slices.Contains(got, "data/programs/p00.yaml") {
		t.Fatalf("batch %q lacks data/programs/p00.yaml", got)
	}
	// A file in the new nested folder, written later, is seen too.
	time.Sleep(50 * time.Millisecond)
	sitetest.WriteInto(t, root, map[string]string{"data/programs/p01.yaml": "name: y"})
	if got := nextBatch(t, w); !slices.Equal(got, []string{"data/programs/p01.yaml"}) {
		t.Errorf("batch %q, want [data/programs/p01.yaml]", got)
	}
	if err := os.Remove(filepath.Join(root, "content/posts/a.md")); err != nil {
		t.Fatal(err)
	}
	if got := nextBatch(t, w); !slices.Equal(got, []string{"content/posts/a.md"}) {
		t.Errorf("batch %q after delete", got)
	}
}

func TestWatcherBatchesNameFilesNotFolders(t *testing.T) {
	t.Parallel()
	root, w := startWatcher(t)
	// mkdir -p static/img/icons && cp …: the folders are watched and
	// their files listed, whichever comes first; the folders themselves
	// are never in a batch (a rebuild would read them as files).
	sitetest.WriteInto(t, root, map[string]string{"static/img/icons/a.svg": "<svg/>"})
	sitetest.WriteInto(t, root, map[string]string{"static/img/logo.svg": "<svg/>"})
	want := []string{"static/img/icons/a.svg", "static/img/logo.svg"}
	got := nextBatch(t, w)
	for len(got) < len(want) { // a slow machine may split the burst
		got = append(got, nextBatch(t, w)...)
		slices.Sort(got)
		got = slices.Compact(got)
	}
	if !slices.Equal(got, want) {
		t.Errorf("batch %q, want %q", got, want)
	}
	// An empty folder changes nothing.
	if err := os.Mkdir(filepath.Join(root, "static/empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-w.Batches():
		t.Errorf("batch %q after an empty folder", b)
	case <-time.After(150 * time.Millisecond):
	}
}

func TestWatcherFolderGoneAndBack(t *testing.T) {
	t.Parallel()
	root, w := startWatcher(t)
	sitetest.WriteInto(t, root, map[string]string{"static/img/sub/a.svg": "<svg/>"})
	nextBatch(t, w)
	// Moved away: named by its path, and its subfolders are no longer
	// watched under their old names.
	away := filepath.Join(t.TempDir(), "img")
	if err := os.Rename(filepath.Join(root, "static/img"), away); err != nil {
		t.Fatal(err)
	}
	if got := nextBatch(t, w); !slices.Equal(got, []string{"static/img"}) {
		t.Errorf("batch %q after moving the folder away, want [static/img]", got)
	}
	sitetest.WriteInto(t, away, map[string]string{"sub/b.svg": "<svg/>"})
	select {
	case b := <-w.Batches():
		t.Errorf("batch %q after a write outside the site", b)
	case <-time.After(150 * time.Millisecond):
	}
	// Removed and made again within one batch: everything is rebuilt.
	sitetest.WriteInto(t, root, map[string]string{"static/img/sub/a.svg": "<svg/>"})
	nextBatch(t, w)
	if err := os.RemoveAll(filepath.Join(root, "static/img")); err != nil {
		t.Fatal(err)
	}
	sitetest.WriteInto(t, root, map[string]string{"static/img/c.svg": "<svg/>"})
	// A batch waits for its consumer, gathering what comes meanwhile:
	// wait, so that all of this is one batch on a slow machine too.
	time.Sleep(100 * time.Millisecond)
	if got := nextBatch(t, w); got != nil {
		t.Errorf("batch %q after a folder removed and made again, want nil (everything)", got)
	}
}

// TestWatcherStringFiles: the site's i18n/ folder, made while serving,
// and a theme's string file are watched: their edits rebuild.
func TestWatcherStringFiles(t *testing.T) {
	t.Parallel()
	root, w := startWatcher(t)
	sitetest.WriteInto(t, root, map[string]string{"i18n/en.toml": "hello = 'Hello'"})
	if got := nextBatch(t, w); !slices.Contains(got, "i18n/en.toml") {
		t.Fatalf("batch %q lacks i18n/en.toml", got)
	}
	time.Sleep(50 * time.Millisecond)
	sitetest.WriteInto(t, root, map[string]string{"i18n/fr.yaml": "hello: Bonjour"})
	sitetest.WriteInto(t, root, map[string]string{"themes/t/i18n/en.toml": "hello = 'Hi'"})
	if got := nextBatch(t, w); !slices.Contains(got, "i18n/fr.yaml") || !slices.Contains(got, "themes/t/i18n/en.toml") {
		t.Errorf("batch %q, want i18n/fr.yaml and themes/t/i18n/en.toml", got)
	}
}

// TestWatcherWatch: a folder the site's configuration names (a custom
// i18nDir) is watched once Watch names it, nested or made later at the
// top level; another folder is not.
func TestWatcherWatch(t *testing.T) {
	t.Parallel()
	root, w := startWatcher(t)
	sitetest.WriteInto(t, root, map[string]string{"lang/strings/en.toml": "hello = 'Hello'", "notes/a.txt": "a"})
	w.Watch("lang/strings", "words")
	sitetest.WriteInto(t, root, map[string]string{"notes/a.txt": "b", "lang/other.txt": "x"})
	sitetest.WriteInto(t, root, map[string]string{"lang/strings/en.toml": "hello = 'Hi'"})
	if got := nextBatch(t, w); !slices.Equal(got, []string{"lang/strings/en.toml"}) {
		t.Fatalf("batch %q, want [lang/strings/en.toml]", got)
	}
	sitetest.WriteInto(t, root, map[string]string{"words/fr.toml": "hello = 'Salut'"})
	if got := nextBatch(t, w); !slices.Contains(got, "words/fr.toml") {
		t.Errorf("batch %q lacks words/fr.toml, a named folder made after Watch", got)
	}
}
