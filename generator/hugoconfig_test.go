package generator_test

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/siteconfig"
)

// TestConfigFormats reads the same configuration from every file name
// and format Hugo reads.
func TestConfigFormats(t *testing.T) {
	t.Parallel()
	toml := "title = \"T\"\nbaseURL = \"https://x.example/\"\n[params]\ncolor = \"red\"\n"
	yaml := "title: T\nbaseURL: https://x.example/\nparams:\n  color: red\n"
	json := "{\n\t\"title\": \"T\",\n\t\"baseURL\": \"https://x.example/\",\n\t\"params\": {\"color\": \"red\"}\n}\n"
	for _, tc := range []struct{ file, text string }{
		{"site.toml", toml}, {"hugo.toml", toml}, {"hugo.yaml", yaml}, {"hugo.yml", yaml}, {"hugo.json", json},
		{"config.toml", toml}, {"config.yaml", yaml}, {"config.yml", yaml}, {"config.json", json},
		{"config/_default/hugo.toml", toml}, {"config/_default/config.yaml", yaml},
		{"config/production/hugo.json", json},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			cfg, err := siteconfig.Load(writeSite(t, "-- "+tc.file+" --\n"+tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Title != "T" || cfg.BaseURL != "https://x.example/" || cfg.Params["color"] != "red" || cfg.File != tc.file {
				t.Errorf("got title %q, baseURL %q, params %v, file %q", cfg.Title, cfg.BaseURL, cfg.Params, cfg.File)
			}
			if len(cfg.Ignored) > 0 {
				t.Errorf("ignored %v", cfg.Ignored)
			}
		})
	}
}

// TestConfigFileOrder: site.toml, then hugo.*, then config.*; only the
// first is read, as Hugo reads only one root file.
func TestConfigFileOrder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ site, want string }{
		{"-- hugo.toml --\ntitle = 'hugo'\n-- config.toml --\ntitle = 'config'\n", "hugo"},
		{"-- hugo.yaml --\ntitle: hugo yaml\n-- config.toml --\ntitle = 'config'\n", "hugo yaml"},
		{"-- hugo.toml --\ntitle = 'toml'\n-- hugo.yaml --\ntitle: yaml\n", "toml"},
		{"-- site.toml --\ntitle = 'site'\n-- hugo.toml --\ntitle = 'hugo'\n", "site"},
	} {
		cfg, err := siteconfig.Load(writeSite(t, tc.site))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Title != tc.want {
			t.Errorf("%q: title %q, want %q", tc.site, cfg.Title, tc.want)
		}
	}
}

// configFolderSite has a root file, a config folder with per-key files,
// and environment overrides.
const configFolderSite = `
-- hugo.toml --
title = "Root"
baseURL = "https://root.example/"
paginate = 3
-- config/_default/hugo.yaml --
title: Default
-- config/_default/params.yaml --
color: red
nested:
  a: 1
  b: 2
list: [x, y]
-- config/_default/menus.toml --
[[main]]
name = "Home"
url = "/"
weight = 1
-- config/production/params.toml --
color = "blue"
list = ["z"]
[nested]
b = 3
-- config/production/hugo.toml --
baseURL = "https://prod.example/"
-- config/development/params.json --
{"color": "green"}
`

// TestConfigFolder merges the config folder as Hugo does: root file,
// then _default, then the environment; tables merge, lists replace; a
// file named after a key holds that key.
func TestConfigFolder(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, configFolderSite)
	prod, err := siteconfig.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	nested, _ := prod.Params["nested"].(map[string]any)
	switch {
	case prod.Title != "Default", prod.BaseURL != "https://prod.example/", prod.Paginate != 3:
		t.Errorf("production: title %q, baseURL %q, paginate %d", prod.Title, prod.BaseURL, prod.Paginate)
	case prod.Params["color"] != "blue":
		t.Errorf("production color %v", prod.Params["color"])
	case nested["a"] != 1 && nested["a"] != int64(1), nested["b"] != int64(3):
		t.Errorf("production nested %#v: want a kept, b replaced", nested)
	case len(prod.Params["list"].([]any)) != 1:
		t.Errorf("production list %v: want replaced", prod.Params["list"])
	}
	if want := []string{"hugo.toml", "config/_default/hugo.yaml", "config/_default/menus.toml", "config/_default/params.yaml",
		"config/production/hugo.toml", "config/production/params.toml"}; strings.Join(prod.Files, " ") != strings.Join(want, " ") {
		t.Errorf("files %v, want %v", prod.Files, want)
	}
	dev, err := siteconfig.LoadEnv(dir, generator.EnvDevelopment)
	if err != nil {
		t.Fatal(err)
	}
	if dev.Params["color"] != "green" || dev.BaseURL != "https://root.example/" {
		t.Errorf("development: color %v, baseURL %q", dev.Params["color"], dev.BaseURL)
	}
	b := buildSite(t, configFolderSite+"-- content/a.md --\n---\ntitle: A\n---\n", func(o *generator.Options) {
		o.Environment = "development"
	})
	assertFile(t, b, "index.html", "<title>Default</title>", `href="https://root.example/"`)
}

