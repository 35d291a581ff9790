package generator

import (
	"bytes"
	stdhtml "html"
	"html/template"
	"strings"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/mdext"
	"github.com/affsite/affsite/siteconfig"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown renders page bodies. One value is shared by every page of a
// build: per-page state travels in the parser.Context.
type markdown struct {
	md goldmark.Markdown
	// bare is md without linkify, which a page's parse tries first
	// (parse); nil when linkify is off, or extensions the build was given
	// may read the text nodes linkify's parser splits.
	bare goldmark.Markdown
	// ownOnly: no extensions but affsite's own, so text nodes render as
	// goldmark renders them (plainTitle).
	ownOnly  bool
	stateKey parser.ContextKey
	// toc is markup.tableOfContents: which headings a page's table of
	// contents lists, and how.
	toc siteconfig.TableOfContentsConfig
	// idStyle is markup.goldmark.parser.autoHeadingIDType.
	idStyle string
}

// mdState is what one page's rendering collects: its headings for the
// table of contents and the affiliate links that Markdown wrote.
type mdState struct {
	links    linkClassifier
	headings []*ast.Heading
	affLinks []affLink
	// placeholders turns the shortcode placeholders in a heading's text
	// into the plain text of their HTML; nil when there are none.
	placeholders func(text string) (string, bool)
	auto         *autoLinks // nil: no keyword auto-links on this page
	// toc is the page's table of contents, made by renderTo.
	toc template.HTML
	// marks are where linkify could find an address in the Markdown;
	// mayLinkify: a text of the page, parsed without linkify, may hold
	// what linkify links (mdext.LinkMarks).
	marks      mdext.LinkMarks
	mayLinkify bool
}

// affLink is an affiliate link written in Markdown or raw HTML.
type affLink struct {
	program string
	href    string
	offset  int // in the Markdown source given to goldmark
}

// mdStateKey is the parser.Context key of a page's mdState. It is made
// once: parser.NewContextKey bumps goldmark's global key counter, which
// NewContext reads to size every context, so making a key per build
// raced with (and could overflow the contexts of) concurrent builds.
var mdStateKey = parser.NewContextKey()

// newMarkdown makes the renderer of a site's Markdown with the site's
// markup settings (markup.goldmark, markup.tableOfContents), affsite's
// own extensions own (which add node renderers, nothing else) and the
// extensions extra.
func newMarkdown(mc siteconfig.MarkupConfig, own []goldmark.Extender, extra ...goldmark.Extender) *markdown {
	gm := mc.Goldmark
	m := &markdown{stateKey: mdStateKey, toc: mc.TableOfContents, idStyle: gm.Parser.AutoHeadingIDType, ownOnly: len(extra) == 0}
	exts := append(own[:len(own):len(own)], extra...)
	m.md = m.goldmark(gm, gm.Extensions.Linkify, exts)
	if gm.Extensions.Linkify && m.ownOnly {
		m.bare = m.goldmark(gm, false, exts)
	}
	return m
}

// goldmark is goldmark with the settings gm, with or without linkify,
// and the extensions exts.
func (m *markdown) goldmark(gm siteconfig.GoldmarkConfig, linkify bool, exts []goldmark.Extender) goldmark.Markdown {
	e := gm.Extensions
	e.Linkify = linkify
	return goldmark.New(
		goldmark.WithExtensions(append(goldmarkExtensions(e, gm.Parser), exts...)...),
		goldmark.WithParserOptions(append(parserOptions(gm.Parser),
			parser.WithASTTransformers(m.transformers(gm, linkify)...))...),
		goldmark.WithRendererOptions(append(rendererOptions(gm.Renderer),
			renderer.WithNodeRenderers(util.Prioritized(rawBlockRenderer{}, 100)))...),
	)
}

// render converts src to HTML, collecting the page's headings and
// affiliate links into st.
func (m *markdown) render(src []byte, st *mdState) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := m.renderTo(&buf, src, st); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderTo is render writing into buf.
func (m *markdown) renderTo(buf *bytes.Buffer, src []byte, st *mdState) error {
	doc := m.parse(src, st)
	if err := m.md.Renderer().Render(bufferWriter{buf}, src, doc); err != nil {
		return err
	}
	toc, err := m.tableOfContents(st, src)
	st.toc = toc
	return err
}

// parse parses a page's Markdown. Linkify's parser, asked at every
// space of the text, finds nothing on most pages: the page is parsed
// without it first, and again with it only when a text of that parse
// may hold an address (mdext.LinkMarks, which pageTransformer asks).
// A page with keyword auto-links is parsed with it at once: their
// transformer reads the text nodes, which linkify's parser splits; so
// is one with lines that end in blanks it splits (mdext.SplitsBlanks).
func (m *markdown) parse(src []byte, st *mdState) ast.Node {
	if m.bare != nil && st.auto == nil && !mdext.SplitsBlanks(src) {
		st.marks = mdext.NewLinkMarks(src)
		doc := m.parseWith(m.bare, src, st)
		if !st.mayLinkify {
			return doc
		}
		st.headings, st.affLinks, st.mayLinkify = nil, nil, false
	}
	return m.parseWith(m.md, src, st)
}

// parseWith parses src with md (m.md or m.bare), the page's state st
// in its context.
func (m *markdown) parseWith(md goldmark.Markdown, src []byte, st *mdState) ast.Node {
	ctx := parser.NewContext(parser.WithIDs(mdext.NewHeadingIDs(m.idStyle)))
	ctx.Set(m.stateKey, st)
	return md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
}

// renderPlain converts src to HTML with no page state (markdownify,
// {{% %}} inner content).
func (m *markdown) renderPlain(src []byte) ([]byte, error) {
	return m.render(src, &mdState{})
}

// pageTransformer records headings and marks affiliate links in the AST:
// the rel attribute is set on the node, never patched into the HTML.
type pageTransformer struct {
	key parser.ContextKey
	// rawHTML is markup.goldmark.renderer.unsafe: when false raw HTML is
	// omitted, so its anchors are neither rewritten nor recorded.
	rawHTML bool
	idStyle string // markup.goldmark.parser.autoHeadingIDType
	// protocol is markup.goldmark.extensions.linkifyProtocol, the
	// scheme of a linkified "www." address, when it is not goldmark's
	// http; nil otherwise.
	protocol []byte
	// bare: the parse is without linkify, and the page's state learns
	// whether a text may hold what linkify links (markdown.parse).
	bare bool
}

// Transform implements parser.ASTTransformer.
func (t *pageTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(t.key).(*mdState)
	if st == nil {
		st = &mdState{} // nothing to record: linkify's protocol only
	}
	src := reader.Source()
	var replace [][2]ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			if st.links != nil && t.rawHTML {
				if r := st.rewriteRawHTML(n, src); r != nil {
					replace = append(replace, [2]ast.Node{n, r})
				}
			}
		case *ast.Heading:
			st.headings = append(st.headings, n)
			if id, ok := n.AttributeString("id"); ok && st.placeholders != nil {
				idb, _ := id.([]byte)
				text := string(plainText(n, src))
				// The automatic id was made from the placeholder text;
				// make it from what the reader sees. An id the author
				// set with {#id} is kept.
				if resolved, had := st.placeholders(text); had && isAutoID(string(idb), text, t.idStyle) {
					if ids := pc.IDs(); ids != nil {
						n.SetAttributeString("id", ids.Generate([]byte(resolved), ast.KindHeading))
					}
				}
			}
		case *ast.Link:
			st.markLink(n, string(n.Destination), nodeOffset(n))
		case *ast.Text:
			if t.bare && st.marks.MayLinkText(n.Segment) {
				// The page is parsed again with linkify (markdown.parse):
				// nothing more of this parse is kept.
				st.mayLinkify = true
				return ast.WalkStop, nil
			}
		case *ast.AutoLink:
			if n.Protocol != nil && t.protocol != nil {
				n.Protocol = t.protocol // only linkify sets a protocol
			}
			if n.AutoLinkType == ast.AutoLinkURL {
				st.markLink(n, string(n.URL(src)), nodeOffset(n))
			}
		}
		return ast.WalkContinue, nil
	})
	if st.mayLinkify {
		return
	}
	for _, r := range replace {
		r[0].Parent().ReplaceChild(r[0].Parent(), r[0], r[1])
	}
}

