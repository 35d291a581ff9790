package outdir

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/fileid"
	"github.com/affsite/affsite/internal/sitetest"
)

// testWindow is the folder window of these tests, and settle how long
// they wait after a build so that its folders are older than it (and
// than the system's clock tick, which change times are taken at).
const (
	testWindow = time.Millisecond
	settle     = 30 * time.Millisecond
)

// indexedSite is a site of many folders for the folder index's tests.
func indexedSite(n int, home string) map[string]string {
	files := map[string]string{"index.html": home, "tags/t/index.html": "t"}
	for i := range n {
		files[fmt.Sprintf("posts/p%d/index.html", i)] = fmt.Sprint("post ", i)
	}
	return files
}

// indexedBuild builds files into dest with spare and the test window,
// keeping every file the spare holds unchanged, and returns the Dir for
// its checks.
func indexedBuild(t *testing.T, site, dest, spare string, files map[string]string) *Dir {
	t.Helper()
	d, err := Open(dest, Options{Site: site, Spare: spare, window: testWindow})
	if err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{}
	for n := range files {
		keep[n] = true
	}
	if _, err := fill(d, files, keep); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(settle)
	return d
}

// spareFolders makes a site folder and names an output folder and a
// spare for it.
func spareFolders(t *testing.T) (site, dest, spare string) {
	return t.TempDir(), filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "cache", "outputs", "x")
}

// TestFolderIndexReadsOnlyChanged: with the index of the last builds, a
// build reads again only the folders of its output and spare that
// changed, and each build still ends with exactly its files.
func TestFolderIndexReadsOnlyChanged(t *testing.T) {
	t.Parallel()
	site, dest, spare := spareFolders(t)
	const posts = 40
	total := posts + 4 // the top, posts/, tags/, tags/t/
	indexedBuild(t, site, dest, spare, indexedSite(posts, "home 1"))
	d := indexedBuild(t, site, dest, spare, indexedSite(posts, "home 2"))
	if d.outputSeen == nil || d.outputSeen.read != total {
		t.Fatalf("second build's walk of the output: %v, want all %d folders read (no index yet)", d.outputSeen != nil, total)
	}
	for i, home := range []string{"home 3", "home 4", "home 5"} {
		files := indexedSite(posts, home)
		files["posts/p7/index.html"] = home
		d = indexedBuild(t, site, dest, spare, files)
		if i > 0 && (d.outputSeen.read != 2 || d.spareSeen.read != 1) {
			t.Errorf("build %d read %d of the output's folders and %d of the spare's, want 2 and 1 (the output's top and posts/p7, which the last build wrote into, and the spare's top, which a swap renamed)", i+3, d.outputSeen.read, d.spareSeen.read)
		}
		if got := withoutManifest(readTree(t, dest)); !maps.Equal(got, files) {
			t.Fatalf("output of build %d = %s, want its files", i+3, treeString(got))
		}
	}
}

// A file added to a folder of the output or the spare that the index
// vouched for changes the folder's change time, so the folder is read
// again: the output is refused, the spare not taken (nor its walk kept
// as the index of the next output).
func TestFolderIndexSeesAddedFiles(t *testing.T) {
	t.Parallel()
	site, dest, spare := spareFolders(t)
	files := indexedSite(10, "home")
	for range 4 {
		indexedBuild(t, site, dest, spare, files)
	}
	sitetest.WriteInto(t, spare, map[string]string{"posts/p3/stray.html": "not the build's"})
	d := indexedBuild(t, site, dest, spare, files)
	if d.left != nil {
		t.Error("a spare holding a stray file was taken")
	}
	if d.spareSeen != nil {
		t.Error("the walk of a spare holding a stray file is kept as the index of the next output")
	}
	if got := withoutManifest(readTree(t, dest)); !maps.Equal(got, files) {
		t.Errorf("output = %s, want the build's files", treeString(got))
	}
	indexedBuild(t, site, dest, spare, files)
	sitetest.WriteInto(t, dest, map[string]string{"posts/p4/mine.html": "the user's"})
	_, err := Open(dest, Options{Site: site, Spare: spare, window: testWindow})
	var r *Refusal
	if !errors.As(err, &r) {
		t.Fatalf("Open of an output holding a file of the user's = %v, want a refusal", err)
	}
}

