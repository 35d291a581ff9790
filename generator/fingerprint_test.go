package generator_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/affsite/affsite/themes"
)

// hashedName is the name fingerprint gives a file of that content.
func hashedName(name, content string) string {
	sum := sha256.Sum256([]byte(content))
	i := strings.LastIndex(name, ".")
	return name[:i] + "." + hex.EncodeToString(sum[:4]) + name[i:]
}

func TestFingerprintThemeAssets(t *testing.T) {
	t.Parallel()
	b := buildSite(t, "-- content/posts/a.md --\n---\ntitle: A\n---\nText.\n")
	css, err := fs.ReadFile(themes.Default(), "static/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	js, err := fs.ReadFile(themes.Default(), "static/js/deal.js")
	if err != nil {
		t.Fatal(err)
	}
	cssName, jsName := hashedName("css/style.css", string(css)), hashedName("js/deal.js", string(js))
	for _, f := range []string{"index.html", "posts/a/index.html", "posts/index.html", "404.html"} {
		assertFile(t, b, f, `<link rel="stylesheet" href="/`+cssName+`">`)
		assertFileNot(t, b, f, `href="/css/style.css"`)
	}
	if got := b.file(t, cssName); got != string(css) {
		t.Errorf("%s is not the theme's style.css", cssName)
	}
	if got := b.file(t, jsName); got != string(js) {
		t.Errorf("%s is not the theme's deal.js", jsName)
	}
	b.file(t, "css/style.css") // the plain name stays published
	assertFile(t, b, "_headers",
		"/"+cssName+"\n  Cache-Control: public, max-age=31536000, immutable\n",
		"/css/style.css\n  Cache-Control: public, max-age=0, must-revalidate\n",
		"/"+jsName+"\n  Cache-Control: public, max-age=31536000, immutable\n",
		"/js/deal.js\n  Cache-Control: public, max-age=0, must-revalidate\n")
	// No wildcard rule that hosts would join with the immutable one.
	assertFileNot(t, b, "_headers", "/css/*", "max-age=604800")
}

func TestFingerprintSiteOverride(t *testing.T) {
	t.Parallel()
	const own = "body { color: rebeccapurple }\n"
	b := buildSite(t, `
-- site.toml --
baseURL = "https://x.example/blog/"
-- static/css/style.css --
`+own+`-- static/js/extra.js --
console.log(1)
-- layouts/partials/seo.html --
{{ with resources.Get "js/extra.js" | fingerprint }}<script src="{{ .RelPermalink }}" integrity="{{ .Data.Integrity }}" data-abs="{{ .Permalink }}"></script>{{ end }}
{{- with resources.Get "js/none.js" }}NONE{{ end }}
-- content/posts/a.md --
---
title: A
---
Text.
`)
	name := hashedName("css/style.css", own)
	assertFile(t, b, "posts/a/index.html", `href="/blog/`+name+`"`)
	if got := b.file(t, name); got != own {
		t.Errorf("%s = %q, want the site's style.css", name, got)
	}
	// html/template writes the + of base64 as &#43; in attributes.
	sum := sha256.Sum256([]byte("console.log(1)\n"))
	js := hashedName("js/extra.js", "console.log(1)\n")
	assertFile(t, b, "posts/a/index.html",
		`<script src="/blog/`+js+`" integrity="sha256-`+strings.ReplaceAll(base64.StdEncoding.EncodeToString(sum[:]), "+", "&#43;")+`" data-abs="https://x.example/blog/`+js+`"></script>`)
	assertFileNot(t, b, "posts/a/index.html", "NONE")
	assertFile(t, b, "_headers", "/blog/"+name+"\n  Cache-Control: public, max-age=31536000, immutable\n")
	// Only the site's style.css is published: no copy of the theme's.
	re := regexp.MustCompile(`^css/style\.[0-9a-f]{8}\.css$`)
	for _, n := range b.out.Names() {
		if re.MatchString(n) && n != name {
			t.Errorf("output has %s besides the site's %s", n, name)
		}
	}
}

func TestFingerprintErrors(t *testing.T) {
	t.Parallel()
	for call, want := range map[string]string{
		`fingerprint "css/none.css"`:                 `fingerprint "css/none.css": no static folder has this file`,
		`fingerprint "favicon.svg"`:                  `only .css and .js files are fingerprinted`,
		`fingerprint (resources.Get "css/none.css")`: "resources.Get found no such file",
	} {
		_, err := tryBuild(t, "-- layouts/partials/seo.html --\n{{ "+call+" }}\n-- content/a.md --\n---\ntitle: A\n---\n")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("{{ %s }}: error %v, want %q", call, err, want)
		}
	}
}

// TestFingerprintThemeScripts: every script the theme's shortcodes and
// the click events link is linked by its fingerprinted name, under the
// base path, and a site's own copy of one by its own hash.
func TestFingerprintThemeScripts(t *testing.T) {
	t.Parallel()
	const ownDeal = "/* the site's deal.js */\n"
	b := buildSite(t, `
-- site.toml --
baseURL = "https://x.example/blog/"
[affiliate]
click_events = "plausible"
-- static/js/deal.js --
`+ownDeal+`-- content/posts/a.md --
---
title: A
program: acme
---
{{< disclosure >}}

{{< deal code="SAVE" gives="10% off" expires="2099-01-01" >}}

{{< compare programs="acme,beta" facts="commission" >}}

{{< calculator >}}
-- data/programs/beta.yaml --
name: "Beta"
url: "https://beta.example/"
commission: 0.20
plans:
  - name: "One"
    monthly: 5.00
`+acmeProgram)
	page := b.file(t, "posts/a/index.html")
	scripts := map[string]string{"js/deal.js": ownDeal}
	for _, name := range []string{"js/compare.js", "js/calculator.js", "js/aff-clicks.js"} {
		data, err := fs.ReadFile(themes.Default(), "static/"+name)
		if err != nil {
			t.Fatal(err)
		}
		scripts[name] = string(data)
	}
	for name, content := range scripts {
		hashed := hashedName(name, content)
		if !strings.Contains(page, `<script src="/blog/`+hashed+`"`) {
			t.Errorf("the page does not link %s as /blog/%s", name, hashed)
		}
		if strings.Contains(page, `src="/blog/`+name+`"`) {
			t.Errorf("the page links the plain /blog/%s", name)
		}
		if got := b.file(t, hashed); got != content {
			t.Errorf("%s is not %s", hashed, name)
		}
		assertFile(t, b, "_headers", "/blog/"+hashed+"\n  Cache-Control: public, max-age=31536000, immutable\n")
	}
}
