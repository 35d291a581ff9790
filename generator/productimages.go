package generator

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/affsite/affsite/builtins"
)

// productImages is where the product boxes of the page in file (relative
// to the site, "content/posts/x/index.md") find their pictures: a site
// path in the static folders (the site's, its themes', the default
// theme's: whichever wins for the name, as the build copies them); a
// relative name in the page's bundle when the page is one, else in the
// static folders. saw is told each static picture read.
func (b *builder) productImages(file string, saw func(pic string)) builtins.ProductImages {
	return func(name string) (io.ReadCloser, string, error) {
		if !strings.HasPrefix(name, "/") && path.Base(markdownKey(file)) == "index.md" {
			data, err := fs.ReadFile(newSourceFS(b.opts.Source, path.Dir(file)), name)
			if err == nil {
				return io.NopCloser(bytes.NewReader(data)), name, nil
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, "", err
			}
		}
		rel := strings.TrimPrefix(name, "/")
		fsys, ok := b.static[rel]
		if !ok {
			return nil, "", fs.ErrNotExist
		}
		data, err := fs.ReadFile(fsys, rel)
		if err != nil {
			return nil, "", err
		}
		saw("static/" + rel)
		return io.NopCloser(bytes.NewReader(data)), b.basePath + rel, nil
	}
}

// productPicture tells whether a static or content file is one a product
// box can read the size of, which the build cache's key then holds.
func productPicture(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg":
		return true
	}
	return false
}