// isAutoID tells whether id is the automatic id of a heading whose text
// is text in the heading id style (possibly with a "-N" suffix that
// makes it unique).
func isAutoID(id, text, style string) bool {
	auto := mdext.Anchorize(text, style)
	return id == auto || strings.HasPrefix(id, auto+"-")
}

// markLink adds affiliate.Rel to a link that points
// at an affiliate program, and records it.
func (st *mdState) markLink(n ast.Node, href string, off int) {
	if st.links == nil {
		return
	}
	prog, ok := st.links.classify(href)
	if !ok {
		return
	}
	rel := affiliate.Rel
	if v, ok := n.AttributeString("rel"); ok {
		if b, isBytes := v.([]byte); isBytes {
			rel = affiliate.MergeRel(string(b), rel)
		}
	}
	n.SetAttributeString("rel", []byte(rel))
	st.affLinks = append(st.affLinks, affLink{program: prog, href: href, offset: off})
}

// nodeOffset finds the source offset of the first text below n, or -1.
func nodeOffset(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return -1
}

// plainText returns the text of n's inline children.
func plainText(n ast.Node, src []byte) []byte {
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b = append(b, t.Segment.Value(src)...)
			if t.SoftLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			// The typographer's strings are HTML entities ("&rsquo;").
			b = append(b, stdhtml.UnescapeString(string(t.Value))...)
		}
		return ast.WalkContinue, nil
	})
	return b
}