// A folder of the spare that the index vouched for, swapped for a
// symbolic link to a folder outside, makes no write or removal land
// there: the link is seen and the spare is not taken.
func TestFolderIndexSeesLinkedFolder(t *testing.T) {
	t.Parallel()
	site, dest, spare := spareFolders(t)
	elsewhere := t.TempDir()
	outside := map[string]string{"index.html": "not the build's", "other.html": "keep me"}
	sitetest.WriteInto(t, elsewhere, outside)
	files := indexedSite(10, "home")
	for range 4 {
		indexedBuild(t, site, dest, spare, files)
	}
	for _, link := range []string{"posts/p3", "tags"} {
		if err := os.RemoveAll(filepath.Join(spare, link)); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(elsewhere, filepath.Join(spare, link)); err != nil {
			t.Fatal(err)
		}
		changed := indexedSite(10, "home 2")
		changed["posts/p3/index.html"] = "p3 again"
		d := indexedBuild(t, site, dest, spare, changed)
		if d.left != nil {
			t.Errorf("%s a link: the spare was taken", link)
		}
		if got := readTree(t, elsewhere); !maps.Equal(got, outside) {
			t.Errorf("%s a link: the folder it points at = %s, want it unchanged", link, treeString(got))
		}
		if got := withoutManifest(readTree(t, dest)); !maps.Equal(got, changed) {
			t.Errorf("%s a link: output = %s, want the build's files", link, treeString(got))
		}
		indexedBuild(t, site, dest, spare, files)
		indexedBuild(t, site, dest, spare, files)
	}
}

// TestIndexFile: the index file reads back as written, once (it is
// removed as it is read); a changed, truncated or missing file reads as
// no index.
func TestIndexFile(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "x.folders")
	x := &folderIndex{sum: [32]byte{1}, folders: map[string]folder{
		".":     {id: fileid.ID{Dev: 1, Ino: 2, ChangeTime: 3}, sure: true},
		"posts": {id: fileid.ID{Dev: 1, Ino: 4, ChangeTime: -5}},
	}}
	saveIndexes(p, folderIndexes{spare: x})
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	got := loadIndexes(p)
	if got.output != nil || got.spare == nil || got.spare.sum != x.sum || !maps.Equal(got.spare.folders, x.folders) {
		t.Errorf("read back %+v, want the spare's index %+v", got, x)
	}
	if got.spare != nil && len(got.spare.kids["."]) != 1 {
		t.Errorf("kids of the top %v, want posts", got.spare.kids["."])
	}
	if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the index file is still there after it was read: %v", err)
	}
	bad := map[string][]byte{"missing": nil, "truncated": b[:len(b)-1], "changed": append([]byte(nil), b...)}
	bad["changed"][len(indexHeader)+1] ^= 1
	for name, data := range bad {
		if data != nil {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if got := loadIndexes(p); got.output != nil || got.spare != nil {
			t.Errorf("%s index file read as %+v, want none", name, got)
		}
	}
}

// TestReadFolderWindow: a folder read less than the window after its
// change time, or with no change time, is recorded but not vouched for.
func TestReadFolderWindow(t *testing.T) {
	t.Parallel()
	start := time.Unix(1000, 0)
	at := func(d time.Duration) fileid.ID { return fileid.ID{Ino: 7, ChangeTime: start.Add(d).UnixNano()} }
	for _, c := range []struct {
		id       fileid.ID
		ok, sure bool
	}{
		{at(-2 * time.Second), true, true},
		{at(-time.Second), true, false},
		{at(-time.Second / 2), true, false},
		{at(time.Second), true, false},
		{at(-2 * time.Second), false, false},
		{fileid.ID{Ino: 7}, true, false},
	} {
		if got := readFolder(c.id, c.ok, start, time.Second); got.sure != c.sure || got.id != c.id {
			t.Errorf("readFolder(%+v, %v) = %+v, want sure %v", c.id, c.ok, got, c.sure)
		}
	}
}
