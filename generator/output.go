package generator

import (
	"bytes"
	"fmt"
	"path"
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
	lazy  map[string]lazyFile // held by the build cache, read on first use (memlazy.go)
	lost  bool                // a lazy file could not be read
}

// NewMemOutput returns an empty MemOutput.
func NewMemOutput() *MemOutput { return &MemOutput{files: map[string][]byte{}} }

// WriteFile implements Output.
func (m *MemOutput) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = bytes.Clone(data)
	delete(m.lazy, name)
	return nil
}

// File returns a file's contents.
func (m *MemOutput) File(name string) ([]byte, bool) {
	m.mu.Lock()
	b, ok := m.files[name]
	lz, lazy := m.lazy[name]
	m.mu.Unlock()
	if lazy {
		return m.load(name, lz)
	}
	return b, ok
}

// Names lists the files, sorted.
func (m *MemOutput) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.names()
}

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
