package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// Path returns where the file name of this build is, in the temporary
// folder, for a build cache to keep it (by hard link) after WriteFile.
func (d *Dir) Path(name string) string {
	return filepath.Join(d.tmp, filepath.FromSlash(name))
}

// Place adds the file name to the build by calling put with its full
// path, once its folder exists: WriteFile's way of writing, and the way
// to add a file the build does not write itself (a build cache hard-
// links it from a previous build). The file is recorded in the manifest
// only when put succeeds; put must leave nothing behind when it fails.
func (d *Dir) Place(name string, put func(full string) error) error {
	if err := checkName(name); err != nil {
		return err
	}
	full := d.Path(name)
	dir := filepath.Dir(full)
	rel := path.Dir(name) // a part of name, held anyway: no copy
	d.mu.Lock()
	known := d.dirs[rel]
	d.mu.Unlock()
	if !known {
		if err := d.makeDirs(rel); err != nil {
			return err
		}
	}
	if d.left != nil {
		d.clearLeftover(name, full)
	}
	if err := put(full); err != nil {
		// A folder of the spare's that someone removed.
		if !known || !errors.Is(err, fs.ErrNotExist) || os.MkdirAll(dir, 0o755) != nil {
			return err
		}
		if err := put(full); err != nil {
			return err
		}
	}
	d.mu.Lock()
	d.dirs[rel] = true
	d.names = append(d.names, name)
	d.mu.Unlock()
	return nil
}

// makeDirs makes the folder rel of the build and those above it that
// the build has not made yet, each by one mkdir call from the nearest
// one it made: most pages are a new folder in a known one. (MkdirAll
// would stat every folder up from rel first, and a first mkdir of rel
// would fail when its parent is new too.) A folder another writer made
// meanwhile is no error; a file where a folder should be fails the put
// that follows.
func (d *Dir) makeDirs(rel string) error {
	var missing []string
	d.mu.Lock()
	for r := rel; r != "." && !d.dirs[r]; r = path.Dir(r) {
		missing = append(missing, r)
	}
	d.mu.Unlock()
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(d.Path(missing[i]), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	d.mu.Lock()
	for _, r := range missing[min(1, len(missing)):] { // rel: once its file is put
		d.dirs[r] = true
	}
	d.mu.Unlock()
	return nil
}

// checkName reports why name cannot be a file of the build: it is not a
// clean slash-separated relative path that stays inside the folder on
// this system too (filepath.IsLocal: on Windows "..\x" or "NUL" is
// not), or it is the manifest's.
func checkName(name string) error {
	switch {
	case name == "" || path.Clean("/" + name)[1:] != name || !filepath.IsLocal(filepath.FromSlash(name)):
		return fmt.Errorf("output path %q is not clean", name)
	case name == ManifestName:
		return fmt.Errorf("output path %q is affsite's own record of the folder", name)
	}
	return nil
}
