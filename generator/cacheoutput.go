package generator

import (
	"fmt"
	"path/filepath"

	"github.com/affsite/affsite/buildcache"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/sitefile"
	"github.com/affsite/affsite/outdir"
)

// cacheOutput is where the build cache puts the files of the entries a
// build reuses, and whence it takes the files of the entries it renders:
// the output folder of `affsite build` (hard links to the cache's
// objects) or the memory of a preview Session.
type cacheOutput interface {
	// keep tells whether the output holds the object of f already (a
	// build that starts from its previous output).
	keep(c *buildcache.Cache, key buildcache.Sum, f buildcache.File) bool
	// place puts the object of f in the output, or fails having put
	// nothing.
	place(c *buildcache.Cache, key buildcache.Sum, f buildcache.File) error
	// put makes the object of the output file name just written.
	put(c *buildcache.Cache, key buildcache.Sum, name string) (buildcache.File, error)
}

// dirCache is the output folder of a build.
type dirCache struct{ dir *outdir.Dir }

func (d dirCache) keep(c *buildcache.Cache, key buildcache.Sum, f buildcache.File) bool {
	return d.dir.Keep(f.Name, func(full string) bool { return c.Holds(key, f, full) })
}

func (d dirCache) place(c *buildcache.Cache, key buildcache.Sum, f buildcache.File) error {
	return d.dir.Place(f.Name, func(full string) error { return c.Get(key, f, full) })
}

func (d dirCache) put(c *buildcache.Cache, key buildcache.Sum, name string) (buildcache.File, error) {
	return c.Put(key, name, d.dir.Path(name))
}

// memCache is the memory of a preview Session.
type memCache struct{ mem *MemOutput }

func (memCache) keep(*buildcache.Cache, buildcache.Sum, buildcache.File) bool { return false }

// place checks the object by its stat data and leaves its bytes in the
// cache until they are read (memlazy.go).
func (m memCache) place(c *buildcache.Cache, key buildcache.Sum, f buildcache.File) error {
	if !buildcache.Check(c.Object(key, f.Name), f) {
		return fmt.Errorf("%s: cached object changed or gone", f.Name)
	}
	m.mem.setLazy(f.Name, lazyFile{c: c, key: key, f: f})
	return nil
}

func (m memCache) put(c *buildcache.Cache, key buildcache.Sum, name string) (buildcache.File, error) {
	data, _ := m.mem.File(name)
	return c.PutBytes(key, name, data)
}

// SessionCacheDir is the folder, inside Options.CacheDir, of a preview
// Session's cache: its keys differ from `affsite build`'s (the preview's
// base URL, drafts), and each cache keeps only its last build's
// entries, so the two do not share one.
const SessionCacheDir = "serve"

// openSessionCache opens the build cache of a Session building into
// mem, or leaves b.cache nil when the session uses none (no CacheDir, or
// a Go shortcode or Markdown extension the key cannot see).
func (b *builder) openSessionCache(mem *MemOutput) error {
	if b.opts.CacheDir == "" || b.opts.Markdown != nil || b.opts.Shortcodes != nil {
		return nil
	}
	id, err := binaryID()
	if err != nil {
		return err
	}
	dir := filepath.Join(b.opts.CacheDir, SessionCacheDir)
	c, err := buildcache.Open(dir, id)
	if err != nil {
		b.warn(diag.Warningf(dir, 0, 0, diag.Source, "build cache ignored: %v", sitefile.UnwrapPathError(err)))
	}
	b.cache = b.newPageCache(c, memCache{mem})
	return nil
}

// sawPicture records that the product boxes of the content file file
// read the static picture pic ("static/images/x.png"): the cache keeps
// the record for the sessions that reuse the page. (A preview Session
// rebuilds all when it changes: the page's result has it, showsPicture.)
func (b *builder) sawPicture(file, pic string) {
	if pc := b.cache; pc != nil {
		pc.mu.Lock()
		if pc.pictures == nil {
			pc.pictures = map[string][]string{}
		}
		pc.pictures[file] = append(pc.pictures[file], pic)
		pc.mu.Unlock()
	}
}
