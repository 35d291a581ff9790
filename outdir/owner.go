package outdir

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/affsite/affsite/buildcache"
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
// it. A walk reads only the folders that walk.known does not vouch for,
// and the index of what it found is returned (nil without a walk).
func inspect(given, dest, site string, walk *folderWalk) (state, *folderIndex, error) {
	refuse := func(reason string) (state, *folderIndex, error) {
		return 0, nil, &Refusal{Path: given, Reason: reason, Advice: adviceDelete}
	}
	st, err := os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return absent, nil, nil
	case err != nil:
		return 0, nil, err
	case st.Mode()&fs.ModeSymlink != 0:
		return refuse("it is a symbolic link to nothing")
	case !st.IsDir():
		return refuse("it is a file, not a folder")
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return 0, nil, err
	}
	if len(entries) == 0 {
		return empty, nil, nil
	}
	names, sum, err := readManifest(dest)
	if err != nil {
		return 0, nil, err
	}
	if names == nil {
		if looksLikeHugo(dest, site) {
			return hugo, nil, nil
		}
		return refuse("it is not empty and affsite did not write it")
	}
	if walk == nil {
		return owned, nil, nil
	}
	extra, seen, err := walk.strangers(dest, names, sum)
	if err != nil {
		return 0, nil, err
	}
	if len(extra) > 0 {
		return refuse(fmt.Sprintf("it holds %s affsite did not write (%s)", plural.N(len(extra), "file"), sample(extra)))
	}
	return owned, seen, nil
}

// readManifest returns the paths an output folder's manifest lists, or
// nil when the folder has no manifest, and the SHA-256 of the manifest
// (what a folder index was read against).
func readManifest(dir string) (map[string]bool, buildcache.Sum, error) {
	p := filepath.Join(dir, ManifestName)
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, buildcache.Sum{}, nil
	}
	if err != nil {
		return nil, buildcache.Sum{}, err
	}
	if !st.Mode().IsRegular() {
		return nil, buildcache.Sum{}, nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, buildcache.Sum{}, err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	if !sc.Scan() || sc.Text() != manifestHeader {
		return nil, buildcache.Sum{}, nil
	}
	names := map[string]bool{}
	for sc.Scan() {
		names[sc.Text()] = true
	}
	if err := sc.Err(); err != nil {
		return nil, buildcache.Sum{}, fmt.Errorf("%s: %w", p, err)
	}
	return names, sha256.Sum256(b), nil
}

// writeManifest writes the manifest of the files in names into dir and
// returns its SHA-256.
func writeManifest(dir string, names []string) (buildcache.Sum, error) {
	sort.Strings(names)
	var b bytes.Buffer
	b.Grow(len(names) * 32)
	b.WriteString(manifestHeader)
	b.WriteByte('\n')
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return sha256.Sum256(b.Bytes()), os.WriteFile(filepath.Join(dir, ManifestName), b.Bytes(), 0o644)
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
