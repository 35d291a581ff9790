package generator

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/affsite/affsite/internal/htmlesc"
	"github.com/affsite/affsite/tplfuncs"
)

// listCard is the listCard template function: a page's card in lists
// as the default theme's card.html shows it (its image, its program's
// logo, its title, rating, date, reading time, first category, summary
// and a "Read more" link), written from Go because every page has one
// and the template spent a list page's time on it. The text is byte for
// byte what the template it replaces wrote (the test runs both); a
// site's own card.html still overrides the theme's.
func (b *builder) listCard(v any) (template.HTML, error) {
	p, err := pageArg("listCard", v)
	if err != nil {
		return "", err
	}
	logo, rating, err := b.cardLogoRating(p)
	if err != nil {
		return "", err
	}
	var w strings.Builder
	w.Grow(1024)
	w.WriteString(`<article class="card">`)
	if len(p.Images) > 0 {
		htmlesc.WriteURLAttr(&w, "\n"+`  <img class="card-image" src="`, b.relURL(p.Images[0]), `" alt="" loading="lazy" decoding="async">`)
	}
	w.WriteString("\n" + `  <h2 class="card-title">`)
	if logo != "" {
		htmlesc.WriteURLAttr(&w, `<img class="card-logo" src="`, logo, `" alt="" width="40" height="40" loading="lazy" decoding="async">`)
	}
	htmlesc.WriteURLAttr(&w, `<a href="`, p.RelPermalink, `">`)
	htmlesc.Write(&w, p.Title)
	w.WriteString(`</a></h2>`)
	if truth, _ := template.IsTrue(rating); truth {
		w.WriteString("\n" + `  <p class="card-rating"><span class="stars" aria-hidden="true">★</span> `)
		htmlesc.Write(&w, fmt.Sprint(rating))
		w.WriteString(`<span class="out-of"> / 5</span><span class="visually-hidden"> rating</span></p>`)
	}
	writeCardMeta(&w, p)
	writeCardEnd(&w, p)
	return template.HTML(w.String()), nil
}

// cardLogoRating is what card.html shows of a review's program: the
// program's image as a link (a site path or URL through relURL, a file
// of the page's bundle after the page's path) and its rating, which
// replaces the front matter's. A page of no program, or of one the
// site's data does not have, shows its front-matter rating.
func (b *builder) cardLogoRating(p *Page) (logo string, rating any, err error) {
	rating = p.Params["rating"]
	var programs any
	if p.Site != nil {
		programs = p.Site.Data["programs"]
	}
	if p.Program == "" || !tplfuncs.Isset(programs, p.Program) {
		return "", rating, nil
	}
	c := b.cardProgramOf(p)
	if c.err != nil || !c.found {
		return "", rating, c.err
	}
	if img := c.image; img != "" {
		logo = p.RelPermalink + img
		if strings.HasPrefix(img, "/") || strings.HasPrefix(img, "http:") || strings.HasPrefix(img, "https:") {
			logo = b.relURL(img)
		}
	}
	if c.rating != "" {
		rating = c.rating
	}
	return logo, rating, nil
}

// writeCardMeta writes the card's date, reading time and first category.
func writeCardMeta(w *strings.Builder, p *Page) {
	w.WriteString("\n" + `  <p class="meta">`)
	if !p.Date.IsZero() {
		writeTime(w, p.Date, time.DateOnly)
	}
	if p.ReadingTime != 0 {
		w.WriteString(`<span>` + strconv.Itoa(p.ReadingTime) + ` min read</span>`)
	}
	if len(p.Categories) > 0 {
		w.WriteString(`<span>`)
		htmlesc.Write(w, p.Categories[0])
		w.WriteString(`</span>`)
	}
	w.WriteString("\n  </p>")
}

// writeCardEnd writes the card's description (else its summary) and its
// "Read more" ("Read review" for a review) link.
func writeCardEnd(w *strings.Builder, p *Page) {
	switch {
	case p.Description != "":
		w.WriteString("\n" + `  <p class="card-summary">`)
		htmlesc.Write(w, p.Description)
		w.WriteString(`</p>`)
	case p.Summary != "":
		w.WriteString("\n" + `  <div class="card-summary">`)
		w.WriteString(string(p.Summary))
		w.WriteString(`</div>`)
	}
	more := "Read more"
	if p.Program != "" {
		more = "Read review"
	}
	htmlesc.WriteURLAttr(w, "\n"+`  <p class="card-more"><a href="`, p.RelPermalink, `" aria-label="`)
	w.WriteString(more)
	w.WriteString(`: `)
	htmlesc.Write(w, p.Title)
	w.WriteString(`">`)
	w.WriteString(more)
	w.WriteString(` <span aria-hidden="true">→</span></a></p>` + "\n</article>")
}

// cardProgram is what a card shows of its page's program: its image and
// rating, found false when the page has no program view, or the error
// its view gave.
type cardProgram struct {
	image, rating string
	found         bool
	err           error
}

// cardProgramOf is p's program as its card shows it, made once a build
// for each program: a program's view (its facts, plans and amounts)
// costs far more than the card, and the hundreds of pages of a program
// would each make the same one.
func (b *builder) cardProgramOf(p *Page) cardProgram {
	if p.Kind != KindPage {
		return cardProgram{} // ProgramView is nil
	}
	if c, ok := b.cardPrograms.Load(p.Program); ok {
		return c.(cardProgram)
	}
	var c cardProgram
	view, err := p.ProgramView()
	switch {
	case err != nil:
		c.err = err
	case view != nil && view.Data != nil:
		c = cardProgram{image: view.Data.Image, rating: view.Data.Rating, found: true}
	}
	b.cardPrograms.Store(p.Program, c)
	return c
}
