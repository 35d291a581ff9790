package generator

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/affsite/affsite/hosting"
	"github.com/affsite/affsite/internal/sitefile"
)

// This file is cache-safe assets: every CSS and JavaScript file of the
// static folders (the default theme's, a site theme's, the site's own,
// whichever wins for a name) is also published under a name that holds
// a hash of its content (css/style.css as css/style.3f2a9c1b.css). Pages
// link that name through the fingerprint template function, and
// _headers lets browsers and CDNs keep it for a year, immutable: a
// changed file gets a new name, so a visitor never sees a stale style.
// The plain name stays published for links written by hand, with a
// cache that revalidates on every use.

// Cache-Control values of the two kinds of asset names.
const (
	immutableCache   = "public, max-age=31536000, immutable"
	revalidatedCache = "public, max-age=0, must-revalidate"
)

// fingerprintable tells whether the static file name is one that gets a
// fingerprinted copy.
func fingerprintable(name string) bool {
	switch path.Ext(name) {
	case ".css", ".js":
		return true
	}
	return false
}

// assetFile is a fingerprinted static file.
type assetFile struct {
	data      []byte
	hashed    string // "css/style.3f2a9c1b.css"
	integrity string // Subresource Integrity: "sha256-…"
}

// fingerprintName puts the first 8 hex digits of the content's SHA-256
// before the extension: 32 bits, as the example in the docs, is plenty
// to tell one version of a file from the next.
func fingerprintName(name string, sum [sha256.Size]byte) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// loadAssets reads and hashes the fingerprintable static files, before
// pages render, so that the fingerprint function is a lookup.
func (b *builder) loadAssets(files map[string]fs.FS) error {
	b.static = files
	b.assets = map[string]*assetFile{}
	for _, name := range sortedKeys(files) {
		if !fingerprintable(name) {
			continue
		}
		data, err := fs.ReadFile(files[name], name)
		if err != nil {
			return fmt.Errorf("static/%s: %v", name, sitefile.UnwrapPathError(err))
		}
		sum := sha256.Sum256(data)
		b.assets[name] = &assetFile{
			data: data, hashed: fingerprintName(name, sum),
			integrity: "sha256-" + base64.StdEncoding.EncodeToString(sum[:]),
		}
	}
	return nil
}

// Asset is a static file as templates see it: what resources.Get
// returns and fingerprint makes, with the fields of Hugo's resources
// that a link needs. It prints as its RelPermalink.
type Asset struct {
	// Name is the file's path in the static folders ("css/style.css").
	Name         string
	RelPermalink string
	Permalink    string
	// Data.Integrity is the Subresource Integrity value of a
	// fingerprinted asset ("sha256-…"), for an integrity attribute.
	Data AssetData
	file *assetFile
}

// AssetData is an Asset's Data, as Hugo's fingerprinted resources have it.
type AssetData struct {
	Integrity string
}

// String gives the asset's RelPermalink, so {{ fingerprint "css/x.css" }}
// prints a link.
func (a *Asset) String() string { return a.RelPermalink }

// resourcesNamespace is the resources template function's value: Hugo's
// resources.Get over the static folders.
type resourcesNamespace struct{ b *builder }

// Get returns the static file name as an asset, or nil when no static
// folder has it, as Hugo's resources.Get does.
func (r resourcesNamespace) Get(name string) *Asset {
	name = strings.TrimPrefix(name, "/")
	f, ok := r.b.assets[name]
	if !ok {
		return nil
	}
	return &Asset{Name: name, RelPermalink: r.b.relURL(name), Permalink: r.b.absURL(name), file: f}
}

// fingerprint is the template function: the fingerprinted asset of a
// static CSS or JavaScript file, given by name ("css/style.css") or as
// resources.Get returned it.
func (b *builder) fingerprint(v any) (*Asset, error) {
	var name string
	switch x := v.(type) {
	case string:
		name = strings.TrimPrefix(x, "/")
	case *Asset:
		if x == nil {
			return nil, fmt.Errorf("fingerprint: resources.Get found no such file")
		}
		name = x.Name
	default:
		return nil, fmt.Errorf("fingerprint: want a static file's name, such as \"css/style.css\", not %T", v)
	}
	f, err := b.fingerprintFile(name)
	if err != nil {
		return nil, err
	}
	return &Asset{
		Name: name, RelPermalink: b.relURL(f.hashed), Permalink: b.absURL(f.hashed),
		Data: AssetData{Integrity: f.integrity}, file: f,
	}, nil
}

// fingerprintFile is the fingerprinted static file called name, or an
// error saying why there is none.
func (b *builder) fingerprintFile(name string) (*assetFile, error) {
	if !fingerprintable(name) {
		return nil, fmt.Errorf("fingerprint %q: only .css and .js files are fingerprinted", name)
	}
	f, ok := b.assets[name]
	if !ok {
		return nil, fmt.Errorf("fingerprint %q: no static folder has this file (static/, the themes' static/)", name)
	}
	return f, nil
}

// assetURL is the URL pages link the static file name by: its
// fingerprinted name below the base path, or its own name when it has
// none (not CSS or JavaScript, or no static folder has it).
func (b *builder) assetURL(name string) string {
	if f, ok := b.assets[name]; ok {
		return b.relURL(f.hashed)
	}
	return b.basePath + name
}

// writeAssets writes the fingerprinted copies; copyStatic writes the
// files under their own names.
func (b *builder) writeAssets() error {
	for _, name := range sortedKeys(b.assets) {
		if err := b.write(b.assets[name].hashed, "static/"+name+" (fingerprinted)", b.assets[name].data); err != nil {
			return err
		}
	}
	return nil
}

// assetHeaders are the _headers rules of the assets: the fingerprinted
// names immutable, the plain names revalidated. Each is a path of its
// own: hosts join the values of every rule that matches, so a wildcard
// over css/ would add its Cache-Control to the fingerprinted files'.
func (b *builder) assetHeaders() []hosting.HeaderRule {
	var out []hosting.HeaderRule
	for _, name := range sortedKeys(b.assets) {
		out = append(out,
			hosting.HeaderRule{Path: b.basePath + b.assets[name].hashed, Headers: [][2]string{{"Cache-Control", immutableCache}}},
			hosting.HeaderRule{Path: b.basePath + name, Headers: [][2]string{{"Cache-Control", revalidatedCache}}})
	}
	return out
}
