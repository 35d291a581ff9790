package builtins

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/shortcodes"
)

// testImages writes pictures of known sizes under a scratch folder: a
// static folder (static/images/…) and a page bundle (bundle/…), and
// returns a ProductImages over them as the generator's would be.
func testImages(t testing.TB) ProductImages {
	t.Helper()
	dir := t.TempDir()
	write := func(rel string, enc func(io.Writer) error) {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(full)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := enc(f); err != nil {
			t.Fatal(err)
		}
	}
	img := func(w, h int) image.Image {
		m := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
		return m
	}
	write("static/images/scale.png", func(w io.Writer) error { return png.Encode(w, img(600, 400)) })
	write("static/images/knife.jpg", func(w io.Writer) error { return jpeg.Encode(w, img(300, 200), nil) })
	write("static/images/lamp.gif", func(w io.Writer) error { return gif.Encode(w, img(10, 20), nil) })
	write("static/images/logo.svg", func(w io.Writer) error {
		_, err := io.WriteString(w, `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40"/></svg>`)
		return err
	})
	write("static/images/broken.png", func(w io.Writer) error { _, err := io.WriteString(w, "not a picture"); return err })
	write("bundle/card.webp", func(w io.Writer) error { _, err := w.Write(webpVP8L(30, 20)); return err })
	return func(name string) (io.ReadCloser, string, error) {
		full := filepath.Join(dir, "bundle", filepath.FromSlash(name))
		src := name
		if strings.HasPrefix(name, "/") {
			full, src = filepath.Join(dir, "static", filepath.FromSlash(name)), name
		}
		f, err := os.Open(full)
		return f, src, err
	}
}

// webpVP8L is the header of a lossless WebP file of w × h pixels: enough
// for its size to be read.
func webpVP8L(w, h int) []byte {
	bits := make([]byte, 4)
	binary.LittleEndian.PutUint32(bits, uint32(w-1)|uint32(h-1)<<14)
	chunk := append([]byte{0x2f}, bits...)
	var b []byte
	b = append(b, "RIFF"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(4+8+len(chunk)+1))
	b = append(b, "WEBPVP8L"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(chunk)))
	return append(append(b, chunk...), 0)
}

// productLinks is a links registry with one Amazon product.
func productLinks() *links.Set {
	return links.NewSet(&links.Link{ID: "lamp-deal", Destination: "https://www.amazon.com/dp/B0LAMP?tag=site-20", Cloaked: "/go/lamp-deal/", Status: 302})
}

// expandProduct is expandPage with the product shortcode registered.
func expandProduct(t testing.TB, st *PageState, src string) (string, error) {
	t.Helper()
	doc, err := shortcodes.Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	r := Registry(st)
	AddProduct(r, st, productLinks(), dealNow, testImages(t))
	env := &shortcodes.Env{File: testFile, LineOffset: 5, Registry: r, Templates: loadThemeTemplates(t)}
	res, err := shortcodes.Expand([]byte(src), doc, env)
	if err != nil {
		return "", err
	}
	return string(res.Replace(res.Markdown)), nil
}

