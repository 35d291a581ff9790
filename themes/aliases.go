package themes

import (
	"io"
	"io/fs"
	"path"
	"sort"
)

// shortcodeAliases maps the path of a template that another file holds
// to that file's path: Hugo's tweet, twitter and x shortcodes (and the
// _simple ones) render the same static card, so one template serves all
// five names. A site or theme that has a template of one of those names
// overrides that name only, as in Hugo.
func shortcodeAliases() map[string]string {
	const tweet = "layouts/shortcodes/tweet.html"
	return map[string]string{
		"layouts/shortcodes/twitter.html":        tweet,
		"layouts/shortcodes/twitter_simple.html": tweet,
		"layouts/shortcodes/x.html":              tweet,
		"layouts/shortcodes/x_simple.html":       tweet,
	}
}

// aliasFS is fsys with the aliases as files: each is listed in its
// folder and reads as the file it names.
type aliasFS struct {
	fsys    fs.FS
	aliases map[string]string // path → the path of the file it reads
}

// Open opens name, or the file an alias names under the alias's name.
func (a aliasFS) Open(name string) (fs.File, error) {
	if target, ok := a.aliases[name]; ok {
		f, err := a.fsys.Open(target)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return aliasFile{f, path.Base(name)}, nil
	}
	f, err := a.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if d, ok := f.(fs.ReadDirFile); ok && len(a.entriesIn(name)) > 0 {
		return &aliasDir{ReadDirFile: d, fsys: a, name: name}, nil
	}
	return f, nil
}

// ReadDir lists the folder name with the aliases in it, sorted by name.
func (a aliasFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(a.fsys, name)
	if err != nil {
		return nil, err
	}
	return a.merge(name, entries), nil
}

// merge adds the aliases of folder dir to its entries, sorted by name.
func (a aliasFS) merge(dir string, entries []fs.DirEntry) []fs.DirEntry {
	out := append(entries[:len(entries):len(entries)], a.entriesIn(dir)...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// entriesIn returns the aliases in folder dir whose file exists.
func (a aliasFS) entriesIn(dir string) []fs.DirEntry {
	var out []fs.DirEntry
	for p, target := range a.aliases {
		if path.Dir(p) != dir {
			continue
		}
		if info, err := fs.Stat(a.fsys, target); err == nil {
			out = append(out, fs.FileInfoToDirEntry(aliasInfo{info, path.Base(p)}))
		}
	}
	return out
}

// aliasFile is the file an alias names, under the alias's name.
type aliasFile struct {
	fs.File
	name string
}

// Stat is the file's, under the alias's name.
func (f aliasFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	if err != nil {
		return nil, err
	}
	return aliasInfo{info, f.name}, nil
}

// aliasInfo is a file's information under another name.
type aliasInfo struct {
	fs.FileInfo
	name string
}

// Name is the alias's.
func (i aliasInfo) Name() string { return i.name }

// aliasDir is an open folder that lists its aliases too.
type aliasDir struct {
	fs.ReadDirFile
	fsys    aliasFS
	name    string
	entries []fs.DirEntry // left to read, once read
	read    bool
}

// ReadDir reads the folder as fs.ReadDirFile says, aliases included.
func (d *aliasDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if !d.read {
		all, err := d.ReadDirFile.ReadDir(-1)
		if err != nil {
			return nil, err
		}
		d.entries, d.read = d.fsys.merge(d.name, all), true
	}
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	k := min(n, len(d.entries))
	out := d.entries[:k]
	d.entries = d.entries[k:]
	return out, nil
}
