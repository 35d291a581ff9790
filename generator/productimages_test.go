package generator_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
)

// productSite has a product box with a static picture and one with a
// picture of its page bundle.
const productSite = `
-- site.toml --
baseURL = "https://example.org/"
title = "Products"
-- data/programs/shop.yaml --
name: "Shop"
url: "https://shop.example/"
commission: 10%
prices_checked: 2026-11-01
plans:
  - {id: lamp, name: "Desk lamp", price: 25}
-- content/posts/a.md --
---
title: A
program: shop
---
{{< disclosure >}}

{{< product image="/images/lamp.png" >}}
-- content/posts/b/index.md --
---
title: B
program: shop
---
{{< disclosure >}}

{{< product image="lamp.png" >}}
`

// writePNG writes a w × h PNG at name below dir.
func writePNG(t *testing.T, dir, name string, w, h int) {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	full := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// imgTag returns the product picture's <img> of an output page.
func imgTag(t *testing.T, page []byte) string {
	t.Helper()
	s := string(page)
	i := strings.Index(s, `<img class="product-image"`)
	if i < 0 {
		t.Fatalf("no product picture in:\n%s", s)
	}
	return s[i : i+strings.Index(s[i:], ">")+1]
}

// Test that a product box's picture gets its file's size, from static/
// and from the page's bundle, and that a changed picture changes the
// page in a preview session (a static file is otherwise only copied) and
// through the build cache.
func TestProductPictureSize(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, productSite)
	writePNG(t, dir, "static/images/lamp.png", 64, 48)
	writePNG(t, dir, "content/posts/b/lamp.png", 30, 20)
	sess := generator.NewSession(generator.Options{Source: dir, Now: testNow})
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{
		"posts/a/index.html": `src="/images/lamp.png" alt="Desk lamp" width="64" height="48" loading="lazy"`,
		"posts/b/index.html": `src="lamp.png" alt="Desk lamp" width="30" height="20" loading="lazy"`,
	} {
		b, _ := sess.Files().File(page)
		if got := imgTag(t, b); !strings.Contains(got, want) {
			t.Errorf("%s: %s, want %s", page, got, want)
		}
	}
	writePNG(t, dir, "static/images/lamp.png", 100, 50)
	if _, err := sess.Rebuild([]string{"static/images/lamp.png"}); err != nil {
		t.Fatal(err)
	}
	if b, _ := sess.Files().File("posts/a/index.html"); !strings.Contains(imgTag(t, b), `width="100" height="50"`) {
		t.Errorf("after the picture changed, the session's page has %s", imgTag(t, b))
	}

	cache, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	build := func() string {
		t.Helper()
		if _, err := generator.Build(generator.Options{Source: dir, Dest: dest, CacheDir: cache, Now: testNow}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dest, "posts", "a", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return imgTag(t, b)
	}
	build()
	writePNG(t, dir, "static/images/lamp.png", 12, 8)
	if got := build(); !strings.Contains(got, `width="12" height="8"`) {
		t.Errorf("a cached build after the picture changed has %s", got)
	}
}

// Test that a missing picture stops the build at its shortcode.
func TestProductPictureMissing(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, productSite)
	writePNG(t, dir, "content/posts/b/lamp.png", 30, 20)
	_, err := generator.Build(generator.Options{Source: dir, Output: generator.NewMemOutput(), Now: testNow})
	want := `content/posts/a.md:7:1: shortcode "product": image "/images/lamp.png" not found in static/images/lamp.png`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// Test that a bundle whose page is index.html or index.markdown finds its
// product picture among the bundle's files, as an index.md bundle does.
func TestProductPictureOtherBundleFormats(t *testing.T) {
	t.Parallel()
	for _, index := range []string{"index.html", "index.markdown"} {
		t.Run(index, func(t *testing.T) {
			t.Parallel()
			dir := writeSite(t, productSite+"-- content/posts/c/"+index+` --
---
title: C
program: shop
---
{{< disclosure >}}

{{< product image="lamp.png" >}}
`)
			writePNG(t, dir, "static/images/lamp.png", 64, 48)
			writePNG(t, dir, "content/posts/b/lamp.png", 30, 20)
			writePNG(t, dir, "content/posts/c/lamp.png", 30, 20)
			sess := generator.NewSession(generator.Options{Source: dir, Now: testNow})
			if _, err := sess.Rebuild(nil); err != nil {
				t.Fatal(err)
			}
			b, _ := sess.Files().File("posts/c/index.html")
			if got, want := imgTag(t, b), `width="30" height="20"`; !strings.Contains(got, want) {
				t.Errorf("%s", got)
			}
		})
	}
}
