package main

import (
	"path/filepath"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
)

// TestServeLanguageContentDir: serve rebuilds after an edit in a
// language's own contentDir, a folder beside content/.
func TestServeLanguageContentDir(t *testing.T) {
	t.Parallel()
	site := sitetest.WriteFiles(t, map[string]string{
		"hugo.toml": "title = 'T'\nbaseURL = 'https://example.org/'\ndefaultContentLanguage = 'en'\n" +
			"[languages.en]\nweight = 1\n[languages.de]\nweight = 2\ncontentDir = 'inhalt'\n",
		"layouts/_default/single.html": "<p>{{ .Title }}</p>",
		"content/a.md":                 "---\ntitle: A\n---\n",
		"inhalt/a.md":                  "---\ntitle: Alpha\n---\n",
	})
	base, _ := startServe(t, site)
	waitServed(t, base+"/de/a/", "<p>Alpha</p>")
	writeFile(t, filepath.Join(site, "inhalt", "a.md"), "---\ntitle: Alpha neu\n---\n")
	waitServed(t, base+"/de/a/", "<p>Alpha neu</p>")
}
