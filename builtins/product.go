package builtins

import (
	"errors"
	"html/template"
	"io/fs"
	"strings"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/links"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// AmazonPriceNote is the note Amazon's Associates terms require beside a
// product's price, after its "as of" date.
const AmazonPriceNote = "Product prices and availability are accurate as of the date/time indicated and are subject to change. " +
	"Any price and availability information displayed on Amazon at the time of purchase will apply to the purchase of this product."

// ProductData is the data of the product template: one product's box.
type ProductData struct {
	Name  string
	Image ImageData
	// Price is "$24.99" (with "/month" for a plan's monthly price), empty
	// when the box shows none; AsOf is the date it was checked ("November
	// 1, 2026", with the time when one was given) and AsOfISO the same
	// as a datetime.
	Price, AsOf, AsOfISO string
	// Amazon is set for a product sold on Amazon; PriceNote is then
	// AmazonPriceNote.
	Amazon      bool
	PriceNote   string
	Description template.HTML // the inner content, description=, or the program's
	Button      LinkData      // tracked, placement "product" by default
}

// AddProduct registers the product shortcode of the page st in r: a
// product box for a plan of a program (a product with a one-off price)
// or an entry of the links registry reg, judged at now, its picture found
// by images. It needs the template shortcodes/product.html, whose .Data
// is a ProductData.
//
//	{{< product program="amazon-scale" plan="scale" image="/images/scale.png" >}}
//	{{< product link="scale-deal" name="Brightline scale" price="24.99" checked="2026-11-01" image="scale.jpg" >}}
//	A flat scale that zeroes on the first press.
//	{{< /product >}}
//
// It is registered apart from Registry because the registry, the static
// folders and the page's bundle are the generator's.
func AddProduct(r *shortcodes.Registry, st *PageState, reg *links.Set, now time.Time, images ProductImages) {
	r.Add("product", func(inv *shortcodes.Invocation) error { return st.product(inv, reg, now, images) },
		named("program", "plan", "link", "name", "image", "alt", "price", "checked", "description", "text", "placement"))
}

func (st *PageState) product(inv *shortcodes.Invocation, reg *links.Set, now time.Time, images ProductImages) error {
	d := &ProductData{}
	placement, _ := inv.Arg("placement")
	if placement == "" {
		placement = "product"
	}
	text, _ := inv.Arg("text")
	imageName := ""
	if id, ok := inv.Arg("link"); ok {
		if err := st.linkProduct(inv, d, reg, now, id, placement, text); err != nil {
			return err
		}
	} else {
		p, err := st.programProduct(inv, d, placement, text)
		if err != nil {
			return err
		}
		imageName = p.Image
	}
	if err := overrideProduct(inv, d, &imageName); err != nil {
		return err
	}
	img, err := productImage(inv, images, imageName, d.Name)
	if err != nil {
		return err
	}
	d.Image = img
	if v, _ := inv.Arg("alt"); strings.TrimSpace(v) != "" {
		d.Image.Alt = strings.TrimSpace(v)
	}
	if d.Amazon && d.Price != "" {
		d.PriceNote = AmazonPriceNote
	}
	inv.Data = d
	return nil
}

// programProduct fills d from a plan of a program: plan=, else the
// program's only plan with a one-off price.
func (st *PageState) programProduct(inv *shortcodes.Invocation, d *ProductData, placement, text string) (*programs.Program, error) {
	p, pl, err := st.programPlan(inv)
	if err != nil {
		return nil, err
	}
	if pl == nil {
		var oneOff []*programs.Plan
		for _, x := range p.Plans {
			if x.HasPrice {
				oneOff = append(oneOff, x)
			}
		}
		if len(oneOff) != 1 {
			return nil, inv.Errorf("shortcode %q: program %q has %d plans with a one-off price; name the product with plan= (plans: %s)", inv.Name, p.ID, len(oneOff), idList(p.PlanIDs()))
		}
		pl = oneOff[0]
	}
	if bs := pl.Billings(); len(bs) > 0 {
		price, _ := pl.PriceOf(bs[0])
		d.Price = st.currency(p).Format(price) + periodText(pl, bs[0])
	}
	d.Name = p.Name + " " + pl.Name // a plan of a service: "Kartra Gold"
	if pl.HasPrice {
		d.Name = pl.Name // a product: "Brightline kitchen scale"
	}
	d.Description = escapeHTML(p.Description)
	if !p.PricesChecked.IsZero() {
		d.AsOf, d.AsOfISO = p.PricesChecked.Format("January 2, 2006"), p.PricesChecked.Format("2006-01-02")
	}
	d.Amazon = affiliate.IsAmazonURL(p.URL)
	if text == "" {
		text = "See it on " + p.Name
		if d.Amazon {
			text = "See it on Amazon"
		}
	}
	d.Button = st.link(inv, p, pl, placement, escapeHTML(text))
	return p, nil
}

// linkProduct fills d from an entry of the links registry: its tracked
// link, with the name, price and date the shortcode gives.
func (st *PageState) linkProduct(inv *shortcodes.Invocation, d *ProductData, reg *links.Set, now time.Time, id, placement, text string) error {
	if strings.TrimSpace(id) == "" {
		return inv.Errorf("shortcode %q: link= is empty (links: %s)", inv.Name, idList(reg.IDs()))
	}
	l, ok := reg.Get(id)
	if !ok {
		// registryLink reports it, with its did-you-mean.
		return st.registryLink(&shortcodes.Invocation{Name: inv.Name, Params: map[string]string{"id": id}, Line: inv.Line, Col: inv.Col, Env: inv.Env}, reg, now)
	}
	if text == "" {
		text = "See the offer"
		if affiliate.IsAmazonURL(l.Destination) {
			text = "See it on Amazon"
		}
	}
	sub := *inv
	sub.Params, sub.Inner = map[string]string{"id": id, "placement": placement, "text": text}, ""
	if err := st.registryLink(&sub, reg, now); err != nil {
		return err
	}
	d.Button, _ = sub.Data.(LinkData)
	d.Amazon = affiliate.IsAmazonURL(l.Destination)
	if v, _ := inv.Arg("name"); strings.TrimSpace(v) == "" {
		return inv.Errorf("shortcode %q: missing argument name= (the product's name; link=%q is a link of data/links, which has none)", inv.Name, id)
	}
	return nil
}

// overrideProduct applies name=, price=, checked=, description= or the
// inner content, and image=.
func overrideProduct(inv *shortcodes.Invocation, d *ProductData, imageName *string) error {
	if v, _ := inv.Arg("name"); strings.TrimSpace(v) != "" {
		d.Name = strings.TrimSpace(v)
	}
	if v, ok := inv.Arg("price"); ok {
		d.Price = strings.TrimSpace(v)
	}
	if v, ok := inv.Arg("checked"); ok {
		t, withTime, err := parseChecked(v)
		if err != nil {
			return inv.Errorf("shortcode %q: checked=%q is not a date (2026-11-01) or a time (2026-11-01T09:00:00Z)", inv.Name, v)
		}
		d.AsOf, d.AsOfISO = t.Format("January 2, 2006"), t.Format("2006-01-02")
		if withTime {
			d.AsOf, d.AsOfISO = t.Format("January 2, 2006, 15:04 MST"), t.Format(time.RFC3339)
		}
	}
	if d.Price != "" && d.AsOf == "" {
		return inv.Errorf("shortcode %q: a price needs the date it was checked: checked=\"2026-11-01\" (or prices_checked in the program's data)", inv.Name)
	}
	if strings.TrimSpace(string(inv.Inner)) != "" {
		d.Description = inv.Inner
	} else if v, _ := inv.Arg("description"); strings.TrimSpace(v) != "" {
		d.Description = escapeHTML(v)
	}
	if v, ok := inv.Arg("image"); ok {
		*imageName = v
	}
	return nil
}

// parseChecked reads a date or an RFC 3339 time.
func parseChecked(s string) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, false, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, true, err
}

