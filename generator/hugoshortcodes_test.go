package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hugoSite is the site of the Hugo-feature tests: its single layout
// writes the content only, so each golden file holds one page's body.
const hugoSite = `
-- layouts/_default/single.html --
{{ .Content }}
-- content/posts/kartra-review.md --
---
title: Kartra review
---
# Kartra
-- content/posts/bundle/index.md --
---
title: A bundle
---
-- content/posts/bundle/elephant.jpg --
jpg
-- content/about.md --
---
title: About
---
-- content/posts/_index.md --
---
title: Posts
---
`

// TestHugoShortcodesGolden builds one page per case with the site above
// and compares its content with testdata/hugo/NAME.html. Run with
// -update to rewrite them, then review the diff.
func TestHugoShortcodesGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, config, page string
	}{
		{"highlight-fences", "", "```go\npackage main\n\nfunc main() {}\n```\n\n```go {linenos=table,hl_lines=[2,\"4-5\"],linenostart=3}\na\nb\nc\nd\ne\n```\n\n```\nplain <b>\n```\n"},
		{"highlight-classes", "[markup.highlight]\nnoClasses = false\nlineNos = true\nlineNumbersInTable = false\nstyle = \"github\"\n", "```go\nx := 1\n```\n"},
		{"highlight-off", "[markup.highlight]\ncodeFences = false\n", "```go\nx := 1\n```\n"},
		{"highlight-shortcode", "", "{{< highlight go \"linenos=table,hl_lines=2,linenostart=199\" >}}\na := 1\nb := 2\n{{< /highlight >}}\n\n{{< highlight html >}}\n<b>x</b>\n{{< /highlight >}}\n"},
		{"youtube", "", "{{< youtube 0RKpf3rK57I >}}\n\n{{< youtube id=\"0RKpf3rK57I\" autoplay=true start=30 loading=lazy title=\"A talk\" class=\"video\" >}}\n"},
		{"youtube-tracking", "[privacy.youtube]\nprivacyEnhanced = false\n", "{{< youtube 0RKpf3rK57I >}}\n"},
		{"youtube-disabled", "[privacy.youtube]\ndisable = true\n", "Before\n\n{{< youtube 0RKpf3rK57I >}}\n\nAfter\n"},
		{"vimeo", "", "{{< vimeo 55073825 >}}\n\n{{< vimeo id=55073825 class=\"video\" title=\"A video\" loading=lazy >}}\n\n{{< vimeo_simple 55073825 >}}\n"},
		{"x", "", "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n\n{{< tweet 1453110110599868418 >}}\n\n{{< twitter user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n\n{{< x_simple user=\"SanDiegoZoo\" id=\"1\" >}}\n"},
		{"embeds-scripts", "[privacy]\nthirdPartyScripts = true\n", "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n\n{{< instagram CxOWiQNP2MO >}}\n\n{{< gist jmooring 23932424365401ffa5e9d9810102a477 list.html >}}\n\n{{< x_simple user=\"SanDiegoZoo\" id=\"1\" >}}\n"},
		{"instagram-gist", "", "{{< instagram CxOWiQNP2MO >}}\n\n{{< instagram CxOWiQNP2MO hidecaption >}}\n\n{{< gist jmooring 23932424365401ffa5e9d9810102a477 >}}\n\n{{< gist jmooring 23932424365401ffa5e9d9810102a477 list.html >}}\n"},
		{"figure", "", "{{< figure src=\"elephant.jpg\" alt=\"An elephant\" >}}\n\n{{< figure src=\"https://example.org/a.jpg\" link=\"https://example.org/\" target=\"_blank\" rel=\"noopener\" title=\"Title\" caption=\"At the **zoo**\" attr=\"Photo: *me*\" attrlink=\"https://example.org/me\" class=\"wide\" width=\"600\" height=\"400\" loading=\"lazy\" >}}\n"},
		{"details", "", "{{< details summary=\"A *spoiler*\" open=true class=\"note\" name=\"g\" title=\"t\" >}}\nIt was the **butler**.\n\n- one\n{{< /details >}}\n\n{{< details >}}Plain{{< /details >}}\n"},
		{"param", "[params]\nauthor = \"Ann\"\n[params.social]\nGitHub = \"ann\"\n", "By {{< param author >}} ({{< param \"social.github\" >}}), {{< param Rating >}} stars.\n"},
		{"ref", "baseURL = \"https://example.org/\"\n", "[abs]({{< ref \"kartra-review.md\" >}}) [rel]({{< relref \"kartra-review\" >}}) [path]({{< relref \"/posts/kartra-review.md#pricing\" >}}) [bundle]({{< relref \"bundle\" >}}) [section]({{< relref \"/posts\" >}}) [up]({{< relref \"../about.md\" >}}) [self]({{< relref \"#top\" >}}) [named]({{< relref path=\"about.md\" >}}) [html]({{< relref \"about\" \"html\" >}})\n"},
		{"qr", "", "{{< qr text=\"https://example.org\" alt=\"Our site\" class=\"qr\" id=\"q\" title=\"Scan\" loading=lazy />}}\n\n{{< qr level=\"high\" scale=2 >}}\nhttps://example.org\n{{< /qr >}}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			archive := hugoSite + "-- site.toml --\n" + tc.config +
				"-- content/posts/page.md --\n---\ntitle: Page\nrating: 4\n---\n" + tc.page
			b := buildSite(t, archive)
			got := []byte(b.file(t, "posts/page/index.html"))
			compareGoldenFile(t, filepath.Join("testdata", "hugo", tc.name+".html"), got)
		})
	}
}

