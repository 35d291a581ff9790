package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Output receives the files of a build, by slash-separated path relative
// to the output root ("posts/x/index.html"). Implementations must be safe
// for concurrent use.
type Output interface {
	WriteFile(name string, data []byte) error
}

// MemOutput keeps a build's files in memory (for the preview server and
// for checks).
type MemOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemOutput returns an empty MemOutput.
func NewMemOutput() *MemOutput { return &MemOutput{files: map[string][]byte{}} }

// WriteFile implements Output.
func (m *MemOutput) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = bytes.Clone(data)
	return nil
}

// File returns a file's contents.
func (m *MemOutput) File(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[name]
	return b, ok
}

// Names lists the files, sorted.
func (m *MemOutput) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.files))
	for n := range m.files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// dirOutput writes a build into a temporary folder beside the final one
// and swaps it in only when the build is complete, so that a failed or
// killed build never leaves a half-written site.
type dirOutput struct {
	dest string
	tmp  string
	mu   sync.Mutex
	dirs map[string]bool
}

// tmpPrefix names the temporary folders of builds in progress; a new
// build removes the ones that a killed build left behind.
const tmpPrefix = ".affsite-tmp-"

func newDirOutput(dest string) (*dirOutput, error) {
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, filepath.Base(dest))
	tmp, err := os.MkdirTemp(parent, tmpPrefix+filepath.Base(dest)+"-")
	if err != nil {
		return nil, err
	}
	return &dirOutput{dest: dest, tmp: tmp, dirs: map[string]bool{}}, nil
}

// removeStale deletes temporary folders left by killed builds of base.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() && (strings.HasPrefix(n, tmpPrefix+base+"-") || strings.HasPrefix(n, ".affsite-old-"+base+"-")) {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// WriteFile implements Output.
func (d *dirOutput) WriteFile(name string, data []byte) error {
	clean := path.Clean("/" + name)[1:]
	if clean == "" || clean != name {
		return fmt.Errorf("output path %q is not clean", name)
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(clean))
	dir := filepath.Dir(full)
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
	if !known {
		// Most pages are a new folder in a known one: one mkdir call.
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		d.mu.Lock()
		d.dirs[dir] = true
		d.mu.Unlock()
	}
	return os.WriteFile(full, data, 0o644)
}

// commit replaces dest with the finished build.
func (d *dirOutput) commit() error {
	old := ""
	if _, err := os.Stat(d.dest); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(d.dest), ".affsite-old-"+filepath.Base(d.dest)+"-")
		if err != nil {
			return err
		}
		old = filepath.Join(o, "site")
		if err := os.Rename(d.dest, old); err != nil {
			os.Remove(o)
			return err
		}
		defer os.RemoveAll(o)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(d.tmp, d.dest); err != nil {
		if old != "" {
			os.Rename(old, d.dest)
		}
		return err
	}
	return os.Chmod(d.dest, 0o755)
}

// abort removes the unfinished build.
func (d *dirOutput) abort() { os.RemoveAll(d.tmp) }

// minifier minifies output by file extension.
type minifier struct{ m *minify.M }

func newMinifier() *minifier {
	m := minify.New()
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("application/ld+json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return &minifier{m: m}
}

// minifyType is the media type a file is minified as, by extension.
func minifyType(ext string) (string, bool) {
	switch ext {
	case ".html":
		return "text/html", true
	case ".css":
		return "text/css", true
	case ".js":
		return "application/javascript", true
	case ".json":
		return "application/json", true
	case ".svg":
		return "image/svg+xml", true
	case ".xml":
		return "application/xml", true
	}
	return "", false
}

// minified wraps an Output so that what it writes is minified.
type minified struct {
	Output
	min *minifier
}

// WriteFile implements Output, minifying files of the types minify knows.
func (o minified) WriteFile(name string, data []byte) error {
	if mt, ok := minifyType(path.Ext(name)); ok {
		b, err := o.min.m.Bytes(mt, data)
		if err != nil {
			return fmt.Errorf("minify %s: %w", name, err)
		}
		data = b
	}
	return o.Output.WriteFile(name, data)
}
