package generator

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/internal/suggest"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// autoLinks is one page's keyword auto-linking: the site's
// [[affiliate.auto_links]] phrases, how many links each has made, and
// how a link is made (and recorded) for the page.
type autoLinks struct {
	rules []autoRule // longest phrase first, so "Kartra Gold" wins over "Kartra"
	made  []int      // per rule
	// link makes the tracked link of rule r for a mention at offset off
	// of the Markdown.
	link func(r autoRule, off int) (builtins.LinkData, error)
	err  error // the first error of link; the page fails with it
}

type autoRule struct {
	affiliate.AutoLink
	re *regexp.Regexp
}

// autoLinksFor returns the auto-linking of a page, nil when the site has
// no phrases or the page opts out (front matter autolink: false). Every
// rule is checked against the program data and the links registry first,
// so a wrong id in site.toml fails the build even on pages that never
// mention its phrase.
func (b *builder) autoLinksFor(s *source, state *builtins.PageState, body, md []byte) (*autoLinks, error) {
	cfg := b.cfg.Affiliate.AutoLinks
	if len(cfg) == 0 || !autoLinkOn(s.page.Params) {
		return nil, nil
	}
	rules := make([]autoRule, 0, len(cfg))
	for i, a := range cfg {
		if err := b.checkAutoLink(a); err != nil {
			return nil, fmt.Errorf("%s: [[affiliate.auto_links]] %d (%q): %v", b.cfg.File, i+1, a.Phrase, err)
		}
		rules = append(rules, autoRule{AutoLink: a, re: phraseRE(a.Phrase)})
	}
	sort.SliceStable(rules, func(i, j int) bool { return len(rules[i].Phrase) > len(rules[j].Phrase) })
	al := &autoLinks{rules: rules, made: make([]int, len(rules))}
	al.link = func(r autoRule, off int) (builtins.LinkData, error) {
		line := lineOfText(body, lineAt(md, off), s.lineOffset)
		if r.Link != "" {
			return state.TrackedRegistryLink(b.linkSet, r.Link, affiliate.AutoLinkPlacement, line, b.now)
		}
		return state.TrackedLink(r.Program, r.Plan, affiliate.AutoLinkPlacement, line)
	}
	return al, nil
}

// checkAutoLink checks that an auto-link's program (and plan) or link
// exists.
func (b *builder) checkAutoLink(a affiliate.AutoLink) error {
	if a.Link != "" {
		if _, ok := b.linkSet.Get(a.Link); !ok {
			return unknownAutoTarget("link", a.Link, b.linkSet.IDs())
		}
		return nil
	}
	p, ok := b.programs.Get(a.Program)
	if !ok {
		return unknownAutoTarget("program", a.Program, b.programs.IDs())
	}
	if a.Plan != "" {
		if _, ok := p.Plan(a.Plan); !ok {
			return fmt.Errorf("unknown plan %q of program %q (plans: %s)", a.Plan, p.ID, strings.Join(p.PlanIDs(), ", "))
		}
	}
	return nil
}

func unknownAutoTarget(what, id string, ids []string) error {
	if s, ok := suggest.Closest(id, ids); ok {
		return fmt.Errorf("unknown %s %q; did you mean %q?", what, id, s)
	}
	return fmt.Errorf("unknown %s %q (known: %s)", what, id, strings.Join(ids, ", "))
}

// autoLinkOn reads a page's autolink front matter: on unless false.
func autoLinkOn(params map[string]any) bool {
	for k, v := range params {
		if strings.EqualFold(k, "autolink") {
			if on, ok := v.(bool); ok {
				return on
			}
		}
	}
	return true
}

