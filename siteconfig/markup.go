package siteconfig

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// MarkupConfig is the part of Hugo's [markup] table that affsite
// honours: goldmark's renderer and extensions, and the table of
// contents. Its defaults are Hugo's (DefaultMarkup), except that raw
// HTML is rendered on a site whose configuration is site.toml.
type MarkupConfig struct {
	Goldmark        GoldmarkConfig        `toml:"goldmark"`
	TableOfContents TableOfContentsConfig `toml:"tableOfContents"`
	// Highlight is markup.highlight as written; package highlight
	// reads it (through the generator's Hugo features), so its keys
	// count as used here and never in the unused-settings warning.
	Highlight map[string]any `toml:"highlight"`
}

// GoldmarkConfig is Hugo's [markup.goldmark] table.
type GoldmarkConfig struct {
	Renderer   RendererConfig   `toml:"renderer"`
	Extensions ExtensionsConfig `toml:"extensions"`
	Parser     ParserConfig     `toml:"parser"`
}

// ParserConfig is [markup.goldmark.parser].
type ParserConfig struct {
	// AutoHeadingID gives every heading an id; AutoHeadingIDType says
	// how it is made from the text: "github" (Hugo's default),
	// "github-ascii" (accents removed, other non-ASCII dropped) or
	// "blackfriday".
	AutoHeadingID     bool   `toml:"autoHeadingID"`
	AutoHeadingIDType string `toml:"autoHeadingIDType"`
	// Attribute.Title reads "## Title {#id .class}"; Attribute.Block a
	// line "{.class}" below a block, for that block.
	Attribute struct {
		Title bool `toml:"title"`
		Block bool `toml:"block"`
	} `toml:"attribute"`
	// WrapStandAloneImageWithinParagraph keeps an image alone in its
	// paragraph inside <p>; false writes the <img> alone.
	WrapStandAloneImageWithinParagraph bool `toml:"wrapStandAloneImageWithinParagraph"`
}

// Heading id styles of markup.goldmark.parser.autoHeadingIDType.
const (
	HeadingIDGitHub      = "github"
	HeadingIDGitHubASCII = "github-ascii"
	HeadingIDBlackfriday = "blackfriday"
)

// RendererConfig is [markup.goldmark.renderer].
type RendererConfig struct {
	// Unsafe renders raw HTML; when false it is replaced by
	// <!-- raw HTML omitted -->, as in Hugo. Shortcodes' output is never
	// omitted.
	Unsafe bool `toml:"unsafe"`
	// HardWraps turns every line break of a paragraph into <br>.
	HardWraps bool `toml:"hardWraps"`
	// XHTML closes void elements: <br />, <hr />, <img … />.
	XHTML bool `toml:"xhtml"`
}

// ExtensionsConfig is [markup.goldmark.extensions]: the goldmark
// extensions Hugo turns on, all on by default.
type ExtensionsConfig struct {
	DefinitionList bool `toml:"definitionList"`
	Footnote       bool `toml:"footnote"`
	Linkify        bool `toml:"linkify"`
	// LinkifyProtocol is the scheme given to a linkified "www." address,
	// "https" by default.
	LinkifyProtocol string            `toml:"linkifyProtocol"`
	Strikethrough   bool              `toml:"strikethrough"`
	Table           bool              `toml:"table"`
	TaskList        bool              `toml:"taskList"`
	Typographer     TypographerConfig `toml:"typographer"`
}

// TypographerConfig is the typographer extension's setting: true or
// false, as in Hugo 0.111, or a table as in later Hugo versions, with
// disable and the text that replaces each punctuation (leftDoubleQuote,
// emDash, …).
type TypographerConfig struct {
	Disable bool
	// Substitutions maps a punctuation's Hugo name, lower case
	// ("leftdoublequote"), to the text that replaces it. Punctuation the
	// site does not name keeps goldmark's entity ("&ldquo;").
	Substitutions map[string]string
}

// TypographerPunctuation are the punctuation names of a typographer
// table, as Hugo spells them.
var TypographerPunctuation = []string{
	"leftSingleQuote", "rightSingleQuote", "leftDoubleQuote", "rightDoubleQuote",
	"enDash", "emDash", "ellipsis", "leftAngleQuote", "rightAngleQuote", "apostrophe",
}

// UnmarshalTOML implements toml.Unmarshaler.
func (t *TypographerConfig) UnmarshalTOML(v any) error {
	const msg = "typographer must be true, false or a table (disable, leftDoubleQuote, …)"
	switch x := v.(type) {
	case bool:
		*t = TypographerConfig{Disable: !x}
		return nil
	case map[string]any:
		return t.decodeTable(x)
	}
	return fmt.Errorf("%s", msg)
}

