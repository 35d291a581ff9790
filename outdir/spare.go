package outdir

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/affsite/affsite/buildcache"
)

// A spare (Options.Spare) is the build an output folder held before the
// last swap, kept instead of removed so that the next build starts from
// it: a build of a large site that changes a few files then writes those
// files and removes what it no longer makes, instead of creating every
// folder and file again and removing the old tree. The spare never
// serves anything: it is taken, under the folder's lock, as the build's
// temporary folder, and what the build does not write or Keep is removed
// before the manifest is written, so the swapped-in folder holds exactly
// the build's files, as a build into an empty folder would.
//
// Nothing of the spare is trusted but its names, and only when it holds
// nothing but folders and the regular files its manifest lists (no
// symbolic link, as Open asks of an output folder): a file the build
// writes replaces the spare's (removed first, never written in place,
// since its inode may be shared with the output or a cache), and a file
// is kept only when the caller's check of it, Keep's same, passes.

// takeSpare makes the spare the build's temporary folder when it holds
// a manifest. A spare that cannot be taken is removed, and the build
// starts empty.
func (d *Dir) takeSpare() error {
	if d.spare == "" {
		return nil
	}
	names, sum, err := readManifest(d.spare)
	if err != nil || names == nil || !d.onlyListed(names, sum) {
		removeTree(d.spare)
		return nil
	}
	// In place of the empty folder MkdirTemp made (os.Rename does not
	// replace a folder): the name stays one that recover knows as this
	// output folder's, and that no other build takes meanwhile.
	if err := os.Remove(d.tmp); err != nil {
		return err
	}
	if err := os.Rename(d.spare, d.tmp); err != nil {
		d.spareSeen = nil // not the tree the build starts from
		removeTree(d.spare)
		return os.Mkdir(d.tmp, 0o755)
	}
	os.Remove(filepath.Join(d.tmp, ManifestName))
	d.left = map[string]bool{}
	for n := range names {
		if checkName(n) == nil {
			d.left[n] = true
			for r := path.Dir(n); r != "." && !d.dirs[r]; r = path.Dir(r) {
				d.dirs[r] = true // and the folders above it (makeDirs)
			}
		}
	}
	return nil
}

// onlyListed tells whether the spare holds nothing but folders and the
// regular files names lists (strangers, as Open asks of an output
// folder; sum is the manifest's): a spare restored from a CI cache, or
// changed by hand, may hold a symbolic link where a folder was, and the
// build's writes into the folder would follow it out of the cache. The
// walk's index is kept (spareSeen) only for a spare that passes: it
// vouches for folders as this build found them, strangers and all.
func (d *Dir) onlyListed(names map[string]bool, sum buildcache.Sum) bool {
	extra, seen, err := d.walkWith(d.known.spare).strangers(d.spare, names, sum)
	if err != nil || len(extra) > 0 {
		return false
	}
	d.spareSeen = seen
	return true
}

// walkWith is how this build walks a tree whose last index is known.
func (d *Dir) walkWith(known *folderIndex) *folderWalk {
	return &folderWalk{known: known, window: cmp.Or(d.window, folderWindow)}
}

// saveIndexes leaves the next build the index of the folders it will
// find: the output folder is the spare this build started from, with
// what the build changed in it (those folders' change times differ from
// the index's, so they are read again), and the spare, when kept, is
// the output folder this build found. The spare's index is checked
// against the manifest this build wrote: every file of the spare a
// folder still holds unchanged is one the build kept.
func (d *Dir) saveIndexes(spareKept bool) {
	if d.spare == "" {
		return
	}
	var x folderIndexes
	if d.spareSeen != nil {
		x.output = d.spareSeen
		x.output.sum = d.manifest
	}
	if spareKept {
		x.spare = d.outputSeen
	}
	if x.output != nil || x.spare != nil {
		saveIndexes(indexPath(d.spare), x)
	}
}

// Keep records the file name, which the build folder holds from the
// spare, as this build's without writing it, when same (given its full
// path) says it is what the build would place there. It reports false,
// changing nothing, otherwise: the caller then writes or places it.
func (d *Dir) Keep(name string, same func(full string) bool) bool {
	d.mu.Lock()
	held := d.left[name]
	d.mu.Unlock()
	if !held || !same(d.Path(name)) {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.left[name] {
		return false // placed meanwhile by another writer of name
	}
	delete(d.left, name)
	d.names = append(d.names, name)
	return true
}

// clearLeftover removes the spare's file at name, if the build folder
// still holds it, before the build puts its own there.
func (d *Dir) clearLeftover(name, full string) {
	d.mu.Lock()
	held := d.left[name]
	delete(d.left, name)
	d.mu.Unlock()
	if held {
		os.Remove(full)
	}
}

// removeLeftovers removes the spare's files the build did not make, and
// the folders that leaves empty.
func (d *Dir) removeLeftovers() error {
	for name := range d.left {
		full := d.Path(name)
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// Up to the first folder that still holds something.
		for dir := filepath.Dir(full); dir != d.tmp && len(dir) > len(d.tmp); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}
	d.left = nil
	return nil
}

// keepSpare makes old, the build the swap took out of the output
// folder, the spare, or removes it when there is no spare to keep.
func (d *Dir) keepSpare(old string) {
	if d.spare != "" {
		removeTree(d.spare) // only left by a build that could not take it
		if err := os.MkdirAll(filepath.Dir(d.spare), 0o755); err == nil && os.Rename(old, d.spare) == nil {
			d.saveIndexes(true)
			return
		}
	}
	removeTree(old)
	d.saveIndexes(false)
}