func TestProductGolden(t *testing.T) {
	t.Parallel()
	set := modelPrograms(t)
	tests := []struct{ name, src string }{
		// An Amazon product of a program: its price, date and the note.
		{"product_amazon", `{{< product program="amazon" plan="chefs-knife" checked="2026-11-14" image="/images/knife.jpg" >}}` + "\n"},
		// A plan with a monthly price, a bundle picture, the inner text.
		{"product_plan", `{{< product program="kartra" plan="gold" image="card.webp" alt="Kartra's dashboard" text="Try Kartra Gold" placement="sidebar" >}}The plan for agencies: five domains, <b>agency</b> tools.{{< /product >}}` + "\n" +
			`{{< product program="kartra" plan="starter" image="/images/logo.svg" description="Kartra's first plan." >}}` + "\n"},
		// A link of the registry with its own name, price and time.
		{"product_link", `{{< product link="lamp-deal" name="Desk lamp" price="$25.00" checked="2026-11-14T09:30:00Z" image="/images/lamp.gif" >}}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := testState(set)
			st.Config.BasePath = "/"
			out, err := expandProduct(t, st, tt.src)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, out, st)
		})
	}
}

// Test that each kind of picture gets the size of its file.
func TestProductImageSizes(t *testing.T) {
	t.Parallel()
	images := testImages(t)
	for name, want := range map[string][2]int{
		"/images/scale.png": {600, 400}, "/images/knife.jpg": {300, 200}, "/images/lamp.gif": {10, 20},
		"card.webp": {30, 20}, "/images/logo.svg": {120, 40},
	} {
		f, _, err := images(name)
		if err != nil {
			t.Fatal(err)
		}
		w, h, err := imageSize(f, name)
		f.Close()
		if err != nil || w != want[0] || h != want[1] {
			t.Errorf("%s: %d×%d, %v; want %d×%d", name, w, h, err, want[0], want[1])
		}
	}
}

func TestProductErrors(t *testing.T) {
	t.Parallel()
	set := modelPrograms(t)
	const at = testFile + ":6:1: "
	tests := []struct{ src, want string }{
		{`{{< product program="amazon" plan="chefs-knife" checked="2026-11-14" image="/images/none.png" >}}`, `shortcode "product": image "/images/none.png" not found in static/images/none.png`},
		{`{{< product program="amazon" plan="chefs-knife" checked="2026-11-14" image="none.png" >}}`, `shortcode "product": image "none.png" not found in the page's bundle or static/`},
		{`{{< product program="amazon" plan="chefs-knife" checked="2026-11-14" >}}`, `shortcode "product": missing argument image= (a picture of the product: a file of static/, such as image="/images/scale.png", or of the page's bundle)`},
		{`{{< product program="amazon" plan="chefs-knife" checked="2026-11-14" image="../secret.png" >}}`, `shortcode "product": image="../secret.png": an image's name is a site path ("/images/x.png") or a file of the page's bundle ("x.png")`},
		{`{{< product program="amazon" plan="chefs-knife" checked="2026-11-14" image="https://cdn.example/x.png" >}}`, `shortcode "product": image="https://cdn.example/x.png": an image's name is a site path ("/images/x.png") or a file of the page's bundle ("x.png")`},
		{`{{< product program="amazon" plan="chefs-knife" checked="2026-11-14" image="/images/broken.png" >}}`, `shortcode "product": image "/images/broken.png": its size cannot be read (image: unknown format); use a PNG, JPEG, GIF or WebP file`},
		{`{{< product program="amazon" plan="chefs-knife" image="/images/knife.jpg" >}}`, `shortcode "product": a price needs the date it was checked: checked="2026-11-01" (or prices_checked in the program's data)`},
		{`{{< product program="amazon" image="/images/knife.jpg" >}}`, `shortcode "product": program "amazon" has 3 plans with a one-off price; name the product with plan= (plans: chefs-knife, gift-card, desk-lamp)`},
		{`{{< product program="amazon" plan="knife" image="/images/knife.jpg" >}}`, `shortcode "product": unknown plan "knife" of program "amazon" (plans: chefs-knife, gift-card, desk-lamp)`},
		{`{{< product link="lamp" name="Lamp" image="/images/lamp.gif" >}}`, `shortcode "product": unknown link "lamp" (data/links has lamp-deal)`},
		{`{{< product link="lamp-deal" image="/images/lamp.gif" >}}`, `shortcode "product": missing argument name= (the product's name; link="lamp-deal" is a link of data/links, which has none)`},
		{`{{< product link="lamp-deal" name="Lamp" price="25" image="/images/lamp.gif" >}}`, `shortcode "product": a price needs the date it was checked: checked="2026-11-01" (or prices_checked in the program's data)`},
		{`{{< product link="lamp-deal" name="Lamp" price="25" checked="yesterday" image="/images/lamp.gif" >}}`, `shortcode "product": checked="yesterday" is not a date (2026-11-01) or a time (2026-11-01T09:00:00Z)`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			_, err := expandProduct(t, testState(set), tt.src)
			if err == nil {
				t.Fatal("no error")
			}
			if got, want := err.Error(), at+tt.want; got != want {
				t.Errorf("error\n got %s\nwant %s", got, want)
			}
		})
	}
}
