package siteconfig_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/affsite/affsite/siteconfig"
)

// loadFile loads a site whose only configuration file is name.
func loadFile(t *testing.T, name, text string) (*siteconfig.Config, error) {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return siteconfig.Load(dir)
}

// TestMarkupDefaults: Hugo's defaults in a Hugo configuration; raw HTML
// rendered by default only on a site.toml site.
func TestMarkupDefaults(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file   string
		unsafe bool
	}{{"site.toml", true}, {"hugo.toml", false}, {"config.yaml", false}, {"config/_default/hugo.toml", false}} {
		cfg, err := loadFile(t, tc.file, "")
		if err != nil {
			t.Fatal(err)
		}
		want := siteconfig.DefaultMarkup(tc.unsafe)
		if !reflect.DeepEqual(cfg.Markup, want) {
			t.Errorf("%s: markup %+v, want %+v", tc.file, cfg.Markup, want)
		}
		if cfg.EnableEmoji {
			t.Errorf("%s: emoji on by default", tc.file)
		}
	}
}

// TestMarkupKeys reads every markup key affsite honours, in any case
// and any format, and none of them is then listed as unused.
func TestMarkupKeys(t *testing.T) {
	t.Parallel()
	toml := `enableEmoji = true
[markup.goldmark.renderer]
unsafe = false
hardWraps = true
XHTML = true
[markup.goldmark.extensions]
definitionList = false
footnote = false
linkify = false
linkifyProtocol = "http"
strikethrough = false
table = false
taskList = false
[markup.goldmark.extensions.typographer]
disable = true
leftDoubleQuote = "«"
emDash = "--"
[markup.goldmark.parser]
autoHeadingID = false
autoHeadingIDType = "blackfriday"
wrapStandAloneImageWithinParagraph = false
[markup.goldmark.parser.attribute]
title = false
block = true
[markup.tableOfContents]
startLevel = 1
endLevel = 4
ordered = true
[markup.highlight]
style = "dracula"
`
	yaml := `enableemoji: true
markup:
  goldmark:
    renderer: {unsafe: false, hardwraps: true, xhtml: true}
    extensions:
      definitionList: false
      footnote: false
      linkify: false
      linkifyProtocol: http
      strikethrough: false
      table: false
      taskList: false
      typographer: {disable: true, leftDoubleQuote: "«", emDash: "--"}
    parser: {autoHeadingID: false, autoHeadingIDType: blackfriday, wrapStandAloneImageWithinParagraph: false, attribute: {title: false, block: true}}
  tableOfContents: {startLevel: 1, endLevel: 4, ordered: true}
  highlight: {style: dracula}
`
	blockOnly := siteconfig.ParserConfig{AutoHeadingIDType: "blackfriday"}
	blockOnly.Attribute.Block = true
	want := siteconfig.MarkupConfig{
		Goldmark: siteconfig.GoldmarkConfig{
			Renderer: siteconfig.RendererConfig{HardWraps: true, XHTML: true},
			Extensions: siteconfig.ExtensionsConfig{LinkifyProtocol: "http", Typographer: siteconfig.TypographerConfig{
				Disable: true, Substitutions: map[string]string{"leftdoublequote": "«", "emdash": "--"},
			}},
			Parser: blockOnly,
		},
		TableOfContents: siteconfig.TableOfContentsConfig{StartLevel: 1, EndLevel: 4, Ordered: true},
		Highlight:       map[string]any{"style": "dracula"},
	}
	for _, tc := range []struct{ file, text string }{{"hugo.toml", toml}, {"site.toml", toml}, {"hugo.yaml", yaml}} {
		cfg, err := loadFile(t, tc.file, tc.text)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if !reflect.DeepEqual(cfg.Markup, want) || !cfg.EnableEmoji {
			t.Errorf("%s: markup %+v emoji %v, want %+v", tc.file, cfg.Markup, cfg.EnableEmoji, want)
		}
		if w := cfg.IgnoredWarning(); w != "" {
			t.Errorf("%s: %s", tc.file, w)
		}
	}
}