// TestConfigIgnoredKeys: settings affsite does not use are accepted and
// listed in one warning, with where each is; a typo in site.toml stays
// an error.
func TestConfigIgnoredKeys(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
title = "T"
disqusShortname = "x"
hasCJKLanguage = true
ignoreErrors = ["error-remote-getjson"]
resourceDir = "res"
pygmentsUseClasses = true
disableAliases = false
someThemeKey = 1
[social]
twitter = "me"
[markup]
defaultMarkdownHandler = "goldmark"
[markup.goldmark.renderer]
unsafe = true
-- config/_default/languages.toml --
[en]
weight = 1
disqusShortname = "x"
-- content/a.md --
---
title: A
---
`)
	var got []string
	for _, w := range b.report.Warnings {
		if strings.Contains(w.Message, "affsite does not use") {
			got = append(got, w.Error())
		}
	}
	// languages is used (languages.go); a key of it affsite does not use
	// is listed.
	// disableAliases is used (TestHugoDocsCases); so is
	// markup.goldmark.renderer (TestHugoCompat).
	want := "hugo.toml:2:1: 9 settings that affsite does not use, ignored: disqusShortname, hasCJKLanguage (line 3), " +
		"ignoreErrors (line 4), resourceDir (line 5), pygmentsUseClasses (line 6), " +
		"someThemeKey (line 8), social (line 9), markup.defaultMarkdownHandler (line 12), languages.en.disqusShortname (config/_default/languages.toml:3)"
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings:\n%s\nwant one:\n%s", strings.Join(got, "\n"), want)
	}
	_, err := tryBuild(t, "-- site.toml --\ntitle = \"T\"\ntitel = \"x\"\n")
	if err == nil || !strings.Contains(err.Error(), `site.toml:2:1: unknown key "titel"`) {
		t.Errorf("site.toml typo: %v", err)
	}
	_, err = tryBuild(t, "-- hugo.yaml --\naffiliate:\n  linkmode: cloaked\n")
	if err == nil || !strings.Contains(err.Error(), `hugo.yaml:2:3: unknown key "linkmode" in [affiliate]`) {
		t.Errorf("[affiliate] typo: %v", err)
	}
}

// TestConfigTypeErrors names the file and line of a key of the wrong
// type, in every format and in the config folder.
func TestConfigTypeErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ site, want string }{
		{"-- hugo.yaml --\ntitle: T\npaginate: many\n", "hugo.yaml:2:1: paginate must be a whole number, not a string"},
		{"-- hugo.json --\n{\n  \"title\": \"T\",\n  \"paginate\": \"many\"\n}\n", "hugo.json:3:3: paginate must be a whole number, not a string"},
		{"-- config/_default/hugo.toml --\ntitle = 'T'\n-- config/_default/pagination.toml --\n\npagerSize = 'x'\n",
			"config/_default/pagination.toml:2:1: pagination.pagerSize must be a whole number, not a string"},
		{"-- hugo.toml --\n[pagination]\npagerSize = 0\n", "hugo.toml:2:1: pagination.pagerSize must be 1 or more, not 0"},
		{"-- hugo.yaml --\ntitle: [a]\n", "hugo.yaml:1:1: title must be a string, not a list"},
		{"-- hugo.yaml --\ntitle: T\n  bad: indent\n", "hugo.yaml:2: "},
		{"-- hugo.json --\n{\"title\": \"T\",\n\"title\": \"U\"}\n", "hugo.json:2:1: duplicate key"},
		{"-- config/_default/params.yaml --\n- a\n", "config/_default/params.yaml:1: "},
		{"-- hugo.toml --\ntheme = 3\n", "hugo.toml:1:1: theme must be a name or a list of names"},
	} {
		_, err := tryBuild(t, tc.site)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s", tc.site, err, tc.want)
		}
	}
}

// TestConfigThemeList: theme may be a list; the first theme's layouts
// and static files win, as in Hugo.
func TestConfigThemeList(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
theme = ["first", "second"]
author = {name = "Ann", email = "ann@example.com"}
-- themes/first/layouts/_default/single.html --
first {{ .Title }} {{ .Site.Author }}
-- themes/second/layouts/_default/single.html --
second {{ .Title }}
-- themes/second/layouts/404.html --
second 404
-- themes/first/static/x.txt --
first
-- themes/second/static/x.txt --
second
-- themes/second/static/y.txt --
second y
-- content/a.md --
---
title: A
---
`)
	assertFile(t, b, "a/index.html", "first A Ann")
	assertFile(t, b, "404.html", "second 404")
	assertFile(t, b, "x.txt", "first")
	assertFile(t, b, "y.txt", "second y")
}
