package preview

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedDirs are the site folders whose files a build reads; config/ is
// Hugo's configuration folder (config/_default/, config/<environment>/).
func watchedDirs() []string {
	return []string{"content", "data", "layouts", "themes", "static", "config", "i18n"}
}

// configFiles are the configuration files a site may have at its root,
// in every format Hugo reads (as siteconfig's rootConfigFiles).
func configFiles() []string {
	out := []string{"site.toml"}
	for _, base := range [...]string{"hugo", "config"} {
		for _, ext := range [...]string{".toml", ".yaml", ".yml", ".json"} {
			out = append(out, base+ext)
		}
	}
	return out
}

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
	// dirs are the folders being watched (absolute paths), so that a
	// folder that goes away takes its subfolders' watches with it. Only
	// NewWatcher and then Run's goroutine use it.
	dirs map[string]bool
	// extra are the site's folders watched beyond watchedDirs (site-
	// relative slash paths; see Watch), Run's goroutine's too.
	extra []string
	// watches carries Watch's calls to Run; stopped is closed when Run
	// returns.
	watches chan watchCall
	stopped chan struct{}
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
	w := &Watcher{root: abs, debounce: debounce, fsw: fsw, batches: make(chan []string), dirs: map[string]bool{},
		watches: make(chan watchCall), stopped: make(chan struct{})}
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

// Watch makes the watcher watch the site's folders dirs (relative slash
// paths) too, besides the folders every site has: the folders the site's
// configuration names, such as a custom i18nDir. Each call replaces the
// last one's folders; one made later is watched from the next call (or,
// at the site's top level, at once). Watch returns once Run watches
// them, or has returned.
func (w *Watcher) Watch(dirs ...string) {
	c := watchCall{dirs: slices.Clone(dirs), done: make(chan struct{})}
	select {
	case w.watches <- c:
		<-c.done
	case <-w.stopped:
	}
}

// watchCall is one call of Watch; done is closed once it is handled.
type watchCall struct {
	dirs []string
	done chan struct{}
}

// watchExtra watches the folders of dirs that are not watched yet.
func (w *Watcher) watchExtra(dirs []string) error {
	w.extra = dirs
	for _, d := range dirs {
		if abs := filepath.Join(w.root, filepath.FromSlash(d)); !w.dirs[abs] {
			if _, err := w.addTree(abs); err != nil {
				return err
			}
		}
	}
	return nil
}

// Batches returns the channel of batches. A batch lists changed paths,
// sorted; a nil batch means the changes are unknown (the kernel's event
// queue overflowed) and everything should be rebuilt. The channel is
// closed when Run returns.
func (w *Watcher) Batches() <-chan []string { return w.batches }

// addTree watches dir and every folder under it, and returns the files
// already in them (created before their folder was watched, or while it
// was being added). A missing dir is not an error.
//
// WalkDir calls fn for a folder before it reads the folder, so each
// folder is watched before it is listed: a file created in it is either
// listed or reported by an event, and possibly both.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone while being walked: its removal is an event
			}
			return err
		}
		if d.IsDir() {
			if p != dir && !w.watchable(p) {
				return filepath.SkipDir
			}
			if err := w.fsw.Add(p); err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return filepath.SkipDir
				}
				return err
			}
			w.dirs[p] = true
			return nil
		}
		if rel, ok := w.relevant(p); ok {
			files = append(files, rel)
		}
		return nil
	})
	return files, err
}

// watchable reports whether the folder p is one a build reads from. A
// hidden folder (.git, .cache) is not, except under a static folder,
// whose every file is copied (static/.well-known/).
func (w *Watcher) watchable(p string) bool {
	if !strings.HasPrefix(filepath.Base(p), ".") {
		return true
	}
	rel, err := filepath.Rel(w.root, p)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if strings.HasPrefix(rel, "static/") {
		return true
	}
	if t, ok := strings.CutPrefix(rel, "themes/"); ok {
		_, rest, _ := strings.Cut(t, "/")
		return strings.HasPrefix(rest, "static/")
	}
	return false
}

