package generator

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/affsite/affsite/diag"
)

// maxSourceFile is the largest file affsite reads from a site: content,
// data, layouts, static files, theme files and the configuration. It is
// the one size limit, stated in the README.
const maxSourceFile = 64 << 20

// readSourceFile reads a file of the site. full is its path on disk,
// display the path shown in messages ("content/posts/x.md"); errors read
// "display: message", never naming full, and keep fs.ErrNotExist and the
// like for errors.Is.
func readSourceFile(full, display string) ([]byte, error) {
	data, err := readRegular(full, sourceKind(display))
	if err != nil {
		return nil, diag.Errorf(display, 0, 0, diag.Source, "%w", err)
	}
	return data, nil
}

// readRegular reads a regular file of at most maxSourceFile bytes. It
// refuses anything else (a FIFO, a device, a socket, a symlink to one of
// them) before opening it, since opening a FIFO blocks and reading a
// device need never end. Its errors do not name the file; kind ("content
// file") is what the size message calls it.
func readRegular(full, kind string) ([]byte, error) {
	st, err := os.Stat(full)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	m := st.Mode()
	switch {
	case m.IsDir():
		return nil, errors.New("is a folder, not a file")
	case m&fs.ModeNamedPipe != 0:
		return nil, errors.New("is a named pipe (FIFO), not a regular file")
	case m&fs.ModeSocket != 0:
		return nil, errors.New("is a socket, not a regular file")
	case m&fs.ModeDevice != 0:
		return nil, errors.New("is a device, not a regular file")
	case !m.IsRegular():
		return nil, errors.New("is not a regular file")
	case st.Size() > maxSourceFile:
		return nil, tooLarge(st.Size(), kind)
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	// The file may have been replaced since the Stat: check what was
	// opened, and never read more than the limit.
	if st2, err := f.Stat(); err != nil || !os.SameFile(st, st2) {
		return nil, errors.New("file changed while it was read")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSourceFile+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if len(data) > maxSourceFile {
		return nil, tooLarge(int64(len(data)), kind)
	}
	return data, nil
}

func tooLarge(size int64, kind string) error {
	return fmt.Errorf("file is %d MB, larger than the %d MB a %s may be", size>>20, maxSourceFile>>20, kind)
}

// sourceKind names what a file of the site is, by its top folder.
func sourceKind(display string) string {
	top, _, _ := strings.Cut(display, "/")
	switch top {
	case "content":
		return "content file"
	case "data":
		return "data file"
	case "layouts":
		return "layout"
	case "static":
		return "static file"
	case "themes":
		return "theme file"
	}
	return "site file"
}

// sourceFS is a site folder (or one below it) as an fs.FS whose files
// are read through readSourceFile: a FIFO or device is an error naming
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
	full, err := s.full("open", name)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(full)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPathError(err)}
	}
	if !st.IsDir() {
		data, err := s.ReadFile(name)
		if err != nil {
			return nil, err
		}
		return &memFile{info: st, r: strings.NewReader(string(data))}, nil
	}
	return os.Open(full)
}

// ReadFile implements fs.ReadFileFS. Its error does not name the file
// (callers add the name, as they do with os.DirFS's after
// unwrapPathError).
func (s sourceFS) ReadFile(name string) ([]byte, error) {
	full, err := s.full("read", name)
	if err != nil {
		return nil, err
	}
	return readRegular(full, sourceKind(path.Join(s.display, name)))
}

// Stat implements fs.StatFS.
func (s sourceFS) Stat(name string) (fs.FileInfo, error) {
	full, err := s.full("stat", name)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(full)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: unwrapPathError(err)}
	}
	return st, nil
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