// decodeTable reads a typographer table; keys match ignoring case, and
// keys Hugo does not have are ignored, as Hugo ignores them.
func (t *TypographerConfig) decodeTable(m map[string]any) error {
	// Sorted: the first bad key is the same on every run.
	for _, k := range slices.Sorted(maps.Keys(m)) {
		lk := strings.ToLower(k)
		if lk == "disable" {
			b, ok := m[k].(bool)
			if !ok {
				return fmt.Errorf("typographer.%s must be true or false", k)
			}
			t.Disable = b
			continue
		}
		if !isPunctuation(lk) {
			continue
		}
		s, ok := m[k].(string)
		if !ok {
			return fmt.Errorf("typographer.%s must be a string", k)
		}
		if t.Substitutions == nil {
			t.Substitutions = map[string]string{}
		}
		t.Substitutions[lk] = s
	}
	return nil
}

// isPunctuation tells whether lk, lower case, names a punctuation of
// TypographerPunctuation.
func isPunctuation(lk string) bool {
	for _, p := range TypographerPunctuation {
		if strings.ToLower(p) == lk {
			return true
		}
	}
	return false
}

// TableOfContentsConfig is Hugo's [markup.tableOfContents]: the heading
// levels .TableOfContents lists (endLevel -1: all below startLevel),
// and whether its lists are <ol> rather than <ul>.
type TableOfContentsConfig struct {
	StartLevel int  `toml:"startLevel"`
	EndLevel   int  `toml:"endLevel"`
	Ordered    bool `toml:"ordered"`
}

// DefaultMarkup is Hugo's default markup configuration; rawHTML sets
// markup.goldmark.renderer.unsafe, which is false in Hugo and true on a
// site.toml site (affsite's own sites and themes write raw HTML).
func DefaultMarkup(rawHTML bool) MarkupConfig {
	mc := MarkupConfig{
		Goldmark: GoldmarkConfig{
			Renderer: RendererConfig{Unsafe: rawHTML},
			Extensions: ExtensionsConfig{
				DefinitionList: true, Footnote: true, Linkify: true, LinkifyProtocol: "https",
				Strikethrough: true, Table: true, TaskList: true,
			},
		},
		TableOfContents: TableOfContentsConfig{StartLevel: 2, EndLevel: 3},
	}
	p := &mc.Goldmark.Parser
	p.AutoHeadingID, p.AutoHeadingIDType, p.Attribute.Title = true, HeadingIDGitHub, true
	p.WrapStandAloneImageWithinParagraph = true
	return mc
}

// HugoConfigured tells whether the configuration is Hugo's (hugo.*,
// config.*, config/: its first file read, File), where affsite reads
// what Hugo reads as Hugo does, rather than site.toml (or none). A Hugo
// configuration follows Hugo's defaults (raw HTML left out unless it
// says otherwise); site.toml keeps affsite's (raw HTML rendered).
func (c *Config) HugoConfigured() bool {
	return c.File != "" && c.File != "site.toml"
}

// checkMarkup refuses markup values no setting can mean.
func (c *Config) checkMarkup() error {
	toc := c.Markup.TableOfContents
	for _, l := range []struct {
		key string
		n   int
	}{{"markup.tableOfContents.startLevel", toc.StartLevel}, {"markup.tableOfContents.endLevel", toc.EndLevel}} {
		if l.n < 1 && !(l.n == -1 && strings.HasSuffix(l.key, "endLevel")) || l.n > 6 {
			o := c.tree.origin(l.key)
			return o.Errorf("%s must be a heading level from 1 to 6, not %d", l.key, l.n)
		}
	}
	switch t := c.Markup.Goldmark.Parser.AutoHeadingIDType; t {
	case HeadingIDGitHub, HeadingIDGitHubASCII, HeadingIDBlackfriday:
	default:
		o := c.tree.origin("markup.goldmark.parser.autoHeadingIDType")
		return o.Errorf("markup.goldmark.parser.autoHeadingIDType must be %q, %q or %q, not %q", HeadingIDGitHub, HeadingIDGitHubASCII, HeadingIDBlackfriday, t)
	}
	if p := c.Markup.Goldmark.Extensions.LinkifyProtocol; p != "http" && p != "https" {
		o := c.tree.origin("markup.goldmark.extensions.linkifyProtocol")
		return o.Errorf("markup.goldmark.extensions.linkifyProtocol must be \"http\" or \"https\", not %q", p)
	}
	return nil
}
