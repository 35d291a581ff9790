package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/affsite/affsite/buildcache"
)

// Options says whose output folder is opened.
type Options struct {
	// Site is the site's folder.
	Site string
	// Protect lists the site's folders (relative, slash-separated) that a
	// build reads: an output folder is never one of them, inside one or
	// above one.
	Protect []string
	// Waiting, when set, is called once if another build holds the
	// folder, before Open waits for it to finish.
	Waiting func()
	// Spare, when set, is a folder on the output's file system where
	// Commit keeps the build it swaps out, and where the next Open takes
	// it from to start the build in (spare.go): a build cache's, say.
	Spare string

	// window, set by tests, replaces folderWindow.
	window time.Duration
}

// Dir is an output folder opened for one build: the build writes into a
// temporary folder beside it, and Commit swaps that in. A Dir holds the
// folder's lock from Open to Commit or Abort; it is safe for concurrent
// WriteFile calls.
type Dir struct {
	given  string // the folder as the user gave it, for messages
	dest   string // resolved absolute path
	parent string
	base   string
	tmp    string
	lock   *folderLock
	moved  string // where Hugo's output was moved, as a sibling of given
	spare  string // Options.Spare

	mu    sync.Mutex
	dirs  map[string]bool // the build's folders made so far, slash-separated like names ("." the top)
	names []string
	// left holds the files of the spare the build started from that it
	// has not written or kept yet; nil for a build started empty.
	left map[string]bool
	// known is the folder index the last build left (folders.go);
	// outputSeen and spareSeen are this build's walks of the output
	// folder and of the spare it started from, and manifest the SHA-256
	// of the manifest Commit wrote.
	known                 folderIndexes
	outputSeen, spareSeen *folderIndex
	manifest              buildcache.Sum
	window                time.Duration // Options.window

	// stop, set by tests, is asked at each step of Commit; true ends
	// Commit there as if the process had been killed.
	stop func(step string) bool
	// noExchange makes Commit swap by two renames, as on systems without
	// an atomic exchange.
	noExchange bool
}

const (
	tmpPrefix  = ".affsite-tmp-"  // a build in progress
	oldPrefix  = ".affsite-old-"  // the previous build, during a swap
	lockPrefix = ".affsite-lock-" // the lock file of an output folder
)

// Open checks that dest may be replaced by a build of opts.Site and
// prepares the build: it takes dest's lock (waiting for another build of
// it), puts back the last complete build if a swap was interrupted,
// removes the temporary folders of builds that died, moves Hugo's output
// aside, and creates the folder the build writes into. A *Refusal means
// nothing was touched.
func Open(dest string, opts Options) (*Dir, error) {
	// Refuse what is plainly not affsite's before creating anything; the
	// contents are inspected again under the lock.
	site, abs, err := check(dest, opts, false)
	if err != nil {
		return nil, err
	}
	d := &Dir{given: dest, dest: abs, parent: filepath.Dir(abs), base: filepath.Base(abs), dirs: map[string]bool{}, spare: opts.Spare, window: opts.window}
	if err := os.MkdirAll(d.parent, 0o755); err != nil {
		return nil, err
	}
	if d.lock, err = lockFolder(filepath.Join(d.parent, lockPrefix+d.base), opts.Waiting); err != nil {
		return nil, err
	}
	if err := d.prepare(site); err != nil {
		d.lock.unlock()
		return nil, err
	}
	return d, nil
}

// prepare does Open's work under the lock.
func (d *Dir) prepare(site string) error {
	if err := d.recover(); err != nil {
		return err
	}
	if d.spare != "" {
		d.known = loadIndexes(indexPath(d.spare))
	}
	st, seen, err := inspect(d.given, d.dest, site, d.walkWith(d.known.output))
	if err != nil {
		return err
	}
	d.outputSeen = seen
	if st == hugo {
		if d.moved, err = moveAside(d.dest, d.given); err != nil {
			return err
		}
	}
	tmp, err := os.MkdirTemp(d.parent, tmpPrefix+d.base+".")
	if err != nil {
		return err
	}
	d.tmp = tmp
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return d.takeSpare()
}