// compareGoldenFile compares got with one golden file, or rewrites it
// with -update.
func compareGoldenFile(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (run with -update to accept):\n got: %s\nwant: %s", file, got, want)
	}
}

// TestHugoShortcodeErrors checks that each wrong use is a file:line:col
// error in the page, with what is wrong.
func TestHugoShortcodeErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, config, page, want string
	}{
		{"ref missing", "", "Intro\n\nSee {{< ref \"nope.md\" >}}.\n", `content/posts/page.md:6:5: shortcode "ref": REF_NOT_FOUND: no page "nope.md" (looked for content/posts/nope.md and content/nope.md)`},
		{"relref missing", "", "{{< relref \"/posts/nope\" >}}\n", `content/posts/page.md:4:1: shortcode "relref": REF_NOT_FOUND: no page "/posts/nope"`},
		{"ref output format", "", "{{< ref \"about.md\" \"amp\" >}}\n", `content/posts/page.md:4:1: shortcode "ref": outputFormat "amp": affsite writes HTML pages only`},
		{"youtube no id", "", "{{< youtube autoplay=true >}}\n", `content/posts/page.md:4:1: shortcode "youtube" needs its id, as the first argument or id=…`},
		{"youtube unknown", "", "{{< youtube id=x autoplai=true >}}\n", `content/posts/page.md:4:18: unknown argument "autoplai" of youtube; did you mean "autoplay"?`},
		{"youtube bool", "", "{{< youtube id=x autoplay=yes >}}\n", `autoplay must be true or false, not "yes"`},
		{"youtube positional", "", "{{< youtube a b c >}}\n", `content/posts/page.md:4:17: shortcode "youtube" takes 2 positional arguments (id, class)`},
		{"x no user", "", "{{< x id=\"1\" >}}\n", `shortcode "x" needs two named arguments, user and id`},
		{"figure positional", "", "{{< figure a.jpg >}}\n", `shortcode "figure" takes named arguments (src, link`},
		{"figure no src", "", "{{< figure alt=\"x\" >}}\n", `shortcode "figure" needs src=…`},
		{"param missing", "", "{{< param nope >}}\n", `content/posts/page.md:4:1: shortcode "param": no parameter "nope" in the page's front matter or the site's params`},
		{"qr level", "", "{{< qr text=x level=max />}}\n", `level must be low, medium, quartile or high, not "max"`},
		{"qr no text", "", "{{< qr />}}\n", `shortcode "qr" needs a text argument`},
		{"highlight standalone", "", "{{< highlight go >}}\n", `unclosed shortcode "highlight"`},
		{"highlight option", "", "{{< highlight go \"linenos\" >}}x{{< /highlight >}}\n", `shortcode "highlight": invalid highlight option "linenos": want key=value`},
		{"config type", "[markup.highlight]\nstyle = \"monokai\"\ntabWidth = \"wide\"\n", "x\n", `site.toml:3:1: markup.highlight.tabWidth: must be a whole number, not wide`},
		{"inline off", "", "{{< year.inline >}}{{ now.Year }}{{< /year.inline >}}\n", `content/posts/page.md:4:1: inline shortcode "year.inline": inline shortcodes are off; set enableInlineShortcodes = true`},
		{"inline undefined", "enableInlineShortcodes = true\n", "{{< year.inline />}}\n", `content/posts/page.md:4:1: inline shortcode "year.inline" is used before it is defined`},
		{"inline template", "enableInlineShortcodes = true\n", "{{< bad.inline >}}{{ .Nope( }}{{< /bad.inline >}}\n", `content/posts/page.md:4:1: inline shortcode "bad.inline": `},
		{"privacy type", "[privacy.youtube]\nprivacyEnhanced = \"yes\"\n", "x\n", `site.toml:2:1: privacy.youtube.privacyEnhanced: must be true or false`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			archive := hugoSite + "-- site.toml --\n" + tc.config +
				"-- content/posts/page.md --\n---\ntitle: Page\n---\n" + tc.page
			_, err := tryBuild(t, archive)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
}

// TestHugoShortcodeOverride: a site's own template of a Hugo shortcode
// replaces the built-in, arguments and all, as in Hugo.
func TestHugoShortcodeOverride(t *testing.T) {
	t.Parallel()
	b := buildSite(t, hugoSite+`-- site.toml --
-- layouts/shortcodes/youtube.html --
<lite-youtube videoid="{{ .Get "v" }}"></lite-youtube>
-- content/posts/page.md --
---
title: Page
---
{{< youtube v="abc" >}}
`)
	assertFile(t, b, "posts/page/index.html", `<lite-youtube videoid="abc"></lite-youtube>`)
}

// TestHugoFigureBundle: figure's src naming a file of the page's bundle
// becomes that file's URL, as Hugo resolves a page resource.
func TestHugoFigureBundle(t *testing.T) {
	t.Parallel()
	b := buildSite(t, hugoSite+`-- site.toml --
-- content/posts/zoo/index.md --
---
title: Zoo
---
{{< figure src="elephant.jpg" >}} {{< figure src="missing.jpg" >}}
-- content/posts/zoo/elephant.jpg --
jpg
`)
	assertFile(t, b, "posts/zoo/index.html", `<img src="/posts/zoo/elephant.jpg">`, `<img src="missing.jpg">`)
}

// TestInlineShortcodes: with enableInlineShortcodes, {{< name.inline >}}
// defines and runs a template, and {{< name.inline />}} runs it again.
func TestInlineShortcodes(t *testing.T) {
	t.Parallel()
	b := buildSite(t, hugoSite+`-- site.toml --
enableInlineShortcodes = true
-- content/posts/page.md --
---
title: Page
---
A {{< greet.inline "Ann" >}}Hello, {{ .Get 0 }}!{{< /greet.inline >}} and {{< greet.inline "Bob" />}}
`)
	assertFile(t, b, "posts/page/index.html", "<p>A Hello, Ann! and Hello, Bob!</p>")
}

// TestHugoFeaturesFromConfigFolder: the embedded shortcodes' settings are
// read from the merged configuration, so a key in config/_default/ counts
// as much as one in the root file, and its error is at that file's line.
func TestHugoFeaturesFromConfigFolder(t *testing.T) {
	t.Parallel()
	b := buildSite(t, hugoSite+`-- config/_default/hugo.toml --
title = "Folder"
enableInlineShortcodes = true
-- content/posts/page.md --
---
title: Page
---
{{< greet.inline >}}hello from {{ .Name }}{{< /greet.inline >}}
`)
	assertFile(t, b, "posts/page/index.html", "hello from greet.inline")

	_, err := tryBuild(t, hugoSite+`-- config/_default/hugo.toml --
title = "Folder"
-- config/_default/privacy.toml --
[youtube]
privacyEnhanced = "yes"
`)
	want := "config/_default/privacy.toml:2:1: privacy.youtube.privacyEnhanced: must be true or false"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v\nwant it to contain %s", err, want)
	}
}
