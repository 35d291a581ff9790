//go:build !unix

package outdir

import "os"

// writeFile is os.WriteFile(name, data, 0o644) (sys_unix.go says why
// unix systems have their own).
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