// productImage opens the picture name and reads its size; a missing
// picture is an error at the shortcode.
func productImage(inv *shortcodes.Invocation, images ProductImages, name, product string) (ImageData, error) {
	if strings.TrimSpace(name) == "" {
		return ImageData{}, inv.Errorf("shortcode %q: missing argument image= (a picture of the product: a file of static/, such as image=\"/images/scale.png\", or of the page's bundle)", inv.Name)
	}
	clean, err := CleanImageName(name)
	if err != nil {
		return ImageData{}, inv.Errorf("shortcode %q: image=%q: %v", inv.Name, name, err)
	}
	if images == nil {
		return ImageData{}, inv.Errorf("shortcode %q: image=%q: no image folders to look in", inv.Name, name)
	}
	f, src, err := images(clean)
	if errors.Is(err, fs.ErrNotExist) {
		where := "static/" + strings.TrimPrefix(clean, "/")
		if !strings.HasPrefix(clean, "/") {
			where = "the page's bundle or static/"
		}
		return ImageData{}, inv.Errorf("shortcode %q: image %q not found in %s", inv.Name, name, where)
	}
	if err != nil {
		return ImageData{}, inv.Errorf("shortcode %q: image %q: %v", inv.Name, name, err)
	}
	defer f.Close()
	w, h, err := imageSize(f, name)
	if err != nil {
		return ImageData{}, inv.Errorf("shortcode %q: %v", inv.Name, err)
	}
	return ImageData{Src: src, Alt: product, Width: w, Height: h}, nil
}
