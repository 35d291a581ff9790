package programs

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// Load reads every program file (.yaml, .yml, .toml, .json) in dir of fsys
// and returns them as a set. A missing dir gives an empty set. Problems in
// any file, and two files with the same id, are returned together as an
// [ErrorList], with file names of the form dir/name.
func Load(fsys fs.FS, dir string) (*Set, error) {
	dirEntries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return NewSet(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("programs: %w", err)
	}
	var (
		progs []*Program
		errs  ErrorList
		files = make(map[string]string) // id → first file
	)
	for _, de := range dirEntries { // sorted by name, so errors are stable
		if de.IsDir() || !isDataFile(de.Name()) {
			continue
		}
		file := path.Join(dir, de.Name())
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs = append(errs, &Error{File: file, Line: 1, Msg: err.Error()})
			continue
		}
		id := strings.TrimSuffix(de.Name(), path.Ext(de.Name()))
		if first, dup := files[id]; dup {
			errs = append(errs, &Error{File: file, Line: 1,
				Msg: fmt.Sprintf("program id %q is already defined by %s", id, first)})
			continue
		}
		files[id] = file
		p, err := Parse(file, src)
		var list ErrorList
		switch {
		case errors.As(err, &list):
			errs = append(errs, list...)
		case err != nil:
			errs = append(errs, &Error{File: file, Line: 1, Msg: err.Error()})
		default:
			progs = append(progs, p)
		}
	}
	if err := errs.sorted(); err != nil {
		return nil, err
	}
	return NewSet(progs...), nil
}

// isDataFile reports whether name has a program file extension.
func isDataFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml", ".toml", ".json":
		return true
	}
	return false
}
