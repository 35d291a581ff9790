package preview

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Site is a built site whose files can be listed, as generator.MemOutput.
type Site interface {
	Files
	Names() []string
}

// diskTarget returns the absolute folder --renderToDisk writes to, or ""
// when it is off. A folder that holds the site, or lies in a watched
// folder (each write would trigger a rebuild), is refused.
func diskTarget(cfg Config) (string, error) {
	if !cfg.RenderToDisk {
		return "", nil
	}
	src, err := filepath.Abs(cfg.Site.Source)
	if err != nil {
		return "", err
	}
	dest := cfg.Dest
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	dest, err = filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	if within(src, dest) {
		return "", fmt.Errorf("render to disk: %s holds the site; choose another -d", dest)
	}
	for _, d := range watchedDirs() {
		if within(dest, filepath.Join(src, d)) {
			return "", fmt.Errorf("render to disk: %s is inside the watched folder %s; choose another -d", dest, d)
		}
	}
	return dest, nil
}

// within reports whether path p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// WriteDir writes site to dest as a whole: into a temporary folder beside
// it, then swapped in by rename, so that dest never holds half a build.
func WriteDir(dest string, site Site) error {
	parent, base := filepath.Split(filepath.Clean(dest))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".affsite-serve-"+base+"-")
	if err != nil {
		return err
	}
	if err := writeFiles(tmp, site); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	old := tmp + "-old"
	if err := os.Rename(dest, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Rename(old, dest)
		os.RemoveAll(tmp)
		return err
	}
	return os.RemoveAll(old)
}

func writeFiles(root string, site Site) error {
	made := map[string]bool{}
	for _, name := range site.Names() {
		if clean := path.Clean("/" + name)[1:]; clean != name || clean == "" {
			return fmt.Errorf("output path %q is not clean", name)
		}
		data, ok := site.File(name)
		if !ok {
			continue
		}
		full := filepath.Join(root, filepath.FromSlash(name))
		if dir := filepath.Dir(full); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
