package generator_test

import (
	"strings"
	"testing"
)

// markupLayouts print a page's .Content, with the shortcode sc. The
// cases compared with Hugo 0.111's output byte for byte are
// testdata/hugocompat/markup-*.txtar (TestHugoCompat).
const markupLayouts = `-- layouts/_default/single.html --
{{ .Content }}
-- layouts/shortcodes/sc.html --
SC:<b>{{ .Get 0 }}</b>
`

// TestRawHTMLDefaults: raw HTML is rendered on a site.toml site (and on
// a site with no configuration) unless markup.goldmark.renderer.unsafe
// says false, and omitted as in Hugo on a Hugo configuration unless it
// says true; a shortcode's HTML is kept either way.
func TestRawHTMLDefaults(t *testing.T) {
	t.Parallel()
	const page = "-- content/p.md --\n---\ntitle: P\n---\nA <span class=\"x\">raw</span> {{< sc \"y\" >}}\n" + markupLayouts
	const kept, omitted = `A <span class="x">raw</span> SC:<b>y</b>`, `A <!-- raw HTML omitted -->raw<!-- raw HTML omitted --> SC:<b>y</b>`
	for _, tc := range []struct{ config, want string }{
		{"", kept},
		{"-- site.toml --\ntitle = 'T'\n", kept},
		{"-- site.toml --\n[markup.goldmark.renderer]\nunsafe = false\n", omitted},
		{"-- hugo.toml --\ntitle = 'T'\n", omitted},
		{"-- config.yaml --\ntitle: T\n", omitted},
		{"-- hugo.toml --\n[markup.goldmark.renderer]\nunsafe = true\n", kept},
	} {
		b := buildSite(t, tc.config+page)
		if got := b.file(t, "p/index.html"); !strings.Contains(got, tc.want) {
			t.Errorf("%q: got %s, want %s", tc.config, got, tc.want)
		}
	}
}

// TestEmojiOff: without enableEmoji, :smile: stays as written.
func TestEmojiOff(t *testing.T) {
	t.Parallel()
	b := buildSite(t, "-- hugo.toml --\n-- content/p.md --\n---\ntitle: P\n---\nHi :smile:\n"+markupLayouts)
	assertFile(t, b, "p/index.html", "<p>Hi :smile:</p>")
}

// TestTypographerSubstitutions: a typographer table (Hugo 0.112's form)
// replaces the punctuation it names and keeps goldmark's entity for the
// rest; disable turns it off.
func TestTypographerSubstitutions(t *testing.T) {
	t.Parallel()
	const page = "-- content/p.md --\n---\ntitle: P\n---\n\"Quoted\" -- x --- y...\n" + markupLayouts
	for _, tc := range []struct{ config, want string }{
		{"leftDoubleQuote = '«'\nrightDoubleQuote = '»'\nemDash = '—'", "<p>«Quoted» &ndash; x — y&hellip;</p>"},
		{"disable = true", "<p>&quot;Quoted&quot; -- x --- y...</p>"},
	} {
		b := buildSite(t, "-- hugo.toml --\n[markup.goldmark.extensions.typographer]\n"+tc.config+"\n"+page)
		assertFile(t, b, "p/index.html", tc.want)
	}
}

// TestHighlightFromConfigFolder: markup.highlight is read from the
// merged configuration, config/_default/markup.toml too, and its errors
// are at that file's line.
func TestHighlightFromConfigFolder(t *testing.T) {
	t.Parallel()
	const page = "-- content/p.md --\n---\ntitle: P\n---\n```go\nx := 1\n```\n" + markupLayouts
	b := buildSite(t, "-- hugo.toml --\ntitle = 'T'\n-- config/_default/markup.toml --\n[highlight]\nnoClasses = false\n"+page)
	assertFile(t, b, "p/index.html", `<span class="nx">x</span>`)
	_, err := tryBuild(t, "-- hugo.toml --\ntitle = 'T'\n-- config/_default/markup.toml --\n[highlight]\nstyle = 'monokai'\ntabWidth = 'wide'\n"+page)
	if want := "config/_default/markup.toml:3:1: markup.highlight.tabWidth: must be a whole number, not wide"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %s", err, want)
	}
}