// recover puts back the previous build when a swap stopped between its
// two renames, then removes what dead builds of this folder left: while
// the lock is held, no temporary folder of it belongs to a live build.
func (d *Dir) recover() error {
	entries, err := os.ReadDir(d.parent)
	if err != nil {
		return err
	}
	_, statErr := os.Lstat(d.dest)
	missing := errors.Is(statErr, fs.ErrNotExist)
	for _, e := range entries {
		n := e.Name()
		if isOld := d.owns(oldPrefix, n); isOld && missing && e.IsDir() {
			if err := os.Rename(filepath.Join(d.parent, n), d.dest); err != nil {
				return fmt.Errorf("put back the last build of %s: %w", d.given, err)
			}
			missing = false
		}
	}
	for _, e := range entries {
		n := e.Name()
		if d.owns(oldPrefix, n) || d.owns(tmpPrefix, n) {
			if err := os.RemoveAll(filepath.Join(d.parent, n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// owns reports whether name is prefix+base+"."+digits: a temporary
// folder of this output folder (and not of another whose name starts
// with the same letters).
func (d *Dir) owns(prefix, name string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return false
	}
	i := strings.LastIndexByte(rest, '.')
	if i < 0 || rest[:i] != d.base || i == len(rest)-1 {
		return false
	}
	for _, c := range rest[i+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// moveAside renames Hugo's output to a free sibling name and returns it,
// as a sibling of given.
func moveAside(dest, given string) (string, error) {
	for i := 1; i < 100; i++ {
		suffix := ".hugo"
		if i > 1 {
			suffix = fmt.Sprintf(".hugo-%d", i)
		}
		if _, err := os.Lstat(dest + suffix); errors.Is(err, fs.ErrNotExist) {
			if err := os.Rename(dest, dest+suffix); err != nil {
				return "", err
			}
			return filepath.Clean(given) + suffix, nil
		}
	}
	return "", &Refusal{Path: given, Reason: "it holds Hugo's output and there is no free name to move it to", Advice: adviceDelete}
}

// MovedAside returns where Hugo's output, found in the folder, was moved
// to, or "".
func (d *Dir) MovedAside() string { return d.moved }

// WriteFile writes one file of the build, by slash-separated path
// relative to the output folder.
func (d *Dir) WriteFile(name string, data []byte) error {
	return d.Place(name, func(full string) error { return writeFile(full, data) })
}

// Commit records the build's files in its manifest and swaps the build
// in, then releases the lock.
func (d *Dir) Commit() error {
	defer d.lock.unlock()
	if err := d.removeLeftovers(); err != nil {
		os.RemoveAll(d.tmp)
		return err
	}
	sum, err := writeManifest(d.tmp, d.names)
	if err != nil {
		os.RemoveAll(d.tmp)
		return err
	}
	d.manifest = sum
	if d.stopAt("manifest") {
		return errStopped
	}
	return d.swap()
}

// errStopped is what Commit returns when a test stops it midway.
var errStopped = errors.New("stopped by test")

func (d *Dir) stopAt(step string) bool { return d.stop != nil && d.stop(step) }

// swap replaces dest with the finished build: by an atomic exchange where
// the system has one, else by two renames that recover puts right if the
// process dies between them.
func (d *Dir) swap() error {
	if _, err := os.Lstat(d.dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(d.tmp, d.dest); err != nil {
			return err
		}
		d.saveIndexes(false)
		return nil
	}
	if !d.noExchange {
		err := exchange(d.tmp, d.dest)
		if err == nil {
			if d.stopAt("exchanged") {
				return errStopped
			}
			d.keepSpare(d.tmp) // the previous build, now
			return nil
		}
		if !errors.Is(err, errNoExchange) {
			os.RemoveAll(d.tmp)
			return err
		}
	}
	old := filepath.Join(d.parent, oldPrefix+strings.TrimPrefix(filepath.Base(d.tmp), tmpPrefix))
	if err := os.Rename(d.dest, old); err != nil {
		os.RemoveAll(d.tmp)
		return err
	}
	if d.stopAt("aside") {
		return errStopped
	}
	if err := os.Rename(d.tmp, d.dest); err != nil {
		os.Rename(old, d.dest)
		os.RemoveAll(d.tmp)
		return err
	}
	if d.stopAt("renamed") {
		return errStopped
	}
	d.keepSpare(old)
	return nil
}

// Abort removes the unfinished build and releases the lock; the output
// folder is as it was.
func (d *Dir) Abort() {
	os.RemoveAll(d.tmp)
	d.lock.unlock()
}

// Check tells, without touching anything, whether Open would refuse
// dest: a *Refusal, or nil.
func Check(dest string, opts Options) error {
	_, _, err := check(dest, opts, true)
	return err
}

// check resolves the site and dest and refuses dest by its place or its
// contents; walk says whether to look at every file (see inspect).
func check(dest string, opts Options, walk bool) (site, abs string, err error) {
	if site, err = resolve(opts.Site); err != nil {
		return "", "", err
	}
	if abs, err = resolve(dest); err != nil {
		return "", "", err
	}
	if err := checkPlace(dest, abs, site, opts.Protect); err != nil {
		return "", "", err
	}
	var w *folderWalk
	if walk {
		w = &folderWalk{}
	}
	if _, _, err := inspect(dest, abs, site, w); err != nil {
		return "", "", err
	}
	return site, abs, nil
}
