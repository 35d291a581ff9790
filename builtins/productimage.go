package builtins

import (
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // image.DecodeConfig reads GIF, JPEG and PNG sizes
	_ "image/jpeg"
	_ "image/png"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp" // and WebP's
)

// ProductImages finds a product box's picture for a page: name is a site
// path ("/images/scale.png", in the static folders) or a name relative to
// the page's bundle ("scale.png" beside its index.md). It returns the file
// and the src the page links it with; an error wrapping fs.ErrNotExist
// when there is no such file.
type ProductImages func(name string) (f io.ReadCloser, src string, err error)

// ImageData is a picture as a template shows it.
type ImageData struct {
	Src           string
	Alt           string
	Width, Height int
}

// errImageName is a picture name that leaves its folder.
var errImageName = errors.New(`an image's name is a site path ("/images/x.png") or a file of the page's bundle ("x.png")`)

// CleanImageName checks a product image's name: a site path or a bundle
// file, never one that climbs out with "..", a URL or an empty name.
func CleanImageName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || strings.Contains(name, "://") || strings.HasPrefix(name, "//") || strings.Contains(name, "\\") {
		return "", errImageName
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == ".." {
			return "", errImageName
		}
	}
	return path.Clean(name), nil
}

// imageSize reads the width and height of a PNG, JPEG, GIF or WebP file
// from its header, or of an SVG file from its root element.
func imageSize(r io.Reader, name string) (w, h int, err error) {
	if strings.EqualFold(path.Ext(name), ".svg") {
		return svgSize(r, name)
	}
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		return 0, 0, fmt.Errorf("image %q: its size cannot be read (%v); use a PNG, JPEG, GIF or WebP file", name, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, fmt.Errorf("image %q: the %s file has no size", name, format)
	}
	return cfg.Width, cfg.Height, nil
}

// svgSize reads an SVG's size from its root element: width and height
// in pixels (a number, "px" allowed), else its viewBox's.
func svgSize(r io.Reader, name string) (w, h int, err error) {
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, fmt.Errorf("image %q: no <svg> element (%v)", name, err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0, fmt.Errorf("image %q: the root element is <%s>, not <svg>", name, el.Name.Local)
		}
		attr := map[string]string{}
		for _, a := range el.Attr {
			attr[a.Name.Local] = strings.TrimSpace(a.Value)
		}
		w, okW := svgLength(attr["width"])
		h, okH := svgLength(attr["height"])
		if okW && okH {
			return w, h, nil
		}
		if f := strings.Fields(strings.ReplaceAll(attr["viewBox"], ",", " ")); len(f) == 4 {
			w, okW = svgLength(f[2])
			h, okH = svgLength(f[3])
			if okW && okH {
				return w, h, nil
			}
		}
		return 0, 0, fmt.Errorf("image %q: its <svg> has no width and height in pixels, nor a viewBox", name)
	}
}

// svgLength reads "120", "120px" or "120.5" as whole pixels, rounded.
func svgLength(s string) (int, bool) {
	v, err := strconv.ParseFloat(strings.TrimSuffix(s, "px"), 64)
	if err != nil || v <= 0 || v > 1e6 {
		return 0, false
	}
	return int(math.Round(v)), true
}
