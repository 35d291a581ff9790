package outdir

import (
	"cmp"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/internal/fileid"
)

// folderWalk says how strangers walks a tree: known is the index of the
// tree's last walk (nil: none), window the folder index's (folders.go).
type folderWalk struct {
	known  *folderIndex
	window time.Duration
}

// strangers lists the files under dir that names does not hold, in the
// order of a walk (filepath.WalkDir's: by name, a folder's files where
// its name falls), and returns the index of the folders it found, read
// against the manifest whose SHA-256 is sum. Folders are not listed: an
// empty folder holds nothing to lose. A folder that w.known vouches for
// (read against the same manifest) is not read: its subfolders are the
// index's. The folders are read on several goroutines: a large site's
// output is ten thousand of them.
func (fw *folderWalk) strangers(dir string, names map[string]bool, sum buildcache.Sum) ([]string, *folderIndex, error) {
	known := fw.known
	if known != nil && known.sum != sum {
		known = nil
	}
	w := &strangerWalk{root: dir, names: names, known: known, window: fw.window,
		seen: &folderIndex{sum: sum, folders: map[string]folder{}},
		sem:  make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))}
	w.walk(".")
	w.wg.Wait()
	if w.err != nil {
		return nil, nil, w.err
	}
	// '/' before every other byte: a folder's files come where its name
	// falls, as in a walk.
	key := func(p string) string { return strings.ReplaceAll(p, "/", "\x00") }
	sort.Slice(w.extra, func(i, j int) bool { return key(w.extra[i]) < key(w.extra[j]) })
	w.seen.read = int(w.read.Load())
	w.seen.index()
	return w.extra, w.seen, nil
}

// strangerWalk is one strangers call.
type strangerWalk struct {
	root   string
	names  map[string]bool
	known  *folderIndex
	window time.Duration
	sem    chan struct{} // a token for each goroutine beyond the caller's
	wg     sync.WaitGroup
	read   atomic.Int64

	mu    sync.Mutex
	seen  *folderIndex
	extra []string
	err   error
}

// walk lists the strangers under the folder rel ("." for the root).
func (w *strangerWalk) walk(rel string) {
	full := filepath.Join(w.root, filepath.FromSlash(rel))
	if w.known != nil {
		st, err := os.Lstat(full)
		switch {
		case err == nil && !st.IsDir(): // a folder when the index was made
			w.visit(rel, st.Mode().Type())
			return
		case err == nil && w.vouched(rel, st):
			for _, k := range w.known.kids[rel] {
				w.descend(k)
			}
			return
		}
	}
	w.readFolder(rel, full)
}

// vouched records the folder rel and reports true when the last walk's
// index vouches for it: its stat data st are the ones recorded.
func (w *strangerWalk) vouched(rel string, st os.FileInfo) bool {
	id, ok := fileid.Of(st)
	if !ok || !w.known.vouches(rel, id) {
		return false
	}
	w.found(rel, folder{id: id, sure: true}, nil)
	return true
}

// readFolder reads the folder rel, at full, for strangers, and walks its
// subfolders.
func (w *strangerWalk) readFolder(rel, full string) {
	w.read.Add(1)
	start := time.Now()
	f, err := os.Open(full)
	if err != nil {
		w.found(rel, folder{}, err)
		return
	}
	st, err := f.Stat() // before the entries: a change after it shows next time
	var entries []os.DirEntry
	if err == nil {
		entries, err = f.ReadDir(-1)
	}
	f.Close()
	if err != nil {
		w.found(rel, folder{}, err)
		return
	}
	id, ok := fileid.Of(st)
	w.found(rel, readFolder(id, ok, start, w.window), nil)
	for _, e := range entries {
		w.visit(path.Join(rel, e.Name()), e.Type())
	}
}

// visit walks r when it is a folder (typ, its type bits), and lists it
// when it is a file the manifest does not list or not a regular file.
func (w *strangerWalk) visit(r string, typ fs.FileMode) {
	switch {
	case typ.IsDir():
		w.descend(r)
	case r != ManifestName && (!w.names[r] || !typ.IsRegular()):
		w.mu.Lock()
		w.extra = append(w.extra, r)
		w.mu.Unlock()
	}
}

// descend walks the folder rel, on a goroutine of its own while a token
// is free.
func (w *strangerWalk) descend(rel string) {
	select {
	case w.sem <- struct{}{}:
		w.wg.Go(func() {
			w.walk(rel)
			<-w.sem
		})
	default:
		w.walk(rel)
	}
}

// found records the folder rel, or the error reading it.
func (w *strangerWalk) found(rel string, f folder, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		w.err = cmp.Or(w.err, err)
		return
	}
	w.seen.folders[rel] = f
}
