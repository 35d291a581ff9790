package preview

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedDirs are the site folders whose files a build reads.
func watchedDirs() []string { return []string{"content", "data", "layouts", "themes", "static"} }

// configFiles are the configuration files a site may have.
func configFiles() []string { return []string{"site.toml", "hugo.toml", "config.toml"} }

// DefaultDebounce is the quiet period that closes a batch of events: long
// enough to gather an editor's write-rename-chmod burst, short enough to
// keep an edit well under 100 ms to the browser.
const DefaultDebounce = 25 * time.Millisecond

// maxBatchDelay bounds how long a steady stream of events can hold a
// batch back.
const maxBatchDelay = time.Second

// Watcher watches a site's watchedDirs (recursively: fsnotify does not,
// so every folder is added, and new ones as they appear) and its
// configFiles, and sends batches of the site-relative slash paths that
// changed once events have been quiet for the debounce period. Editors'
// temporary and swap files are ignored.
type Watcher struct {
	root     string
	debounce time.Duration
	fsw      *fsnotify.Watcher
	batches  chan []string
}

// NewWatcher starts watching the site at root. debounce ≤ 0 means
// DefaultDebounce. Call Run to receive batches.
func NewWatcher(root string, debounce time.Duration) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if debounce <= 0 {
		debounce = DefaultDebounce
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: abs, debounce: debounce, fsw: fsw, batches: make(chan []string)}
	// The root itself: for the configuration files, which editors replace
	// by rename, and for watched folders created after the start.
	if err := fsw.Add(abs); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, d := range watchedDirs() {
		if _, err := w.addTree(filepath.Join(abs, d)); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

// Batches returns the channel of batches. A batch lists changed paths,
// sorted; a nil batch means the changes are unknown (the kernel's event
// queue overflowed) and everything should be rebuilt. The channel is
// closed when Run returns.
func (w *Watcher) Batches() <-chan []string { return w.batches }

// addTree watches dir and every folder under it, and returns the files
// already in them (created before their folder was watched). A missing
// dir is not an error.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return w.fsw.Add(p)
		}
		if rel, ok := w.relevant(p); ok {
			files = append(files, rel)
		}
		return nil
	})
	return files, err
}

// relevant maps an event's path to the site-relative slash path a batch
// carries, and reports whether the site uses such a file.
func (w *Watcher) relevant(p string) (string, bool) {
	rel, err := filepath.Rel(w.root, p)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if IgnoredFile(rel[strings.LastIndexByte(rel, '/')+1:]) {
		return "", false
	}
	top, _, nested := strings.Cut(rel, "/")
	if !nested {
		return rel, slices.Contains(configFiles(), rel) || slices.Contains(watchedDirs(), rel)
	}
	return rel, slices.Contains(watchedDirs(), top)
}

// IgnoredFile reports whether a file name is an editor's or the system's
// scratch file: backups (x~), Emacs locks and autosaves (.#x, #x#), Vim
// swap files and its write test (.x.swp, .x.swx, 4913), temporary files
// of atomic saves (.x.tmp, x.tmp, JetBrains' x___jb_tmp___) and Finder's
// .DS_Store.
func IgnoredFile(name string) bool {
	switch {
	case name == "4913", name == ".DS_Store",
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, ".tmp"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"),
		strings.HasPrefix(name, ".goutputstream-"):
		return true
	}
	ext := filepath.Ext(name)
	return len(ext) == 4 && strings.HasPrefix(ext, ".sw") // .swp, .swx, .swo…
}

// Run collects events until ctx ends, then closes the watcher and the
// Batches channel. It returns ctx's error, or the watcher's when it
// breaks.
//
// A batch is held until the consumer takes it; events that arrive
// meanwhile join it, so a slow rebuild is followed by one rebuild of
// everything edited during it, not one per event.
func (w *Watcher) Run(ctx context.Context) error {
	defer close(w.batches)
	defer w.fsw.Close()
	pending := map[string]struct{}{}
	unknown := false // the event queue overflowed
	var first time.Time
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	ready := false
	for {
		var out chan []string
		var batch []string
		if ready {
			out = w.batches
			if !unknown {
				batch = make([]string, 0, len(pending))
				for p := range pending {
					batch = append(batch, p)
				}
				slices.Sort(batch)
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case out <- batch:
			clear(pending)
			unknown, ready, first = false, false, time.Time{}
		case <-quiet.C:
			ready = true
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return errors.New("preview: file watcher closed")
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				return err
			}
			unknown = true
			first = w.touch(quiet, first, &ready)
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return errors.New("preview: file watcher closed")
			}
			if !w.record(ev, pending) {
				continue
			}
			first = w.touch(quiet, first, &ready)
		}
	}
}

// touch restarts the quiet period after an event; first is when the
// batch's first event came, which bounds the wait by maxBatchDelay.
func (w *Watcher) touch(quiet *time.Timer, first time.Time, ready *bool) time.Time {
	now := time.Now()
	if *ready {
		return first // the batch is waiting for the consumer already
	}
	if first.IsZero() || now.Sub(first) > maxBatchDelay {
		first = now
	}
	wait := w.debounce
	if left := maxBatchDelay - now.Sub(first); left < wait {
		wait = max(left, 0)
	}
	quiet.Reset(wait)
	return first
}

// record adds what ev changed to pending and reports whether it was
// anything the site uses. A new folder is watched, with its files.
func (w *Watcher) record(ev fsnotify.Event, pending map[string]struct{}) bool {
	if ev.Op == fsnotify.Chmod {
		return false // atime, permissions: never content
	}
	rel, ok := w.relevant(ev.Name)
	if !ok {
		return false
	}
	pending[rel] = struct{}{}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			files, _ := w.addTree(ev.Name)
			for _, f := range files {
				pending[f] = struct{}{}
			}
		}
	}
	return true
}
