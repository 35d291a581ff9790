package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/generator"
)

// reviewSite is a review whose program has an image and a rating, which
// its card in the lists shows (the default theme's card.html reads them
// through the page's ProgramView).
const reviewSite = `-- site.toml --
title = "Reviews"
baseURL = "https://reviews.example/"
-- data/programs/acme.yaml --
name: Acme
url: https://acme.example/
commission: 0.40
image: /images/acme.png
rating: 4.5
plans:
  - name: Basic
    monthly: 10.00
-- content/posts/acme.md --
---
title: Acme review
date: 2026-01-01
program: acme
---
Acme is good.
-- content/posts/other.md --
---
title: Other
date: 2026-01-02
---
Other text.
`

// TestSessionEditKeepsProgramView edits a review's text (its summary,
// which lists show), its title and its program's rating: each rebuild renders the review's card in the lists
// with its program's image and rating, as a clean build does. (Each
// rebuild's builder is new; the pages it reads must reach its program
// data, not an earlier build's or none.)
func TestSessionEditKeepsProgramView(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, reviewSite)
	opts := generator.Options{Source: dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	sess := generator.NewSession(opts)
	if _, err := sess.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	edits := []struct{ file, from, to, rating string }{
		{"content/posts/acme.md", "Acme is good.", "Acme is very good.", "4.5"},
		{"content/posts/acme.md", "title: Acme review", "title: Acme, reviewed", "4.5"},
		{"data/programs/acme.yaml", "rating: 4.5", "rating: 3.5", "3.5"},
	}
	for _, e := range edits {
		full := filepath.Join(dir, filepath.FromSlash(e.file))
		src, err := os.ReadFile(full)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(strings.Replace(string(src), e.from, e.to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		rr, err := sess.Rebuild([]string{e.file})
		if err != nil {
			t.Fatal(err)
		}
		if rr.Full {
			t.Fatalf("%s: the rebuild was a full one", e.file)
		}
		clean := generator.NewMemOutput()
		if _, err := generator.Build(generator.Options{Source: dir, Now: opts.Now, Output: clean}); err != nil {
			t.Fatal(err)
		}
		home, _ := clean.File("index.html")
		if !strings.Contains(string(home), `class="card-logo" src="/images/acme.png"`) {
			t.Fatalf("%s: the clean home page has no program image in the review's card:\n%s", e.file, home)
		}
		card := `<span class="stars" aria-hidden="true">★</span> ` + e.rating + `<`
		if home, _ := sess.Files().File("index.html"); !strings.Contains(string(home), card) {
			t.Errorf("%s: the rebuilt home page's card does not show the program's rating %s:\n%s", e.file, e.rating, home)
		}
		compareOutputs(t, e.to, clean, sess.Files())
	}
}
