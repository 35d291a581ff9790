package generator

import (
	"bytes"
	"github.com/affsite/affsite/programs"
	"io"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// linkClassifier tells whether a URL is an affiliate link, and to which
// program it belongs.
type linkClassifier interface {
	classify(href string) (program string, ok bool)
}

// AffiliateProgram tells whether href is an affiliate link, and of which
// program: a link to a host of a program in set (its url, signup_url or
// domains), a path under goPath (the site's "/go/" folder, whose next
// segment names the program), or an Amazon link carrying an affiliate
// tag (program "amazon"). The build and affsite check share it, so they
// agree on what needs a disclosure and rel="sponsored".
func AffiliateProgram(href, goPath string, set *programs.Set) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return "", false
	}
	if u.Host == "" {
		if rest, ok := strings.CutPrefix(u.Path, goPath); ok && rest != "" {
			id, _, _ := strings.Cut(rest, "/")
			return id, true
		}
		return "", false
	}
	if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "" {
		return "", false
	}
	if IsAmazonURL(href) {
		if u.Query().Get("tag") != "" {
			return "amazon", true
		}
		return "", false
	}
	if set == nil {
		return "", false
	}
	p, ok := set.ByHost(strings.ToLower(u.Hostname()))
	if !ok {
		return "", false
	}
	return p.ID, true
}

// IsAmazonURL tells whether raw links to an Amazon store or its short
// links (amzn.to).
func IsAmazonURL(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return false
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	return host == "amzn.to" || strings.HasPrefix(host, "amazon.") || strings.HasPrefix(host, "smile.amazon.")
}

// classify implements linkClassifier for the build's programs (read at
// each call: an incremental rebuild may replace them).
func (b *builder) classify(href string) (string, bool) {
	return AffiliateProgram(href, b.basePath+"go/", b.programs)
}

// mergeRel adds the words of add to the rel value have, keeping order.
func mergeRel(have, add string) string {
	words := strings.Fields(have)
	for _, w := range strings.Fields(add) {
		found := false
		for _, h := range words {
			if strings.EqualFold(h, w) {
				found = true
				break
			}
		}
		if !found {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
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
	out := rewriteAnchors(b, st.links, func(program, href string) {
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

// rewriteAnchors merges rel="sponsored nofollow noopener" into every <a>
// start tag of b whose href classify accepts, and reports the links.
func rewriteAnchors(b []byte, c linkClassifier, found func(program, href string)) []byte {
	if c == nil || !bytes.Contains(bytes.ToLower(b), []byte("<a")) {
		return b
	}
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(b))
	changed := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				return b
			}
			break
		}
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		tok := z.Token()
		if tok.Data != "a" {
			out.Write(raw)
			continue
		}
		href, relIdx := "", -1
		for i, a := range tok.Attr {
			switch a.Key {
			case "href":
				href = a.Val
			case "rel":
				relIdx = i
			}
		}
		prog, ok := c.classify(href)
		if !ok {
			out.Write(raw)
			continue
		}
		found(prog, href)
		if relIdx >= 0 {
			tok.Attr[relIdx].Val = mergeRel(tok.Attr[relIdx].Val, "sponsored nofollow noopener")
		} else {
			tok.Attr = append(tok.Attr, html.Attribute{Key: "rel", Val: "sponsored nofollow noopener"})
		}
		out.WriteString(tok.String())
		changed = true
	}
	if !changed {
		return b
	}
	return out.Bytes()
}
