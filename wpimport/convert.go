package wpimport

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	mdconv "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// converter turns one item's HTML into Markdown. Parts that Markdown
// cannot say (players, figures with captions, scripts, forms) and the
// affsite shortcodes it writes are put in as placeholder words, which
// the HTML-to-Markdown step leaves alone, and put back afterwards.
type converter struct {
	idx   *index
	rep   *Report
	media *media
	file  string   // content file being written, for the report
	raws  []string // placeholder i stands for raws[i]
	notes []string
}

// placeholder is a word no post holds: "affsiteph" + index + "x".
const phPrefix = "affsiteph"

var phRe = regexp.MustCompile(phPrefix + `([0-9]+)x`)

func (c *converter) note(format string, args ...any) {
	c.notes = append(c.notes, fmt.Sprintf(format, args...))
}

// raw stores s and returns the placeholder that stands for it; a block
// one is a paragraph of its own.
func (c *converter) raw(s string, block bool) string {
	ph := phPrefix + strconv.Itoa(len(c.raws)) + "x"
	if block {
		s = "\n\n" + s + "\n\n"
		ph = "<p>" + ph + "</p>"
	}
	c.raws = append(c.raws, s)
	return ph
}

// toMarkdown converts the post content (as stored, before wpautop).
func (c *converter) toMarkdown(content string) (string, error) {
	blocks := strings.Contains(content, "<!-- wp:")
	content = c.expandBlocks(content)
	content = c.expandShortcodes(content)
	if !blocks {
		content = autop(content)
	}
	doc, err := c.rewriteHTML(content)
	if err != nil {
		return "", err
	}
	conv := mdconv.NewConverter(mdconv.WithPlugins(
		base.NewBasePlugin(), commonmark.NewCommonmarkPlugin(), table.NewTablePlugin(), strikethrough.NewStrikethroughPlugin(),
	))
	md, err := conv.ConvertString(doc)
	if err != nil {
		return "", err
	}
	// Put the placeholders back, innermost last: a raw part may hold
	// placeholders of its own (a link inside a caption).
	for i := 0; i < 4 && phRe.MatchString(md); i++ {
		md = phRe.ReplaceAllStringFunc(md, func(m string) string {
			n, _ := strconv.Atoi(phRe.FindStringSubmatch(m)[1])
			if n < len(c.raws) {
				return c.raws[n]
			}
			return m
		})
	}
	md = collapseBlankLines(md)
	return strings.TrimSpace(md) + "\n", nil
}

var blankLines = regexp.MustCompile(`\n{3,}`)

func collapseBlankLines(s string) string { return blankLines.ReplaceAllString(s, "\n\n") }

// keptRaw are the elements kept as HTML, whatever their content:
// Markdown has nothing for them, and the HTML converter would drop them.
var keptRaw = map[atom.Atom]bool{
	atom.Iframe: true, atom.Video: true, atom.Audio: true, atom.Object: true, atom.Embed: true,
	atom.Script: true, atom.Style: true, atom.Form: true, atom.Noscript: true,
}

// rewriteHTML parses the content, rewrites its links and media, puts
// placeholders for what stays raw, and renders it back.
func (c *converter) rewriteHTML(s string) (string, error) {
	body, err := parseBody(s)
	if err != nil {
		return "", err
	}
	c.walk(body)
	return renderChildren(body)
}

// parseBody parses s as the content of a <body>, under a parent of its
// own so that a top-level element kept raw (a [caption]'s figure) can
// be put in its place.
func parseBody(s string) (*html.Node, error) {
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	return body, err
}

// renderChildren is the HTML of n's children.
func renderChildren(n *html.Node) (string, error) {
	var buf bytes.Buffer
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if err := html.Render(&buf, ch); err != nil {
			return "", err
		}
	}
	return buf.String(), nil
}

func (c *converter) walk(n *html.Node) {
	if n.Type != html.ElementNode {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			c.walk(ch)
		}
		return
	}
	c.rewriteAttrs(n)
	if keptAsHTML(n) {
		c.keepRaw(n)
		return
	}
	if n.DataAtom == atom.A {
		if c.linkShortcode(n) {
			return
		}
	}
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		c.walk(ch)
		ch = next
	}
}

// keptAsHTML reports whether element n stays HTML in the Markdown: the
// kinds keptRaw names, a figure with a caption, and an image whose
// srcset survived (--uploads), since Markdown images have no srcset.
func keptAsHTML(n *html.Node) bool {
	return keptRaw[n.DataAtom] || n.DataAtom == atom.Figure && hasChild(n, atom.Figcaption) ||
		n.DataAtom == atom.Img && attr(n, "srcset") != ""
}

