package mdext

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// BlockAttributes is markup.goldmark.parser.attribute.block, as Hugo
// 0.111 does it: a line "{.class #id key=value}" right below a block
// (no blank line between) sets those attributes on it, unless the block
// has them already; below a fenced code block, after a blank line, or
// alone, the line is dropped.
type BlockAttributes struct{}

// Extend implements goldmark.Extender.
func (BlockAttributes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(attrLineParser{}, 100)),
		parser.WithASTTransformers(util.Prioritized(attrLineTransformer{}, 100)),
	)
}

// attrLine is a line of attributes, before attrLineTransformer moves
// them onto the block above.
type attrLine struct {
	ast.BaseBlock
}

// kindAttrLine is the ast.NodeKind of attrLine.
var kindAttrLine = ast.NewNodeKind("AffsiteAttributeLine")

// Kind implements ast.Node.
func (*attrLine) Kind() ast.NodeKind { return kindAttrLine }

// Dump implements ast.Node.
func (a *attrLine) Dump(src []byte, level int) { ast.DumpHelper(a, src, level, nil, nil) }

// attrLineParser reads a line of attributes as a block of its own.
type attrLineParser struct{}

// Trigger implements parser.BlockParser.
func (attrLineParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser.
func (attrLineParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	attrs, ok := parser.ParseAttributes(reader)
	if !ok {
		return nil, parser.RequireParagraph
	}
	n := &attrLine{}
	for _, a := range attrs {
		n.SetAttribute(a.Name, a.Value)
	}
	return n, parser.NoChildren
}

// Continue implements parser.BlockParser.
func (attrLineParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

// Close implements parser.BlockParser.
func (attrLineParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (attrLineParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (attrLineParser) CanAcceptIndentedLine() bool { return false }

// attrLineTransformer moves each attribute line's attributes onto the
// block above it and removes the line.
type attrLineTransformer struct{}

// Transform implements parser.ASTTransformer.
func (attrLineTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var lines []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == kindAttrLine {
			lines = append(lines, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range lines {
		prev := n.PreviousSibling()
		if prev != nil && prev.Kind() != ast.KindFencedCodeBlock && !n.HasBlankPreviousLines() && prev.Type() == ast.TypeBlock {
			for _, a := range n.Attributes() {
				if _, found := prev.Attribute(a.Name); !found {
					prev.SetAttribute(a.Name, a.Value)
				}
			}
		}
		n.Parent().RemoveChild(n.Parent(), n)
	}
}