// phraseRE matches phrase in any case, as a whole word where it starts
// or ends with an ASCII letter or digit (Go's \b knows only ASCII words,
// so a phrase ending in "é" is matched without a boundary there).
func phraseRE(phrase string) *regexp.Regexp {
	expr := regexp.QuoteMeta(phrase)
	if isWordByte(phrase[0]) {
		expr = `\b` + expr
	}
	if isWordByte(phrase[len(phrase)-1]) {
		expr += `\b`
	}
	return regexp.MustCompile(`(?i)` + expr)
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// lineAt returns the text of the line of src that holds offset off.
func lineAt(src []byte, off int) string {
	if off < 0 || off > len(src) {
		return ""
	}
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src) - off
	}
	return strings.TrimSpace(string(src[start : off+end]))
}

// autoLinkTransformer turns the first mentions of the auto-link phrases
// into affiliate links. It runs after pageTransformer, which would
// otherwise record the new links a second time as Markdown links; it sets
// their rel itself.
type autoLinkTransformer struct{}

// Transform implements parser.ASTTransformer.
func (autoLinkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(mdStateKey).(*mdState)
	if st == nil || st.auto == nil {
		return
	}
	al := st.auto
	// Collect first, change after: the walk must not see the new nodes.
	var texts []*ast.Text
	rawAnchors := 0 // open <a> tags of inline raw HTML in the current block
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			rawAnchors = 0
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading, *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan,
			*ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			rawAnchors += rawAnchorDelta(n, reader.Source())
		case *ast.Text:
			if rawAnchors <= 0 {
				texts = append(texts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	src := reader.Source()
	for _, t := range texts {
		if al.done() {
			return
		}
		al.linkText(t, src)
	}
}

// done tells whether every rule has made its links (or one failed).
func (al *autoLinks) done() bool {
	for i, r := range al.rules {
		if al.made[i] < r.Max && al.err == nil {
			return false
		}
	}
	return true
}

// linkText replaces the mentions in t, left to right, by links, while
// their rules have links left to make.
func (al *autoLinks) linkText(t *ast.Text, src []byte) {
	parent := t.Parent()
	seg := t.Segment
	var pieces []ast.Node
	for {
		value := src[seg.Start:seg.Stop]
		best, at, end := -1, 0, 0
		for i, r := range al.rules {
			if al.made[i] >= r.Max {
				continue
			}
			if loc := r.re.FindIndex(value); loc != nil && (best < 0 || loc[0] < at) {
				best, at, end = i, loc[0], loc[1]
			}
		}
		if best < 0 {
			break
		}
		d, err := al.link(al.rules[best], seg.Start+at)
		if err != nil {
			al.err = err
			break
		}
		al.made[best]++
		if at > 0 {
			pieces = append(pieces, ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+at)))
		}
		link := ast.NewLink()
		link.Destination = []byte(d.Href)
		link.SetAttributeString("rel", []byte(d.Rel))
		if d.Target != "" {
			link.SetAttributeString("target", []byte(d.Target))
		}
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(seg.Start+at, seg.Start+end)))
		pieces = append(pieces, link)
		seg = text.NewSegment(seg.Start+end, seg.Stop)
	}
	if len(pieces) == 0 {
		return
	}
	// The rest keeps the line break that ended the original text.
	rest := ast.NewTextSegment(seg)
	rest.SetSoftLineBreak(t.SoftLineBreak())
	rest.SetHardLineBreak(t.HardLineBreak())
	for _, p := range pieces {
		parent.InsertBefore(parent, t, p)
	}
	parent.ReplaceChild(parent, t, rest)
}

// rawAnchorDelta is +1 for an inline raw HTML <a …> tag, -1 for </a>.
func rawAnchorDelta(n *ast.RawHTML, src []byte) int {
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		s := n.Segments.At(i)
		b = append(b, s.Value(src)...)
	}
	b = bytes.ToLower(bytes.TrimSpace(b))
	switch {
	case bytes.HasPrefix(b, []byte("</a")) && (len(b) == 3 || b[3] == '>' || b[3] == ' '):
		return -1
	case bytes.HasPrefix(b, []byte("<a")) && len(b) > 2 && (b[2] == '>' || b[2] == ' ' || b[2] == '\n' || b[2] == '\t'):
		return 1
	}
	return 0
}
