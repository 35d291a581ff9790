package generator

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/affsite/affsite/internal/sitefile"
)

// sourceFS is a site folder (or one below it) as an fs.FS whose files
// are read through sitefile.Read: a FIFO or device is an error naming
// the file, never a blocked or endless read. Opening a folder works as
// in os.DirFS, so fs.WalkDir and fs.ReadDir do.
type sourceFS struct {
	dir     string // on disk
	display string // shown in messages: "static", "themes/x/layouts"
}

// newSourceFS returns the folder rel (slash-separated) of the site at root.
func newSourceFS(root, rel string) sourceFS {
	return sourceFS{dir: filepath.Join(root, filepath.FromSlash(rel)), display: rel}
}

func (s sourceFS) full(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(s.dir, filepath.FromSlash(name)), nil
}

// Open implements fs.FS. Only folders are opened; files are read with
// ReadFile.
func (s sourceFS) Open(name string) (fs.File, error) {
	full, st, err := s.stat("open", name)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return s.openFile(name, st)
	}
	return os.Open(full)
}

// openFile reads the regular file name (whose info is st) whole, so that
// it is checked as ReadFile checks it.
func (s sourceFS) openFile(name string, st fs.FileInfo) (fs.File, error) {
	data, err := s.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return &memFile{info: st, r: strings.NewReader(string(data))}, nil
}

// ReadFile implements fs.ReadFileFS. Its error does not name the file
// (callers add the name, as they do with os.DirFS's after
// sitefile.UnwrapPathError).
func (s sourceFS) ReadFile(name string) ([]byte, error) {
	full, err := s.full("read", name)
	if err != nil {
		return nil, err
	}
	return sitefile.ReadRegular(full, sitefile.Kind(path.Join(s.display, name)))
}

// Stat implements fs.StatFS.
func (s sourceFS) Stat(name string) (fs.FileInfo, error) {
	_, st, err := s.stat("stat", name)
	return st, err
}

// stat resolves name and stats it; its error is an fs.PathError for op.
func (s sourceFS) stat(op, name string) (full string, st fs.FileInfo, err error) {
	if full, err = s.full(op, name); err != nil {
		return "", nil, err
	}
	if st, err = os.Stat(full); err != nil {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: sitefile.UnwrapPathError(err)}
	}
	return full, st, nil
}

// memFile is a file already read, as an fs.File.
type memFile struct {
	info fs.FileInfo
	r    *strings.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *memFile) Close() error               { return nil }

var _ fs.ReadFileFS = sourceFS{}
var _ fs.StatFS = sourceFS{}
