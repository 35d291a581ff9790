// Package buildcache is the on-disk format of affsite's build cache: a
// state recording, for each entry (a content page, a list pager, a
// feed), the key of everything its output depends on and the files it
// wrote, and a folder of objects holding those files' bytes, which a
// later build hard-links into its output instead of rendering again.
// The state is a small index file naming segments, each holding the
// entries of one shard of the ids (state.go), so that a build that
// changed a few entries writes a few segments, not the whole state.
//
// The package knows nothing of pages: the generator computes the keys
// and decides what an entry is. What it guarantees is that a state file
// is trusted only when it is whole and of this format and version (a
// corrupted, truncated or other-version file reads as an empty cache),
// that the state is replaced atomically, and that an object is handed
// out only when it is still the file that was recorded.
package buildcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/affsite/affsite/internal/fileid"
	"github.com/affsite/affsite/internal/sitefile"
)

// Format is the state file's format number; a file of another format is
// ignored.
const Format = 4

// StateName is the state file's (the index's) name inside the cache
// folder.
const StateName = "state"

// objectsDir is the folder, inside the cache folder, of the objects.
const objectsDir = "objects"

const magic = "affsite build cache"

// Sum is a SHA-256 key.
type Sum [sha256.Size]byte

// String is the key in hex.
func (s Sum) String() string { return hex.EncodeToString(s[:]) }

// File is one output file an entry wrote.
type File struct {
	Name    string // output path, "posts/x/index.html"
	Size    int64
	ModTime int64 // of the object, in nanoseconds: a file changed in place is not reused
	// Sum is the file's SHA-256, checked when the modification time
	// differs: CI caches (tar) keep times to the second only.
	Sum Sum
	// Dev and Inode are the object's (fileid.go; zero where the system
	// gives none): an output file that is the object by hard link is
	// checked by its own stat data alone.
	Dev, Inode uint64
}

// Entry is what the cache knows of one entry's last build.
type Entry struct {
	Key   Sum
	Files []File
	// Meta is what the generator restores when it reuses the entry
	// (a page's affiliate links, say), in its own encoding.
	Meta []byte
}

// Cache is a cache folder opened for one build: what the last build
// recorded, and what this one records. It is safe for concurrent use.
type Cache struct {
	dir     string
	version string

	prev map[string]Entry
	// read tells whether the index was read whole: objects not named
	// by it may then be left by older formats or dead builds.
	read bool
	// segs are the segments as read, by shard; zero for a shard that
	// has no entries or whose segment could not be trusted.
	segs  [shards]Sum
	count [shards]int // entries of each shard in prev

	mu   sync.Mutex
	next map[string]Entry
	// changed marks the shards where this build recorded an entry that
	// differs from the last build's.
	changed [shards]bool
}

// Open reads the cache in dir for a build by affsite version (any string
// that changes when affsite's output may change). A missing, corrupted,
// truncated or other-format or other-version state reads as empty (a
// damaged segment as a shard without entries); only an error reading a
// state file that is there is returned, with an empty cache, so a
// caller may warn and go on.
func Open(dir, version string) (*Cache, error) {
	c := &Cache{dir: dir, version: version, prev: map[string]Entry{}, next: map[string]Entry{}}
	data, err := sitefile.ReadOwn(filepath.Join(dir, StateName))
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("%s: %w", StateName, err)
	}
	if segs, ok := decodeIndex(data, version); ok {
		c.read = true
		c.readSegments(segs)
	}
	return c, nil
}

// header is the state file's first line: its format and the version of
// affsite that wrote it, then the checksum of the body that follows.
func header(version string, body []byte) string {
	sum := sha256.Sum256(body)
	return fmt.Sprintf("%s %d %q %x\n", magic, Format, version, sum)
}

// Lookup returns the last build's entry id when its key is key.
func (c *Cache) Lookup(id string, key Sum) (Entry, bool) {
	e, ok := c.prev[id]
	if !ok || e.Key != key {
		return Entry{}, false
	}
	return e, true
}

// Last returns the last build's entry id, whatever its key.
func (c *Cache) Last(id string) (Entry, bool) {
	e, ok := c.prev[id]
	return e, ok
}

// Record sets this build's entry id; Save writes it.
func (c *Cache) Record(id string, e Entry) {
	last, had := c.prev[id]
	same := had && sameEntry(last, e)
	c.mu.Lock()
	c.next[id] = e
	if !same {
		c.changed[shardOf(id)] = true
	}
	c.mu.Unlock()
}

// Len tells how many entries this build recorded.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.next)
}

// Object is the path of the object holding output file name of an entry
// whose key is key. The bytes of an output are a function of its key,
// so an object never changes once written, only appears or goes.
func (c *Cache) Object(key Sum, name string) string {
	h := sha256.New()
	h.Write(key[:])
	io.WriteString(h, name)
	s := hex.EncodeToString(h.Sum(nil))
	return filepath.Join(c.dir, objectsDir, s[:2], s[2:])
}

// Check tells whether the object at path is still the file f recorded:
// there, regular, of its size, and of its modification time or, failing
// that, of its checksum (the time is then set back, for the next build).
func Check(path string, f File) bool {
	st, err := os.Lstat(path)
	return err == nil && checkInfo(path, st, f)
}

// Holds tells whether the file at path is the object of f (an entry's
// file, key its key) by hard link, and that object is still the file f
// recorded (Check): a build that starts from its previous output keeps
// such a file as it is. A file of the object's device, inode, size and
// modification time is it, whether or not the object's name is still
// there: one stat call a file, not two, in a warm build.
func (c *Cache) Holds(key Sum, f File, path string) bool {
	at, err := os.Lstat(path)
	if err != nil {
		return false
	}
	if id, ok := fileid.Of(at); ok && f.Inode != 0 && id.Dev == f.Dev && id.Ino == f.Inode &&
		at.Mode().IsRegular() && at.Size() == f.Size && at.ModTime().UnixNano() == f.ModTime {
		return true
	}
	obj := c.Object(key, f.Name)
	st, err := os.Lstat(obj)
	return err == nil && os.SameFile(at, st) && checkInfo(obj, st, f)
}

