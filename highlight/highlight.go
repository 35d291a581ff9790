package highlight

import (
	"cmp"
	stdhtml "html"
	"io"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/affsite/affsite/internal/values"
)

// Extender returns the goldmark extension that colours fenced code
// blocks with c, each block's attributes applied on top of it. It returns
// nil when c colours no code fences (CodeFences off, or NoHl), so
// goldmark's plain <pre><code> stays.
func (c Config) Extender() goldmark.Extender {
	if !c.CodeFences || c.NoHl {
		return nil
	}
	return highlighting.NewHighlighting(
		highlighting.WithStyle(c.Style),
		highlighting.WithGuessLanguage(c.GuessSyntax),
		// goldmark-highlighting reads some attributes itself; these
		// options come after its own, so Hugo's reading of every
		// attribute (hl_lines="2 4-5", linenos=false…) wins.
		highlighting.WithCodeBlockOptions(func(ctx highlighting.CodeBlockContext) []chromahtml.Option {
			bc := c.withAttributes(ctx.Attributes())
			lang, _ := ctx.Language()
			return bc.formatterOptions(string(lang))
		}),
		highlighting.WithWrapperRenderer(func(w util.BufWriter, ctx highlighting.CodeBlockContext, entering bool) {
			c.wrap(w, ctx, entering)
		}),
		// Uncoloured code is escaped as Hugo escapes it (html.EscapeString).
		highlighting.WithHTMLOptions(html.WithWriter(escaper{html.DefaultWriter})),
	)
}

// withAttributes is c with a fence's attributes applied. An attribute
// that does not read as its option is ignored, as Hugo ignores it.
func (c Config) withAttributes(attrs highlighting.ImmutableAttributes) Config {
	if attrs == nil {
		return c
	}
	for _, a := range attrs.All() {
		bc := c
		if bc.Set(string(a.Name), a.Value) == nil {
			c = bc
		}
	}
	return c
}

// wrap writes Hugo's markup around a fenced block: <div class="highlight">
// around coloured code; <pre tabindex="0"><code …> around code that no
// lexer colours (chroma writes the <pre> of coloured code itself,
// through preWrapper).
func (c Config) wrap(w util.BufWriter, ctx highlighting.CodeBlockContext, entering bool) {
	lang, _ := ctx.Language()
	switch {
	case ctx.Highlighted() && entering:
		writeDivStart(w, c.WrapperClass, ctx.Attributes())
	case ctx.Highlighted():
		_, _ = w.WriteString("</div>")
	case entering:
		_, _ = w.WriteString(preWrapper{lang: string(lang)}.Start(true, ""))
	default:
		_, _ = w.WriteString(preEnd)
	}
}

// writeDivStart writes <div class="highlight"> with the class attribute
// of the fence added, as Hugo does.
func writeDivStart(w io.StringWriter, class string, attrs highlighting.ImmutableAttributes) {
	_, _ = w.WriteString(`<div class="` + stdhtml.EscapeString(class))
	if attrs != nil {
		if v, ok := attrs.GetString("class"); ok {
			if s, ok := values.Text(v); ok && s != "" {
				_, _ = w.WriteString(" " + stdhtml.EscapeString(s))
			}
		}
	}
	_, _ = w.WriteString(`">`)
}

// Highlight colours code in the language lang with c and the shortcode
// option string opts ("linenos=table,hl_lines=2 4-5"), as Hugo's
// highlight shortcode and template function do.
func (c Config) Highlight(code, lang, opts string) (string, error) {
	if err := c.SetOptions(opts); err != nil {
		return "", err
	}
	lexer, lang := c.lexer(code, lang)
	if lexer == nil || c.NoHl {
		return plainCode(code, lang), nil
	}
	return c.format(lexer, code, lang)
}

// lexer finds the lexer of lang, or with guessSyntax guesses one from
// code (then lang is its name); nil for none.
func (c Config) lexer(code, lang string) (chroma.Lexer, string) {
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer == nil && c.GuessSyntax && !c.NoHl {
		lexer = cmp.Or(lexers.Analyse(code), lexers.Fallback)
		lang = strings.ToLower(lexer.Config().Name)
	}
	return lexer, lang
}

// plainCode is code escaped in the <pre><code> Chroma would write, unhighlighted.
func plainCode(code, lang string) string {
	pw := preWrapper{lang: lang}
	return pw.Start(true, "") + stdhtml.EscapeString(code) + pw.End(true)
}

// format highlights code with lexer in the configured style, in the
// wrapper div.
func (c Config) format(lexer chroma.Lexer, code, lang string) (string, error) {
	style := cmp.Or(styles.Get(c.Style), styles.Fallback)
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	writeDivStart(&sb, c.WrapperClass, nil)
	if err := chromahtml.New(c.formatterOptions(lang)...).Format(&sb, style, it); err != nil {
		return "", err
	}
	sb.WriteString("</div>")
	return sb.String(), nil
}

// formatterOptions are chroma's options for c, the code being in lang.
func (c Config) formatterOptions(lang string) []chromahtml.Option {
	prefix := ""
	if c.LineAnchors != "" {
		prefix = c.LineAnchors + "-"
	}
	opts := []chromahtml.Option{
		chromahtml.TabWidth(c.TabWidth),
		chromahtml.WithLineNumbers(c.LineNos),
		chromahtml.BaseLineNumber(c.LineNoStart),
		chromahtml.LineNumbersInTable(c.LineNumbersInTable),
		chromahtml.WithClasses(!c.NoClasses),
		chromahtml.WithLinkableLineNumbers(c.AnchorLineNos, prefix),
		chromahtml.WithPreWrapper(preWrapper{lang: lang}),
	}
	// Always set, so that goldmark-highlighting's own reading of
	// hl_lines is replaced, not added to.
	ranges := make([][2]int, len(c.HLLines))
	for i, r := range c.HLLines {
		ranges[i] = [2]int{r[0] + c.LineNoStart - 1, r[1] + c.LineNoStart - 1}
	}
	return append(opts, chromahtml.HighlightLines(ranges))
}

// preWrapper writes Hugo's <pre tabindex="0"><code class="language-go"
// data-lang="go">; the <pre> of a line-number column has no language.
type preWrapper struct{ lang string }

const preEnd = "</code></pre>"

// Start implements chromahtml.PreWrapper.
func (p preWrapper) Start(code bool, styleAttr string) string {
	var sb strings.Builder
	sb.WriteString(`<pre tabindex="0"` + styleAttr + `><code`)
	if code && p.lang != "" {
		l := stdhtml.EscapeString(p.lang)
		sb.WriteString(` class="language-` + l + `" data-lang="` + l + `"`)
	}
	sb.WriteString(">")
	return sb.String()
}

// End implements chromahtml.PreWrapper.
func (preWrapper) End(bool) string { return preEnd }

// escaper is goldmark's writer with its RawWrite, which
// goldmark-highlighting uses for code no lexer colours, escaping as
// Hugo does (&#34; for a double quote, &#39; for a single one).
type escaper struct{ html.Writer }

// RawWrite implements html.Writer.
func (escaper) RawWrite(w util.BufWriter, source []byte) {
	_, _ = w.WriteString(stdhtml.EscapeString(string(source)))
}
