package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// vcsDirs are folders of a site that hold its history: never an output,
// nor inside one, whatever the build reads.
var vcsDirs = [...]string{".git", ".hg", ".svn"}

// resolve returns p made absolute with every symbolic link of the part
// that exists resolved; the part that does not exist yet is kept as given.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	cur, rest := abs, ""
	for {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// within reports whether p is dir or inside it; both are clean and
// absolute.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// checkPlace refuses an output folder by where it is, before anything is
// read or written: a root, the home folder, the site or a folder above
// it, or a place inside one of the site's source folders. dest and site
// are resolved; given is dest as the user wrote it.
func checkPlace(given, dest, site string, protect []string) error {
	refuse := func(reason string) error {
		return &Refusal{Path: given, Reason: reason, Advice: adviceChoose}
	}
	if dest == filepath.Dir(dest) {
		return refuse("it is a file system root")
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if h, err := resolve(home); err == nil && dest == h {
			return refuse("it is the home folder")
		}
	}
	switch {
	case dest == site:
		return refuse("it is the site's source folder")
	case within(site, dest):
		return refuse("it holds the site's source")
	}
	dirs := append(append([]string(nil), protect...), vcsDirs[:]...)
	for _, d := range dirs {
		src := filepath.Join(site, filepath.FromSlash(d))
		if r, err := resolve(src); err == nil {
			src = r
		}
		switch {
		case dest == src:
			return refuse("it is the site's " + d + "/ folder")
		case within(dest, src):
			return refuse("it is inside the site's " + d + "/ folder")
		case within(src, dest):
			return refuse("it holds the site's " + d + "/ folder")
		}
	}
	return nil
}