// checkInfo is Check of the file at path, whose Lstat is st.
func checkInfo(path string, st fs.FileInfo, f File) bool {
	if !st.Mode().IsRegular() || st.Size() != f.Size {
		return false
	}
	if st.ModTime().UnixNano() == f.ModTime {
		return true
	}
	sum, err := SumFile(path)
	if err != nil || sum != f.Sum {
		return false
	}
	t := timeOf(f.ModTime)
	return os.Chtimes(path, t, t) == nil
}

// SumFile is the SHA-256 of the file at path.
func SumFile(path string) (Sum, error) {
	var s Sum
	f, err := os.Open(path)
	if err != nil {
		return s, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return s, err
	}
	h.Sum(s[:0])
	return s, nil
}

// replaceWith has fill write a new temporary file beside name (at tmp,
// which does not exist yet), then renames it to name, so that a reader of
// name sees the old file or the new one, never part of one. The
// temporary file is removed on any error.
func replaceWith(name string, fill func(tmp string) error) error {
	tmp := fmt.Sprintf("%s.tmp-%d-%d", name, os.Getpid(), rand.Uint64())
	err := fill(tmp)
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// writeNew writes r's bytes to a new file at name with permissions perm,
// synced to the disk when sync is set.
func writeNew(name string, perm fs.FileMode, sync bool, r io.Reader) error {
	out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, r)
	if err == nil && sync {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// Put makes the object for output file name of an entry whose key is key
// from the file at src (the output just written): a hard link where the
// cache and the output share a file system, a copy elsewhere. It
// returns the object's File record.
func (c *Cache) Put(key Sum, name, src string) (File, error) {
	obj, f, err := c.put(key, name, func(tmp string) error {
		if os.Link(src, tmp) == nil {
			return nil
		}
		return copyFile(src, tmp)
	})
	if err != nil {
		return File{}, err
	}
	if f.Sum, err = SumFile(obj); err != nil {
		return File{}, err
	}
	return f, nil
}

// PutBytes makes the object for output file name of an entry whose key
// is key from data (an output held in memory, a preview's), and returns
// its File record; the sum is of data, not read back. The object has
// an output file's mode (0644 less the umask), since a later build may
// hard-link it into the output folder a web server reads.
func (c *Cache) PutBytes(key Sum, name string, data []byte) (File, error) {
	_, f, err := c.put(key, name, func(tmp string) error {
		return writeNew(tmp, 0o644, false, bytes.NewReader(data))
	})
	if err != nil {
		return File{}, err
	}
	f.Sum = sha256.Sum256(data)
	return f, nil
}

// put makes the object for output file name of an entry whose key is key,
// its bytes written by fill (see replaceWith), and returns its path and
// its File record but for the sum.
func (c *Cache) put(key Sum, name string, fill func(tmp string) error) (string, File, error) {
	obj := c.Object(key, name)
	if err := os.MkdirAll(filepath.Dir(obj), 0o755); err != nil {
		return "", File{}, err
	}
	if err := replaceWith(obj, fill); err != nil {
		return "", File{}, err
	}
	st, err := os.Lstat(obj)
	if err != nil {
		return "", File{}, err
	}
	f := File{Name: name, Size: st.Size(), ModTime: st.ModTime().UnixNano()}
	id, _ := fileid.Of(st)
	f.Dev, f.Inode = id.Dev, id.Ino
	return obj, f, nil
}

// Read returns the bytes of the object of f (an entry's file, key its
// key), or an error when the object is gone or is no longer what f
// recorded: its size, and its modification time or, failing that, its
// checksum, all of the bytes read.
func (c *Cache) Read(key Sum, f File) ([]byte, error) {
	obj := c.Object(key, f.Name)
	file, err := os.Open(obj)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() != f.Size {
		return nil, fmt.Errorf("%s: cached object changed", f.Name)
	}
	data := make([]byte, f.Size)
	if _, err := io.ReadFull(file, data); err != nil {
		return nil, err
	}
	if n, _ := file.Read(make([]byte, 1)); n > 0 || st.ModTime().UnixNano() != f.ModTime && Sum(sha256.Sum256(data)) != f.Sum {
		return nil, fmt.Errorf("%s: cached object changed", f.Name)
	}
	return data, nil
}

// Get puts the object of f (an entry's file, key its key) at dst: a hard
// link, or a copy with the object's modification time. It fails, leaving
// nothing at dst, when the object is gone or no longer what f recorded.
func (c *Cache) Get(key Sum, f File, dst string) error {
	obj := c.Object(key, f.Name)
	if !Check(obj, f) {
		return fmt.Errorf("%s: cached object changed or gone", f.Name)
	}
	if err := os.Link(obj, dst); err != nil {
		if err := copyFile(obj, dst); err != nil {
			os.Remove(dst)
			return err
		}
		t := timeOf(f.ModTime)
		if err := os.Chtimes(dst, t, t); err != nil {
			os.Remove(dst)
			return err
		}
	}
	// The link shares the object's inode: checking it again closes the
	// window between the first check and the link.
	if !Check(dst, f) {
		os.Remove(dst)
		return fmt.Errorf("%s: cached object changed while linked", f.Name)
	}
	return nil
}

// copyFile copies the file at src to a new file at dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeNew(dst, 0o644, false, in)
}

func timeOf(ns int64) time.Time { return time.Unix(0, ns) }
