package generator

import (
	"crypto/sha256"
	"debug/elf"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/affsite/affsite/internal/version"
)

// binaryID names the running affsite for the build cache: its release
// and what identifies its executable's bytes, so that a build from
// changed source never reads the cache of another.
//
// On ELF systems that is the Go build ID the linker wrote, whose last
// part is a hash of the executable's contents (the go command rewrites
// it after linking): reading it costs a few hundred bytes instead of
// hashing the whole binary (tens of MB, 0.1 s) on every build. Where
// there is none (another format, or -buildid= left it empty) the
// executable is hashed.
func binaryID() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if id := goBuildID(exe); id != "" {
		return fmt.Sprintf("%s go-build-id %s", version.Release, id), nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s %x", version.Release, h.Sum(nil)[:16]), nil
}

// goBuildID returns the Go build ID in the ELF file exe's
// .note.go.buildid section ("actionID/…/contentID"), or "" when it has
// none or it does not have the form the go command writes.
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil || sec.Size > 4096 {
		return ""
	}
	data, err := sec.Data()
	// The note: name size, description size, type (4), "Go\x00\x00",
	// then the ID.
	if err != nil || len(data) < 16 || string(data[12:16]) != "Go\x00\x00" {
		return ""
	}
	size := f.ByteOrder.Uint32(data[4:8])
	if f.ByteOrder.Uint32(data[0:4]) != 4 || f.ByteOrder.Uint32(data[8:12]) != 4 || uint64(size) > uint64(len(data)-16) {
		return ""
	}
	id := string(data[16 : 16+size])
	// A content hash needs the part after the last slash; an ID the
	// linker was told to leave out or set by hand may lack it.
	if i := strings.LastIndexByte(id, '/'); i < 0 || len(id)-i-1 < 16 {
		return ""
	}
	return id
}
