package generator_test

import "testing"

// TestParamsCaseInsensitive: front-matter, site and menu params are
// found in any case, as in Hugo (keys are lower-cased; .Params chains in
// templates, shortcodes and partials too).
func TestParamsCaseInsensitive(t *testing.T) {
	t.Parallel()
	b := buildSite(t, `
-- hugo.toml --
title = "T"
[params]
myKey = "site-mykey"
[params.Social]
TwitterHandle = "@me"
[[menus.main]]
name = "Home"
url = "/"
[menus.main.params]
Icon = "house"
-- content/posts/a.md --
---
title: A
MyKey: page-mykey
nested:
  DeepKey: deep
---
Body {{< show >}}
-- layouts/shortcodes/show.html --
sc=[{{ .Page.Params.MYKEY }}]
-- layouts/partials/p.html --
partial=[{{ .Params.myKEY }}]
-- layouts/_default/single.html --
a=[{{ .Params.MyKey }}] b=[{{ .Params.mykey }}] c=[{{ .Site.Params.myKey }}] d=[{{ .Param "MyKey" }}]
e=[{{ .Params.Nested.deepKEY }}] f=[{{ $.Site.Params.social.TwitterHandle }}] g=[{{ (.Site).Params.MYKEY }}]
h=[{{ .Param "nested.DeepKey" }}] i=[{{ .Param "social.twitterhandle" }}]
{{ partial "p.html" . }}
{{ range .Site.Menus.main }}icon=[{{ .Params.ICON }}]{{ end }}
{{ .Content }}
`)
	assertFile(t, b, "posts/a/index.html",
		"a=[page-mykey] b=[page-mykey] c=[site-mykey] d=[page-mykey]",
		"e=[deep] f=[@me] g=[site-mykey]",
		"h=[deep] i=[@me]",
		"partial=[page-mykey]", "icon=[house]", "sc=[page-mykey]")
}
