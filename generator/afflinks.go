package generator

import (
	"github.com/affsite/affsite/affiliate"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// linkClassifier tells whether a URL is an affiliate link, and to which
// program it belongs.
type linkClassifier interface {
	classify(href string) (program string, ok bool)
}

// classify implements linkClassifier for the build's programs (read at
// each call: an incremental rebuild may replace them).
func (b *builder) classify(href string) (string, bool) {
	return affiliate.Classifier{GoPath: b.basePath + "go/", Programs: b.programs, Links: b.linkSet, BasePath: b.basePath}.Program(href)
}

// pageLinks is one page's link classifier: the build's, which it asks
// once for each href of the page (the first maxPageLinks of them), since
// a page's Markdown links are classified where they are marked and again
// where the disclosure rule's scan finds them in its HTML.
type pageLinks struct {
	links linkClassifier
	seen  []classifiedLink
}

// classifiedLink is what a linkClassifier told of href.
type classifiedLink struct {
	href, program string
	ok            bool
}

// maxPageLinks bounds what a pageLinks keeps: it is searched in order,
// and past a few dozen hrefs the build's classifier is as quick.
const maxPageLinks = 48

// classify implements linkClassifier.
func (p *pageLinks) classify(href string) (string, bool) {
	for _, c := range p.seen {
		if c.href == href {
			return c.program, c.ok
		}
	}
	prog, ok := p.links.classify(href)
	if len(p.seen) < maxPageLinks {
		if p.seen == nil {
			p.seen = make([]classifiedLink, 0, 16)
		}
		p.seen = append(p.seen, classifiedLink{href, prog, ok})
	}
	return prog, ok
}

// rawBlock is an HTML block whose anchors were rewritten; it renders its
// bytes as they are.
type rawBlock struct {
	ast.BaseBlock
	html []byte
}

// kindRawBlock is the ast.NodeKind of rawBlock.
var kindRawBlock = ast.NewNodeKind("AffsiteRawBlock")

// Kind implements ast.Node.
func (b *rawBlock) Kind() ast.NodeKind { return kindRawBlock }

// Dump implements ast.Node.
func (b *rawBlock) Dump(src []byte, level int) { ast.DumpHelper(b, src, level, nil, nil) }

// rawBlockRenderer renders rawBlock nodes.
type rawBlockRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (rawBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindRawBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, err := w.Write(n.(*rawBlock).html)
			return ast.WalkSkipChildren, err
		}
		return ast.WalkContinue, nil
	})
}

// rewriteRawHTML replaces a raw HTML node (inline or block) that holds an
// affiliate anchor with a node holding the rewritten HTML. It returns
// the replacement, or nil when n stays as it is.
func (st *mdState) rewriteRawHTML(n ast.Node, src []byte) ast.Node {
	var b []byte
	off := -1
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			if off < 0 {
				off = seg.Start
			}
			b = append(b, seg.Value(src)...)
		}
	case *ast.HTMLBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			if off < 0 {
				off = seg.Start
			}
			b = append(b, seg.Value(src)...)
		}
		if n.HasClosure() {
			b = append(b, n.ClosureLine.Value(src)...)
		}
	default:
		return nil
	}
	changed := false
	out := affiliate.RewriteAnchors(b, st.links.classify, func(program, href string) {
		st.affLinks = append(st.affLinks, affLink{program: program, href: href, offset: off})
		changed = true
	})
	if !changed {
		return nil
	}
	if n.Type() == ast.TypeBlock {
		return &rawBlock{html: out}
	}
	s := ast.NewString(out)
	s.SetCode(true)
	return s
}
