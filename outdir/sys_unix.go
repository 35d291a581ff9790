//go:build unix

package outdir

import (
	"io"
	"io/fs"
	"syscall"
)

// writeFile is os.WriteFile(name, data, 0o644) in three system calls:
// open, write, close. os.OpenFile also tries to register every regular
// file with the poller (an epoll_ctl that fails and four fcntl calls to
// set and clear non-blocking mode), five calls a file that a build of
// 10,000 pages makes 16,000 times.
func writeFile(name string, data []byte) error {
	fd, err := openFile(name)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = syscall.Write(fd, data[:min(len(data), maxWrite)])
		switch {
		case err == syscall.EINTR:
			err = nil
		case err == nil && n == 0:
			err = io.ErrShortWrite
		}
		data = data[max(n, 0):]
	}
	if cerr := syscall.Close(fd); err == nil && cerr != nil && cerr != syscall.EINTR {
		return &fs.PathError{Op: "close", Path: name, Err: cerr}
	}
	if err != nil {
		return &fs.PathError{Op: "write", Path: name, Err: err}
	}
	return nil
}

// maxWrite is the most one write call is given: macOS and the BSDs
// refuse a write of more than 2 GiB (os.File writes 1 GiB at a time too).
const maxWrite = 1 << 30

// openFile opens name for writing, created or truncated, as os.WriteFile
// does.
func openFile(name string) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
