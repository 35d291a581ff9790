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
// path, for a file the build does not write itself (a build cache hard-
// links it from a previous build). The file is recorded in the manifest
// only when put succeeds; put must leave nothing behind when it fails.
func (d *Dir) Place(name string, put func(full string) error) error {
	clean := path.Clean("/" + name)[1:]
	if clean == "" || clean != name || clean == ManifestName {
		return fmt.Errorf("output path %q is not one a build may write", name)
	}
	full := d.Path(clean)
	dir := filepath.Dir(full)
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
	if !known {
		if err := os.MkdirAll(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	if err := put(full); err != nil {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.names = append(d.names, clean)
	d.mu.Unlock()
	return nil
}