// keepRaw rewrites the attributes inside n, then replaces n with the
// placeholder of its HTML as it is; a block-level one stands in a
// paragraph of its own.
func (c *converter) keepRaw(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walkAttrsOnly(ch)
	}
	var b bytes.Buffer
	_ = html.Render(&b, n)
	c.rep.Raw[n.Data]++
	if n.DataAtom == atom.Script || n.DataAtom == atom.Form || n.DataAtom == atom.Object || n.DataAtom == atom.Embed {
		c.note("<%s> kept as raw HTML: check it still works", n.Data)
	}
	block := n.DataAtom != atom.Script && n.DataAtom != atom.Img || n.Parent == nil || n.Parent.Parent == nil
	ph := c.raw(b.String(), false)
	if block {
		c.raws[len(c.raws)-1] = "\n\n" + c.raws[len(c.raws)-1] + "\n\n"
	}
	replaceWithText(n, ph)
}

func (c *converter) walkAttrsOnly(n *html.Node) {
	if n.Type == html.ElementNode {
		c.rewriteAttrs(n)
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walkAttrsOnly(ch)
	}
}

func hasChild(n *html.Node, a atom.Atom) bool {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.DataAtom == a {
			return true
		}
	}
	return false
}

// replaceWithText puts a text node holding s in n's place.
func replaceWithText(n *html.Node, s string) {
	t := &html.Node{Type: html.TextNode, Data: s}
	if n.Parent != nil {
		n.Parent.InsertBefore(t, n)
		n.Parent.RemoveChild(n)
	}
}

// rewriteAttrs rewrites the URLs of one element: hrefs to the old site
// become site paths (?p=ID to the post's path), media go local.
func (c *converter) rewriteAttrs(n *html.Node) {
	out := n.Attr[:0]
	for _, a := range n.Attr {
		switch a.Key {
		case "href":
			a.Val = c.idx.rewriteHref(a.Val, c)
		case "src", "poster":
			a.Val = c.mediaURL(a.Val)
		case "srcset":
			// Without --uploads the candidates would point at the old
			// site: the src is the image kept.
			if a.Val = c.srcset(a.Val); a.Val == "" {
				c.rep.SrcsetDropped++
				continue
			}
			c.rep.SrcsetRewritten++
		case "sizes":
			if attr(n, "srcset") == "" {
				continue
			}
		}
		out = append(out, a)
	}
	n.Attr = out
}

// linkShortcode replaces an anchor to a registry link (its cloaked path
// or its exact destination) by the link shortcode around its text. An
// anchor with more than text in it (an image) stays a Markdown link,
// which the build marks sponsored all the same.
func (c *converter) linkShortcode(n *html.Node) bool {
	href := attr(n, "href")
	l, ok := c.idx.registryLink(href)
	if !ok {
		if c.idx.affiliateHost(href) {
			c.rep.HostLinks++
		}
		return false
	}
	if !onlyText(n) {
		c.rep.LinkKeptMarkdown++
		return false
	}
	text := strings.Join(strings.Fields(textOf(n)), " ")
	text = strings.ReplaceAll(text, "{{", "{ {")
	sc := `{{< link id="` + l + `" >}}` + escapeMarkdown(text) + `{{< /link >}}`
	replaceWithText(n, c.raw(sc, false))
	c.rep.LinkShortcodes++
	return true
}

func escapeMarkdown(s string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `&lt;`).Replace(s)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func onlyText(n *html.Node) bool {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode:
		case ch.Type == html.ElementNode && (ch.DataAtom == atom.Strong || ch.DataAtom == atom.B || ch.DataAtom == atom.Em || ch.DataAtom == atom.I || ch.DataAtom == atom.Span):
			if !onlyText(ch) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			f(ch)
		}
	}
	f(n)
	return sb.String()
}

// blockTag matches the start of content that wpautop leaves unwrapped.
var blockTag = regexp.MustCompile(`(?i)^<(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio|script|!--)`)

// autop does what WordPress's wpautop does for classic-editor content,
// enough for conversion: blank lines separate paragraphs, a single line
// break inside one is a <br>. Content inside <pre> is left as it is.
func autop(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	if strings.Contains(s, "<pre") {
		return s // rare in classic posts; wrapping would break the code
	}
	var sb strings.Builder
	for _, para := range regexp.MustCompile(`\n\s*\n`).Split(s, -1) {
		p := strings.TrimSpace(para)
		if p == "" {
			continue
		}
		if blockTag.MatchString(p) {
			sb.WriteString(p + "\n\n")
			continue
		}
		sb.WriteString("<p>" + strings.ReplaceAll(p, "\n", "<br>\n") + "</p>\n\n")
	}
	return sb.String()
}

// sitePath returns the path of u when it is a URL of the old site (or
// already a path), decoded; ok is false for other hosts.
func (ix *index) sitePath(raw string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, false
	}
	if u.Host == "" && u.Scheme == "" {
		return u, strings.HasPrefix(u.Path, "/") || u.Path == "" && u.RawQuery != ""
	}
	if (u.Scheme == "http" || u.Scheme == "https") && ix.hosts[strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")] {
		return u, true
	}
	return nil, false
}