// TestTypographerBool: Hugo 0.111's typographer is true or false.
func TestTypographerBool(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text    string
		disable bool
	}{{"typographer = false", true}, {"typographer = true", false}} {
		cfg, err := loadFile(t, "hugo.toml", "[markup.goldmark.extensions]\n"+tc.text+"\n")
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.Markup.Goldmark.Extensions.Typographer.Disable; got != tc.disable {
			t.Errorf("%s: disable %v", tc.text, got)
		}
	}
}

// TestMarkupErrors: a markup key of the wrong type, or a value no
// setting means, is an error at its file and line.
func TestMarkupErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ file, text, want string }{
		{"hugo.toml", "title = 'T'\nenableEmoji = 'yes'\n", "hugo.toml:2:1: enableEmoji must be true or false, not a string"},
		{"hugo.toml", "[markup.goldmark.renderer]\nunsafe = 1\n", "hugo.toml:2:1: markup.goldmark.renderer.unsafe must be true or false, not a whole number"},
		{"site.toml", "[markup.goldmark.renderer]\nhardWraps = 'no'\n", "site.toml:2:1: markup.goldmark.renderer.hardWraps must be true or false, not a string"},
		{"hugo.yaml", "markup:\n  goldmark:\n    extensions:\n      table: [1]\n", "hugo.yaml:4:7: markup.goldmark.extensions.table must be true or false, not a list"},
		{"hugo.toml", "[markup.goldmark.extensions]\ntypographer = 'on'\n", "hugo.toml:2:1: typographer must be true, false or a table"},
		{"hugo.toml", "[markup.goldmark.extensions.typographer]\nemDash = 2\n", "hugo.toml:1:29: markup.goldmark.extensions.typographer: typographer.emDash must be a string"},
		{"hugo.toml", "[markup.goldmark.extensions]\nlinkifyProtocol = 'ftp'\n", `hugo.toml:2:1: markup.goldmark.extensions.linkifyProtocol must be "http" or "https", not "ftp"`},
		{"hugo.toml", "[markup.goldmark.parser]\nautoHeadingIDType = 'gitlab'\n", `hugo.toml:2:1: markup.goldmark.parser.autoHeadingIDType must be "github", "github-ascii" or "blackfriday", not "gitlab"`},
		{"hugo.toml", "[markup.goldmark.parser]\nautoHeadingID = 'no'\n", "hugo.toml:2:1: markup.goldmark.parser.autoHeadingID must be true or false, not a string"},
		{"hugo.toml", "[markup.tableOfContents]\nstartLevel = 0\n", "hugo.toml:2:1: markup.tableOfContents.startLevel must be a heading level from 1 to 6, not 0"},
		{"hugo.toml", "[markup.tableOfContents]\nendLevel = 7\n", "hugo.toml:2:1: markup.tableOfContents.endLevel must be a heading level from 1 to 6, not 7"},
		{"hugo.toml", "[markup.tableOfContents]\nordered = 'yes'\n", "hugo.toml:2:1: markup.tableOfContents.ordered must be true or false, not a string"},
	} {
		_, err := loadFile(t, tc.file, tc.text)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.text, err, tc.want)
		}
	}
	if _, err := loadFile(t, "hugo.toml", "[markup.tableOfContents]\nendLevel = -1\n"); err != nil {
		t.Errorf("endLevel -1 (every level): %v", err)
	}
}

// TestMarkupUnreadKeys: the markup keys affsite does not read stay in
// the one unused-settings warning.
func TestMarkupUnreadKeys(t *testing.T) {
	t.Parallel()
	cfg, err := loadFile(t, "hugo.toml", "[markup]\ndefaultMarkdownHandler = 'goldmark'\n[markup.goldmark]\nduplicateResourceFiles = false\n[markup.goldmark.parser.attribute]\nblock = true\n")
	if err != nil {
		t.Fatal(err)
	}
	want := "hugo.toml:2:1: 2 settings that affsite does not use, ignored: markup.defaultMarkdownHandler, markup.goldmark.duplicateResourceFiles (line 4)"
	if got := cfg.IgnoredWarning(); !strings.Contains(got, want) {
		t.Errorf("warning %q, want %q", got, want)
	}
}
