// Package sitefile reads the files of a site (content, data, layouts,
// static files, themes, the configuration) under the one size limit,
// refusing anything that is not a regular file before opening it, and
// walks its folders, any of which may be missing.
package sitefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/affsite/affsite/diag"
)

// MaxSize is the largest file affsite reads from a site: content,
// data, layouts, static files, theme files and the configuration. It is
// the one size limit, stated in the README.
const MaxSize = 64 << 20

// Read reads a file of the site. full is its path on disk,
// display the path shown in messages ("content/posts/x.md"); errors read
// "display: message", never naming full, and keep fs.ErrNotExist and the
// like for errors.Is.
func Read(full, display string) ([]byte, error) { return ReadInto(full, display, nil) }

// ReadInto is Read into buf's space when it has room for the file
// (from buf[0]); else into a new buffer of the file's size.
func ReadInto(full, display string, buf []byte) ([]byte, error) {
	data, err := readRegular(full, Kind(display), buf)
	if err != nil {
		return nil, diag.Errorf(display, 0, 0, diag.Source, "%w", err)
	}
	return data, nil
}

// ReadRegular reads a regular file of at most MaxSize bytes. It
// refuses anything else (a FIFO, a device, a socket, a symlink to one of
// them) before opening it, since opening a FIFO blocks and reading a
// device need never end. Its errors do not name the file; kind ("content
// file") is what the size message calls it.
func ReadRegular(full, kind string) ([]byte, error) {
	return readRegular(full, kind, nil)
}

// readRegular is ReadRegular into buf's space when it has room.
func readRegular(full, kind string, buf []byte) ([]byte, error) {
	f, st, err := openRegular(full)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > MaxSize {
		return nil, tooLarge(st.Size(), kind)
	}
	data, err := readAll(f, buf, st.Size(), MaxSize+1)
	if err != nil {
		return nil, UnwrapPathError(err)
	}
	if len(data) > MaxSize {
		return nil, tooLarge(int64(len(data)), kind)
	}
	return data, nil
}

// ReadOwn reads a regular file affsite wrote for itself (a cache's
// state, an output's folder index), of any size. Like ReadRegular it
// refuses a FIFO, a device or a folder put in its place before opening
// it, so that a damaged cache makes a build start afresh, never hang.
func ReadOwn(full string) ([]byte, error) {
	f, st, err := openRegular(full)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readAll(f, nil, st.Size(), math.MaxInt64)
	if err != nil {
		return nil, UnwrapPathError(err)
	}
	return data, nil
}

// openRegular opens full for reading if it is a regular file (or a
// symlink to one), checked before the open and again on what was
// opened.
func openRegular(full string) (*os.File, fs.FileInfo, error) {
	st, err := os.Stat(full)
	if err != nil {
		return nil, nil, UnwrapPathError(err)
	}
	if err := regular(st.Mode()); err != nil {
		return nil, nil, err
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, nil, UnwrapPathError(err)
	}
	// The file may have been replaced since the Stat: check what was
	// opened.
	if st2, err := f.Stat(); err != nil || !os.SameFile(st, st2) {
		f.Close()
		return nil, nil, errors.New("file changed while it was read")
	}
	return f, st, nil
}

// regular says why a file of mode m is not a regular file, or nil.
func regular(m fs.FileMode) error {
	switch {
	case m.IsDir():
		return errors.New("is a folder, not a file")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("is a named pipe (FIFO), not a regular file")
	case m&fs.ModeSocket != 0:
		return errors.New("is a socket, not a regular file")
	case m&fs.ModeDevice != 0:
		return errors.New("is a device, not a regular file")
	case !m.IsRegular():
		return errors.New("is not a regular file")
	}
	return nil
}

// readAll reads f, whose size was size when it was opened, whole, but
// no more than limit bytes (a caller that sees limit bytes knows there is
// more), into buf's space when it has room. A file that did not change
// while it was read, as a site's files do not, is read into buf or one
// allocation of exactly its size, and a one-byte read into the stack
// sees its end: a page's source is read whole twice a build, and the one
// spare byte os.ReadFile asks for puts a file of a size class's exact
// size into the next class. One that grew is read on (readRest); one
// that shrank is what was read.
func readAll(f *os.File, buf []byte, size, limit int64) ([]byte, error) {
	want := max(0, min(size, limit))
	var data []byte
	if int64(cap(buf)) >= want {
		data = buf[:want]
	} else {
		data = make([]byte, want)
	}
	n, err := io.ReadFull(f, data)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return data[:n], nil // the file shrank
	}
	if err != nil {
		return nil, err
	}
	if int64(len(data)) == limit {
		return data, nil
	}
	var probe [1]byte
	n, err = f.Read(probe[:])
	if n == 0 && err == io.EOF {
		return data, nil
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	return readRest(io.LimitReader(f, limit-int64(len(data))-int64(n)), append(data, probe[:n]...))
}

// readRest appends what r has to data, the part of a file read so far,
// as io.ReadAll does.
func readRest(r io.Reader, data []byte) ([]byte, error) {
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func tooLarge(size int64, kind string) error {
	return fmt.Errorf("file is %d MB, larger than the %d MB a %s may be", size>>20, MaxSize>>20, kind)
}

// Kind names what a file of the site is, by its top folder.
func Kind(display string) string {
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

// UnwrapPathError gives the error inside an *fs.PathError, without the
// path (callers name the file as the site does), or err itself.
func UnwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// WalkDir is filepath.WalkDir over the folder root, which may be missing:
// a site's folders are all optional, so a missing one is an empty one.
func WalkDir(root string, fn fs.WalkDirFunc) error {
	return filepath.WalkDir(root, skipMissing(root, fn))
}

// WalkFS is WalkDir over fsys from its root, ".".
func WalkFS(fsys fs.FS, fn fs.WalkDirFunc) error {
	return fs.WalkDir(fsys, ".", skipMissing(".", fn))
}

// skipMissing is fn, ending the walk without an error when root is
// missing.
func skipMissing(root string, fn fs.WalkDirFunc) fs.WalkDirFunc {
	return func(p string, d fs.DirEntry, err error) error {
		if err != nil && p == root && errors.Is(err, fs.ErrNotExist) {
			return fs.SkipAll
		}
		return fn(p, d, err)
	}
}