// unwatch forgets the folder dir, gone or moved away, and every folder
// under it: the kernel drops the watch of a removed folder, but the
// watches of a moved folder's subfolders would go on reporting events
// under their old names.
func (w *Watcher) unwatch(dir string) {
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			delete(w.dirs, d)
			w.fsw.Remove(d) // an error means the watch is gone already
		}
	}
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
	if !nested && slices.Contains(configFiles(), rel) || slices.Contains(watchedDirs(), top) {
		return rel, true
	}
	for _, d := range w.extra {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return rel, true
		}
	}
	return rel, false
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
	defer close(w.stopped)
	defer close(w.batches)
	defer w.fsw.Close()
	pb := newPending()
	var first time.Time
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	ready := false
	for {
		var out chan []string
		var batch []string
		if ready {
			out, batch = w.batches, pb.batch()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case out <- batch:
			pb = newPending()
			ready, first = false, time.Time{}
		case <-quiet.C:
			ready = true
		case c := <-w.watches:
			err := w.watchExtra(c.dirs)
			close(c.done)
			if err != nil {
				return err
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return errors.New("preview: file watcher closed")
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				return err
			}
			pb.unknown = true
			first = w.touch(quiet, first, &ready)
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return errors.New("preview: file watcher closed")
			}
			if !w.record(ev, pb) {
				continue
			}
			first = w.touch(quiet, first, &ready)
		}
	}
}

// pending is the batch being gathered.
type pending struct {
	paths map[string]struct{}
	// gone holds the watched folders removed or moved away during the
	// batch: one that comes back, or a file in its place, leaves output
	// files whose sources no event names.
	gone    map[string]bool
	unknown bool // the changes are not known: rebuild everything
}

func newPending() *pending {
	return &pending{paths: map[string]struct{}{}, gone: map[string]bool{}}
}

// batch returns the sorted paths, or nil when they are unknown.
func (pb *pending) batch() []string {
	if pb.unknown {
		return nil
	}
	b := slices.AppendSeq(make([]string, 0, len(pb.paths)), maps.Keys(pb.paths)) // never nil
	slices.Sort(b)
	return b
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

// record adds what ev changed to pb and reports whether it was anything
// the site uses.
//
// A batch names files, never folders, because a rebuild reads each path
// it is given as a file. A new folder (made, copied or moved in, with
// any subfolders and files it already holds) is watched, and its files
// join the batch; the folder itself does not. A folder that goes away is
// named by its own path, which no longer exists, so the rebuild drops
// what came from it. When a path is a file and a folder within one batch
// (a folder replaced by a file, a file by a folder, a folder removed and
// made again), the batch is unknown: everything is rebuilt.
func (w *Watcher) record(ev fsnotify.Event, pb *pending) bool {
	if ev.Op == fsnotify.Chmod {
		return false // atime, permissions: never content
	}
	rel, ok := w.relevant(ev.Name)
	if !ok {
		return false
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			return w.recordNewDir(ev.Name, rel, pb)
		}
		if pb.gone[rel] {
			pb.unknown = true
		}
	}
	if (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) && w.dirs[ev.Name] {
		w.unwatch(ev.Name)
		pb.gone[rel] = true
	}
	pb.paths[rel] = struct{}{}
	return true
}

// recordNewDir watches a folder that appeared (at rel) and records the
// files already in it. A path that was a file or went in this batch
// makes the batch unknown: a full rebuild.
func (w *Watcher) recordNewDir(name, rel string, pb *pending) bool {
	if !w.watchable(name) {
		return false
	}
	if _, had := pb.paths[rel]; had || pb.gone[rel] {
		pb.unknown = true
	}
	files, _ := w.addTree(name) // an error: the folder went again, and its removal is an event
	for _, f := range files {
		pb.paths[f] = struct{}{}
	}
	return pb.unknown || len(files) > 0
}
