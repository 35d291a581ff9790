package generator_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"strings"
	"testing"
)

// multiLangs are the names of a post's translations on
// randomMultiSite: French as x.fr.md beside the English, German in a
// contentDir of its own.
var multiLangs = []string{"content/posts/%s.fr.md", "content-de/posts/%s.md"}

// switcher is a header that shows the page's translations, their titles
// and those of the home page's and the posts section's (with their date,
// their latest page's), as a language switcher does.
const switcher = `{{ range .Translations }} <a hreflang="{{ .Lang }}" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}` +
	`{{ range slice "/" "/posts" }}{{ with $.Site.GetPage . }}{{ range .AllTranslations }} [{{ .Language.LanguageName }}: {{ .Title }} {{ .Date.Format "2006-01-02" }}]{{ end }}{{ end }}{{ end }}`

// threeLanguages is the configuration of a site in three languages,
// after its paginate key: English at the root, French in content/ by
// suffix, German in content-de/.
const threeLanguages = `paginate = 2
defaultContentLanguage = "en"
[languages.en]
weight = 1
languageName = "English"
[languages.fr]
weight = 2
languageName = "Français"
title = "Le site"
[languages.de]
weight = 3
languageName = "Deutsch"
title = "Die Seite"
contentDir = "content-de"
`

// randomMultiSite is randomSite in three languages (threeLanguages),
// with translations of some posts and of the posts section.
var randomMultiSite = strings.Replace(randomSite, "paginate = 2\n", threeLanguages, 1) + `-- content/posts/a.fr.md --
---
title: Alpha en français
date: 2026-01-01
tags: [un]
---
Texte alpha.
-- content/posts/b.fr.md --
---
title: Bêta
date: 2026-01-02
---
Texte bêta.
-- content/posts/_index.fr.md --
---
title: Articles
---
-- content-de/posts/a.md --
---
title: Alpha auf Deutsch
date: 2026-01-01
---
Alpha-Text. {{< afflink program="acme" >}}Acme{{< /afflink >}}
-- content-de/posts/c.md --
---
title: Gamma
date: 2026-01-03
translationKey: gamma
---
Gamma-Text.
-- content-de/about.md --
---
title: Über uns
---
Wir.
-- layouts/partials/header.html --
<header>{{ .Site.Title }}` + switcher + `</header>
`

// translate adds a translation of a random post into a random language,
// or removes that translation when it exists.
func (e *siteEditor) translate(word string) string {
	p := e.pick()
	if p == "" {
		return "none"
	}
	name := strings.TrimSuffix(strings.TrimSuffix(path.Base(p), ".md"), ".fr")
	pats := append([]string{"content/posts/%s.md"}, e.langs...)
	t := fmt.Sprintf(pats[e.rng.IntN(len(pats))], name)
	if _, err := os.Stat(e.path(t)); err == nil {
		e.remove(t)
		return "removed translation " + t
	}
	e.write(t, fmt.Sprintf("---\ntitle: %s %s\ndate: 2026-%02d-11\ntags: [%s]\n---\nTranslated %s.\n", name, word, 1+e.rng.IntN(12), word, word))
	return "translation " + t
}

// multiEditor is an editor of randomMultiSite.
func multiEditor(t *testing.T, seed, stream uint64) *siteEditor {
	return &siteEditor{t: t, dir: writeSite(t, randomMultiSite), rng: rand.New(rand.NewPCG(seed, stream)),
		langs: multiLangs}
}

// TestCacheEqualsCleanMultilingual is TestCacheEqualsClean on a site of
// three languages: edits of one language's pages change the hreflang
// links and switcher titles of the others'.
func TestCacheEqualsCleanMultilingual(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			cacheEqualsClean(t, multiEditor(t, seed, 17))
		})
	}
}

// TestSessionEqualsCleanMultilingual is TestSessionEqualsClean on a
// site of three languages.
func TestSessionEqualsCleanMultilingual(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{1, 2, 3, 4} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			sessionEqualsClean(t, multiEditor(t, seed, 23))
		})
	}
}
