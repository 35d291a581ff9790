package hugoshortcodes

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/affsite/affsite/shortcodes"
	"rsc.io/qr"
)

// Figure is .Data of figure.
type Figure struct {
	Src, Link, Target, Rel, Alt, Title, Class, Width, Height, Loading string
	Caption, Attr                                                     template.HTML
	AttrLink                                                          string
}

// Figure is Hugo's figure shortcode. A relative src that names a file
// of the page's bundle becomes that file's URL, as Hugo resolves a page
// resource; caption and attr are Markdown.
//
//	{{< figure src="elephant.jpg" alt="An elephant" caption="At the **zoo**" >}}
func (pg *Page) Figure(inv *shortcodes.Invocation) error {
	g := func(name string) string { v, _ := inv.Arg(name); return v }
	src, err := required(inv, "src", -1)
	if err != nil {
		return err
	}
	if u, err := url.Parse(src); err == nil && !u.IsAbs() && !strings.HasPrefix(u.Path, "/") && pg.Resource != nil {
		if r, ok := pg.Resource(u.Path); ok {
			src = r
		}
	}
	f := Figure{
		Src: src, Link: g("link"), Target: g("target"), Rel: g("rel"), Alt: g("alt"), Title: g("title"),
		Class: g("class"), Width: g("width"), Height: g("height"), Loading: g("loading"), AttrLink: g("attrlink"),
	}
	if f.Caption, err = pg.inline(inv, g("caption")); err != nil {
		return err
	}
	if f.Attr, err = pg.inline(inv, g("attr")); err != nil {
		return err
	}
	if f.Alt == "" && f.Caption != "" {
		f.Alt = plain(string(f.Caption))
	}
	inv.Data = f
	return nil
}

// Details is .Data of details.
type Details struct {
	Class, Name, Title string
	Open               bool
	Summary, Body      template.HTML
}

// Details is Hugo's details shortcode: a collapsible section whose
// summary (inline) and content (blocks) are Markdown.
//
//	{{< details summary="Spoiler" open=true >}}It was the *butler*.{{< /details >}}
func (pg *Page) Details(inv *shortcodes.Invocation) error {
	g := func(name string) string { v, _ := inv.Arg(name); return v }
	d := Details{Class: g("class"), Name: g("name"), Title: g("title")}
	var err error
	if d.Open, err = boolArg(inv, "open", false); err != nil {
		return err
	}
	summary := g("summary")
	if summary == "" {
		summary = "Details"
	}
	if d.Summary, err = pg.inline(inv, summary); err != nil {
		return err
	}
	d.Body = inv.Inner
	if !innerIsHTML(inv) && pg.Markdown != nil {
		if d.Body, err = pg.Markdown(string(inv.Inner)); err != nil {
			return inv.Errorf("shortcode %q: %v", inv.Name, err)
		}
	}
	inv.Data = d
	return nil
}

// innerIsHTML tells whether inv.Inner is already rendered: the inner
// content of a {{% %}} use is Markdown the engine has rendered.
func innerIsHTML(inv *shortcodes.Invocation) bool { return inv.Markdown }

func (pg *Page) inline(inv *shortcodes.Invocation, md string) (template.HTML, error) {
	if md == "" || pg.Markdownify == nil {
		return template.HTML(template.HTMLEscapeString(md)), nil
	}
	h, err := pg.Markdownify(md)
	if err != nil {
		return "", inv.Errorf("shortcode %q: %v", inv.Name, err)
	}
	return h, nil
}

// plain strips the tags of a short piece of HTML and unescapes it
// (html/template escapes it again where it is written).
func plain(h string) string {
	var sb strings.Builder
	in := false
	for _, r := range h {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			sb.WriteRune(r)
		}
	}
	return htmlUnescape(sb.String())
}

var htmlUnescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&quot;", `"`, "&#39;", "'",
	"&rsquo;", "’", "&lsquo;", "‘", "&ldquo;", "“", "&rdquo;", "”", "&hellip;", "…", "&ndash;", "–", "&mdash;", "—").Replace

// ParamValue is Hugo's param shortcode: the page's parameter, else the
// site's, by a key that may be dotted ("author.name").
//
//	{{< param "author.name" >}}
func (pg *Page) ParamValue(inv *shortcodes.Invocation) error {
	key, err := required(inv, "key", 0)
	if err != nil {
		return err
	}
	var v any
	ok := false
	if pg.Param != nil {
		v, ok = pg.Param(key)
	}
	if !ok || v == nil || v == "" {
		return inv.Errorf("shortcode %q: no parameter %q in the page's front matter or the site's params", inv.Name, key)
	}
	inv.Data = fmt.Sprint(v)
	return nil
}

// HighlightCode is Hugo's highlight shortcode: the inner text coloured
// in the language of the first argument, with the options of the second
// ("linenos=table,hl_lines=2 4-5,linenostart=10").
//
//	{{< highlight go "linenos=table" >}}package main{{< /highlight >}}
func (pg *Page) HighlightCode(inv *shortcodes.Invocation) error {
	code := string(inv.Inner)
	if inv.Markdown {
		code = inv.InnerText() // the code as written, not rendered as Markdown
	}
	code = strings.Trim(code, "\n\r")
	lang := arg(inv, "language", 0)
	h, err := pg.Highlight.Highlight(code, lang, arg(inv, "options", 1))
	if err != nil {
		return inv.Errorf("shortcode %q: %v", inv.Name, err)
	}
	inv.Data = template.HTML(h)
	return nil
}

// QRCode is .Data of qr.
type QRCode struct {
	Src                            template.URL // a data: URL of the PNG
	Width, Height                  int
	Alt, Class, ID, Title, Loading string
}

// qrLevels are Hugo's names of the error correction levels.
var qrLevels = map[string]qr.Level{"low": qr.L, "medium": qr.M, "quartile": qr.Q, "high": qr.H}

// QR is Hugo's qr shortcode: the text (the argument, else the inner
// text) as a QR code image. The PNG is written into the page as a data:
// URL, where Hugo publishes a file: the page needs no second request,
// and one code on many pages is no file written twice. targetDir, which
// names Hugo's folder for the file, is accepted and has no use here.
//
//	{{< qr text="https://example.org" level="high" scale=3 alt="Our site" />}}
func (pg *Page) QR(inv *shortcodes.Invocation) error {
	g := func(name string) string { v, _ := inv.Arg(name); return v }
	text := cmp.Or(g("text"), strings.TrimSpace(inv.InnerText()))
	if text == "" {
		return inv.Errorf("shortcode %q needs a text argument, or the text between its tags", inv.Name)
	}
	code, err := qrCode(inv, text, cmp.Or(g("level"), "medium"), g("scale"))
	if err != nil {
		return err
	}
	side := code.Image().Bounds().Dx() // with the quiet zone around the code
	inv.Data = QRCode{
		Src:   template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(code.PNG())),
		Width: side, Height: side,
		Alt: g("alt"), Class: g("class"), ID: g("id"), Title: g("title"), Loading: g("loading"),
	}
	return nil
}

// qrCode encodes text at error-correction level levelName, each module
// scale pixels (4 when scale is "").
func qrCode(inv *shortcodes.Invocation, text, levelName, scale string) (*qr.Code, error) {
	level, ok := qrLevels[levelName]
	if !ok {
		return nil, inv.Errorf("shortcode %q: level must be low, medium, quartile or high, not %q", inv.Name, levelName)
	}
	n, err := qrScale(inv, scale)
	if err != nil {
		return nil, err
	}
	code, err := qr.Encode(text, level)
	if err != nil {
		return nil, inv.Errorf("shortcode %q: %v", inv.Name, err)
	}
	code.Scale = n
	return code, nil
}

// qrScale reads scale=: a whole number of 2 or more, 4 when not given.
func qrScale(inv *shortcodes.Invocation, s string) (int, error) {
	if s == "" {
		return 4, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 2 {
		return 0, inv.Errorf("shortcode %q: scale must be a whole number of 2 or more, not %q", inv.Name, s)
	}
	return n, nil
}
