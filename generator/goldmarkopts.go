package generator

import (
	"strings"

	"github.com/affsite/affsite/mdext"
	"github.com/affsite/affsite/siteconfig"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmarkExtensions are the goldmark extensions that
// markup.goldmark.extensions (and parser.attribute.block) turn on, as
// Hugo turns them on.
func goldmarkExtensions(e siteconfig.ExtensionsConfig, p siteconfig.ParserConfig) []goldmark.Extender {
	var exts []goldmark.Extender
	if p.Attribute.Block {
		exts = append(exts, mdext.BlockAttributes{})
	}
	for _, x := range []struct {
		on  bool
		ext goldmark.Extender
	}{
		{e.Table, extension.Table},
		{e.Strikethrough, extension.Strikethrough},
		{e.Linkify, mdext.Linkify{}},
		{e.TaskList, extension.TaskList},
		{e.Footnote, extension.Footnote},
		{e.DefinitionList, extension.DefinitionList},
	} {
		if x.on {
			exts = append(exts, x.ext)
		}
	}
	if !e.Typographer.Disable {
		exts = append(exts, typographer(e.Typographer.Substitutions))
	}
	return exts
}

// typographerPunctuation maps a typographer key of Hugo's, lower case,
// to goldmark's punctuation.
var typographerPunctuation = map[string]extension.TypographicPunctuation{
	"leftsinglequote": extension.LeftSingleQuote, "rightsinglequote": extension.RightSingleQuote,
	"leftdoublequote": extension.LeftDoubleQuote, "rightdoublequote": extension.RightDoubleQuote,
	"endash": extension.EnDash, "emdash": extension.EmDash, "ellipsis": extension.Ellipsis,
	"leftanglequote": extension.LeftAngleQuote, "rightanglequote": extension.RightAngleQuote,
	"apostrophe": extension.Apostrophe,
}

// typographer is the typographer extension with the site's
// substitutions (keyed by Hugo's names, lower case) over goldmark's.
func typographer(subs map[string]string) goldmark.Extender {
	if len(subs) == 0 {
		return extension.Typographer
	}
	m := map[extension.TypographicPunctuation]string{}
	for k, v := range subs {
		if p, ok := typographerPunctuation[strings.ToLower(k)]; ok {
			m[p] = v
		}
	}
	return extension.NewTypographer(extension.WithTypographicSubstitutions(m))
}

// rendererOptions are goldmark's options for markup.goldmark.renderer.
func rendererOptions(r siteconfig.RendererConfig) []renderer.Option {
	var opts []renderer.Option
	if r.Unsafe {
		opts = append(opts, html.WithUnsafe())
	}
	if r.HardWraps {
		opts = append(opts, html.WithHardWraps())
	}
	if r.XHTML {
		opts = append(opts, html.WithXHTML())
	}
	return opts
}

// parserOptions are goldmark's options for markup.goldmark.parser.
func parserOptions(p siteconfig.ParserConfig) []parser.Option {
	var opts []parser.Option
	if p.AutoHeadingID {
		opts = append(opts, parser.WithAutoHeadingID())
	}
	if p.Attribute.Title {
		// "## Title {#id .class}", on by default in Hugo.
		opts = append(opts, parser.WithAttribute())
	}
	return opts
}

// transformers are the AST transformers of a site's Markdown, with or
// without linkify: the page's (headings, affiliate links, linkify's
// protocol), keyword auto-links, and those the settings gm ask for.
func (m *markdown) transformers(gm siteconfig.GoldmarkConfig, linkify bool) []util.PrioritizedValue {
	pt := &pageTransformer{key: m.stateKey, rawHTML: gm.Renderer.Unsafe, idStyle: gm.Parser.AutoHeadingIDType, bare: !linkify && gm.Extensions.Linkify}
	if linkify && gm.Extensions.LinkifyProtocol != "http" {
		pt.protocol = []byte(gm.Extensions.LinkifyProtocol)
	}
	ts := []util.PrioritizedValue{util.Prioritized(pt, 100), util.Prioritized(autoLinkTransformer{}, 50)}
	if !gm.Parser.WrapStandAloneImageWithinParagraph {
		ts = append(ts, util.Prioritized(standAloneImages{}, 200))
	}
	return ts
}

// standAloneImages is wrapStandAloneImageWithinParagraph = false: an
// image alone in its paragraph replaces the paragraph, taking its
// attributes, as Hugo does.
type standAloneImages struct{}

// Transform implements parser.ASTTransformer.
func (standAloneImages) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var paras []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.Image); ok && entering && n.Parent().ChildCount() == 1 && n.Parent().Kind() == ast.KindParagraph {
			paras = append(paras, n.Parent())
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		img := p.FirstChild()
		for _, a := range p.Attributes() {
			img.SetAttribute(a.Name, a.Value)
		}
		p.Parent().ReplaceChild(p.Parent(), p, img)
	}
}
