package generator_test

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/shortcodes"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// TestOptionsShortcodes: a caller adds a shortcode of its own and
// replaces a built-in; the rest of the built-ins stay.
func TestOptionsShortcodes(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
title = "x"
-- layouts/shortcodes/stars.html --
<span class="stars">{{ .Data }}</span>
-- layouts/shortcodes/cta.html --
<p class="own-cta">{{ .Data }}</p>
-- content/posts/a.md --
---
title: A
---
{{< stars n="3" >}} {{< cta >}} {{< disclosure >}}
`, func(o *generator.Options) {
		o.Shortcodes = func(r *shortcodes.Registry) {
			r.Add("stars", func(inv *shortcodes.Invocation) error {
				n, _ := inv.Arg("n")
				inv.Data = n + " of 5"
				return nil
			}, shortcodes.WithArgs(shortcodes.Args{Named: []string{"n"}}))
			r.Add("cta", func(inv *shortcodes.Invocation) error { inv.Data = "mine"; return nil })
		}
	})
	assertFile(t, b, "posts/a/index.html", `<span class="stars">3 of 5</span>`, `<p class="own-cta">mine</p>`, `aff-disclosure`)
}

// TestOptionsMarkdown: a goldmark extension given in Options runs.
func TestOptionsMarkdown(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- site.toml --
title = "x"
-- content/posts/a.md --
---
title: A
---
Read ==this== now.
`, func(o *generator.Options) {
		o.Markdown = []goldmark.Extender{markExt{}}
	})
	assertFile(t, b, "posts/a/index.html", `Read <mark>this</mark> now.`)
}

// markExt turns "==x==" into <mark>x</mark>, as a site's own extension
// would; a text transformer keeps it short.
type markExt struct{}

func (markExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(markTransformer{}, 999)))
}

type markTransformer struct{}

func (markTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		v := string(t.Segment.Value(src))
		if i := strings.Index(v, "=="); i >= 0 {
			if j := strings.Index(v[i+2:], "=="); j >= 0 {
				repl := ast.NewString([]byte(v[:i] + "<mark>" + v[i+2:i+2+j] + "</mark>" + v[i+4+j:]))
				repl.SetCode(true)
				t.Parent().ReplaceChild(t.Parent(), t, repl)
			}
		}
		return ast.WalkContinue, nil
	})
}
