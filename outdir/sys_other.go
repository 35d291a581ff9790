//go:build !unix

package outdir

import "os"

// writeFile is os.WriteFile(name, data, 0o644) (sys_unix.go says why
// unix systems have their own).
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// removeFolder removes the empty folder name.
func removeFolder(name string) error { return os.Remove(name) }
