package main

import (
	"path/filepath"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestServeI18nDir: serve rebuilds after an edit of a string file in the
// folder a custom i18nDir names, as after one in i18n/.
func TestServeI18nDir(t *testing.T) {
	t.Parallel()
	site := sitetest.WriteFiles(t, map[string]string{
		"hugo.toml":                    "title = 'T'\nbaseURL = 'https://example.org/'\ni18nDir = 'lang/strings'\n",
		"lang/strings/en.toml":         "hello = \"Hello\"\n",
		"layouts/_default/single.html": "<p>{{ lang.Translate \"hello\" }}</p>",
		"content/a.md":                 "---\ntitle: A\n---\n",
	})
	base, _ := startServe(t, site)
	waitServed(t, base+"/a/", "<p>Hello</p>")
	writeFile(t, filepath.Join(site, "lang", "strings", "en.toml"), "hello = \"Hi\"\n")
	waitServed(t, base+"/a/", "<p>Hi</p>")
}
