package outdir

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/affsite/affsite/internal/plural"
)

// ManifestName is the file, at the root of an output folder, that records
// the folder as affsite's: its first line is manifestHeader, then one
// slash-separated path per line, every file the build wrote.
const ManifestName = ".affsite-manifest"

const manifestHeader = "affsite output manifest 1: the files affsite wrote here; affsite replaces this folder only while it holds no other file"

// state is what an existing output folder is, as far as replacing it goes.
type state int

const (
	absent state = iota // nothing there yet
	empty               // an empty folder
	owned               // a folder affsite wrote, holding only what it wrote
	hugo                // a folder Hugo wrote: moved aside, never deleted
)

// inspect tells whether dest may be replaced, or refuses it. Only
// folders affsite wrote and nothing else was added to, empty folders and
// Hugo's output (which is moved aside) pass. Without walk, a folder with
// a manifest passes without its files being compared with it: Open
// makes that quick check before taking the lock and the whole one under
// it.
func inspect(given, dest, site string, walk bool) (state, error) {
	refuse := func(reason string) (state, error) {
		return 0, &Refusal{Path: given, Reason: reason, Advice: adviceDelete}
	}
	st, err := os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return absent, nil
	case err != nil:
		return 0, err
	case st.Mode()&fs.ModeSymlink != 0:
		return refuse("it is a symbolic link to nothing")
	case !st.IsDir():
		return refuse("it is a file, not a folder")
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return 0, err
	}
	if len(entries) == 0 {
		return empty, nil
	}
	names, err := readManifest(dest)
	if err != nil {
		return 0, err
	}
	if names == nil {
		if looksLikeHugo(dest, site) {
			return hugo, nil
		}
		return refuse("it is not empty and affsite did not write it")
	}
	if !walk {
		return owned, nil
	}
	extra, err := strangers(dest, names)
	if err != nil {
		return 0, err
	}
	if len(extra) > 0 {
		return refuse(fmt.Sprintf("it holds %s affsite did not write (%s)", plural.N(len(extra), "file"), sample(extra)))
	}
	return owned, nil
}

// readManifest returns the paths an output folder's manifest lists, or
// nil when the folder has no manifest.
func readManifest(dir string) (map[string]bool, error) {
	p := filepath.Join(dir, ManifestName)
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	if !sc.Scan() || sc.Text() != manifestHeader {
		return nil, nil
	}
	names := map[string]bool{}
	for sc.Scan() {
		names[sc.Text()] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return names, nil
}

// writeManifest writes the manifest of the files in names into dir.
func writeManifest(dir string, names []string) error {
	sort.Strings(names)
	var b bytes.Buffer
	b.Grow(len(names) * 32)
	b.WriteString(manifestHeader)
	b.WriteByte('\n')
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return os.WriteFile(filepath.Join(dir, ManifestName), b.Bytes(), 0o644)
}

// strangers lists the files under dir that names does not hold, in the
// order of a walk (filepath.WalkDir's: by name, a folder's files where
// its name falls). Folders are not listed: an empty folder holds nothing
// to lose. The folders are read on several goroutines: a large site's
// output is ten thousand of them, a ReadDir each, before every build.
func strangers(dir string, names map[string]bool) ([]string, error) {
	w := &strangerWalk{root: dir, names: names, sem: make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))}
	w.walk("")
	w.wg.Wait()
	if w.err != nil {
		return nil, w.err
	}
	// '/' before every other byte: a folder's files come where its name
	// falls, as in a walk.
	key := func(p string) string { return strings.ReplaceAll(p, "/", "\x00") }
	sort.Slice(w.extra, func(i, j int) bool { return key(w.extra[i]) < key(w.extra[j]) })
	return w.extra, nil
}

// strangerWalk is one strangers call.
type strangerWalk struct {
	root  string
	names map[string]bool
	sem   chan struct{} // a token for each goroutine beyond the caller's
	wg    sync.WaitGroup

	mu    sync.Mutex
	extra []string
	err   error
}

// walk lists the strangers under the folder rel ("" for the root), its
// subfolders on a goroutine of their own while a token is free.
func (w *strangerWalk) walk(rel string) {
	entries, err := os.ReadDir(filepath.Join(w.root, filepath.FromSlash(rel)))
	if err != nil {
		w.mu.Lock()
		w.err = cmp.Or(w.err, err)
		w.mu.Unlock()
		return
	}
	for _, e := range entries {
		r := path.Join(rel, e.Name())
		switch {
		case e.IsDir():
			select {
			case w.sem <- struct{}{}:
				w.wg.Go(func() {
					w.walk(r)
					<-w.sem
				})
			default:
				w.walk(r)
			}
		case r != ManifestName && (!w.names[r] || !e.Type().IsRegular()):
			w.mu.Lock()
			w.extra = append(w.extra, r)
			w.mu.Unlock()
		}
	}
}

// looksLikeHugo reports whether dest is the output of a Hugo build: its
// home page says Hugo generated it, or the site has a Hugo configuration
// and dest holds a home page and Hugo's feed or sitemap.
func looksLikeHugo(dest, site string) bool {
	if f, err := os.Open(filepath.Join(dest, "index.html")); err == nil {
		head, _ := io.ReadAll(io.LimitReader(f, 64<<10))
		f.Close()
		h := strings.ToLower(string(head))
		if strings.Contains(h, `name="generator" content="hugo`) || strings.Contains(h, `name=generator content="hugo`) {
			return true
		}
	} else {
		return false
	}
	hasFile := func(dir, name string) bool {
		st, err := os.Stat(filepath.Join(dir, name))
		return err == nil && st.Mode().IsRegular()
	}
	if hasFile(site, "site.toml") {
		return false
	}
	hugoConfig := false
	for _, c := range []string{"hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"} {
		hugoConfig = hugoConfig || hasFile(site, c)
	}
	return hugoConfig && (hasFile(dest, "index.xml") || hasFile(dest, "sitemap.xml"))
}

// sample names up to three of names.
func sample(names []string) string {
	if len(names) <= 3 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:3], ", ") + ", …"
}
