package outdir

import (
	"crypto/sha256"
	"os"
	"path"
	"time"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/internal/fileid"
	"github.com/affsite/affsite/internal/sitefile"
)

// A folder index spares a build the walk of every folder of its output
// and its spare (strangers): ten thousand folders of a large site, an
// open and a read of each, twice, before every build. It records, for
// every folder of a tree that a walk found holding only folders and the
// files a manifest lists, the folder's device, inode and change time as
// the walk read it. A folder whose entries change (a file or folder
// added, removed, renamed or swapped for a symbolic link) gets a new
// change time, which no one can set back, so the next walk reads again
// only the folders whose stat data are not the recorded ones, and takes
// the others' subfolders from the index; git's index does the same for
// files. A folder read less than a window after it last changed is
// recorded but not vouched for (an edit in the same clock tick as the
// read could leave its change time as it was), nor is one on a system
// that gives no change time. The index is the cache's, beside the spare
// (indexPath), holding one part for the output folder and one for the
// spare; nothing in it is trusted but what a folder's own stat data
// confirm, so a stale, foreign or restored index costs a walk, never
// a stranger missed.

// folderWindow is how long after a folder last changed it must have been
// read for its entry to vouch for it: the coarsest clock a file system
// keeps change times at (FAT's two seconds) and a second more, for the
// kernel's clock, which lags time.Now by up to a tick, so that a change
// after the read always moves the folder's change time.
const folderWindow = 3 * time.Second

// folder is one folder's entry in a folderIndex.
type folder struct {
	id fileid.ID
	// sure says the folder was read at least a window after its change
	// time: stat data equal to id vouch for its entries.
	sure bool
}

// folderIndex is what a walk of one tree found: every folder, by slash
// path ("." the top), read against the manifest whose SHA-256 is sum.
type folderIndex struct {
	sum     buildcache.Sum
	folders map[string]folder
	kids    map[string][]string // each folder's subfolders, made by index
	read    int                 // how many folders the walk read (not written to the file)
}

// index fills kids from folders.
func (x *folderIndex) index() {
	x.kids = map[string][]string{}
	for p := range x.folders {
		if p != "." {
			parent := path.Dir(p)
			x.kids[parent] = append(x.kids[parent], p)
		}
	}
}

// vouches tells whether the folder rel, whose stat data are now id, is
// the one x recorded and read long enough after it changed.
func (x *folderIndex) vouches(rel string, id fileid.ID) bool {
	if x == nil {
		return false
	}
	f, ok := x.folders[rel]
	return ok && f.sure && f.id == id
}

// readFolder is the entry of a folder whose entries were read after its
// stat data id were taken at start.
func readFolder(id fileid.ID, ok bool, start time.Time, window time.Duration) folder {
	return folder{id: id, sure: ok && id.ChangeTime != 0 && id.ChangeTime < start.Add(-window).UnixNano()}
}

// folderIndexes is the index file's two parts.
type folderIndexes struct {
	output, spare *folderIndex
}

// indexHeader starts an index file; its last 32 bytes are the SHA-256
// of what comes before.
const indexHeader = "affsite folder index 1\n"

// indexPath is where the folder index of the spare at spare is kept.
func indexPath(spare string) string { return spare + ".folders" }

// loadIndexes reads the index file at p and removes it, so that a build
// that dies before writing its own leaves none behind; a missing,
// truncated or corrupted file reads as no index.
func loadIndexes(p string) folderIndexes {
	b, err := sitefile.ReadOwn(p)
	os.Remove(p)
	n := len(b) - sha256.Size
	if err != nil || n < len(indexHeader) || string(b[:len(indexHeader)]) != indexHeader || sha256.Sum256(b[:n]) != buildcache.Sum(b[n:]) {
		return folderIndexes{}
	}
	d := buildcache.NewDecoder(b[len(indexHeader):n])
	x := folderIndexes{output: decodeIndex(d), spare: decodeIndex(d)}
	if d.Err() != nil {
		return folderIndexes{}
	}
	return x
}

// saveIndexes writes x to the index file at p; an index that cannot be
// written costs the next build a walk.
func saveIndexes(p string, x folderIndexes) {
	var e buildcache.Encoder
	encodeIndex(&e, x.output)
	encodeIndex(&e, x.spare)
	b := append([]byte(indexHeader), e.Bytes()...)
	sum := sha256.Sum256(b)
	if os.WriteFile(p, append(b, sum[:]...), 0o644) != nil {
		os.Remove(p)
	}
}

// encodeIndex appends x (nil: none) to e.
func encodeIndex(e *buildcache.Encoder, x *folderIndex) {
	if x == nil {
		x = &folderIndex{}
	}
	e.Sum(x.sum)
	e.Uint(uint64(len(x.folders)))
	for p, f := range x.folders {
		e.String(p)
		e.Uint(f.id.Dev)
		e.Uint(f.id.Ino)
		e.Int(f.id.ChangeTime)
		e.Bool(f.sure)
	}
}

// decodeIndex reads what encodeIndex wrote; an empty index reads as nil.
func decodeIndex(d *buildcache.Decoder) *folderIndex {
	x := &folderIndex{sum: d.Sum()}
	n := d.Len(5)
	if n == 0 {
		return nil
	}
	x.folders = make(map[string]folder, n)
	for range n {
		p := d.String()
		x.folders[p] = folder{id: fileid.ID{Dev: d.Uint(), Ino: d.Uint(), ChangeTime: d.Int()}, sure: d.Bool()}
	}
	x.index()
	return x
}
