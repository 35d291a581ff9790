package siteconfig_test

import (
	"strings"
	"testing"
)

// TestFolderSettings: a language's contentDir and i18nDir name folders
// inside the site, by one rule: an absolute path, the site itself or a
// path that leaves it is an error at the key's line and column; a good
// one is cleaned.
func TestFolderSettings(t *testing.T) {
	t.Parallel()
	const langs = "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
	for _, tc := range []struct{ name, file, text, want string }{
		{"absolute contentDir", "hugo.toml", langs + "contentDir = '/srv/fr'\n",
			`hugo.toml:5:1: languages.fr.contentDir "/srv/fr" must be a folder inside the site (like "content/fr")`},
		{"contentDir leaving the site", "hugo.toml", langs + "  contentDir = '../fr'\n",
			`hugo.toml:5:3: languages.fr.contentDir "../fr" must be a folder inside the site`},
		{"contentDir leaving through a folder", "hugo.toml", langs + "contentDir = 'content/../../fr'\n",
			`hugo.toml:5:1: languages.fr.contentDir "content/../../fr" must be a folder inside the site`},
		{"contentDir the site itself", "hugo.toml", langs + "contentDir = '.'\n",
			`hugo.toml:5:1: languages.fr.contentDir "." must be a folder inside the site`},
		{"contentDir in YAML", "hugo.yaml", "languages:\n  en: {weight: 1}\n  fr:\n    weight: 2\n    contentDir: ..\n",
			`hugo.yaml:5:5: languages.fr.contentDir ".." must be a folder inside the site`},
		{"i18nDir leaving the site", "hugo.toml", "title = 'T'\ni18nDir = '../strings'\n",
			`hugo.toml:2:1: i18nDir "../strings" must be a folder inside the site (like "i18n")`},
		{"good contentDir", "hugo.toml", langs + "contentDir = './content/fr/'\n", ""},
	} {
		cfg, err := loadFile(t, tc.file, tc.text)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			} else if got := cfg.Languages["fr"].ContentFolder(); got != "content/fr" {
				t.Errorf("%s: content folder %q, want content/fr", tc.name, got)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %s", tc.name, err, tc.want)
		}
	}
}
