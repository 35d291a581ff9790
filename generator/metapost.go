package generator

import (
	"html/template"
	"io"
	"strconv"
	"time"

	"github.com/affsite/affsite/internal/htmlesc"
)

// postHeader is the postHeader template function: the header of the
// default theme's single.html, a post's categories, title, dates,
// reading time, author and description, written from Go because every
// page shows it. The text is byte for byte what the template lines it
// replaces wrote (the test runs both); a site's own single.html keeps
// its own header.
func (b *builder) postHeader(v any) (template.HTML, error) {
	p, err := sitePageArg("postHeader", v)
	if err != nil {
		return "", err
	}
	return htmlOf(1024, func(w io.StringWriter) { writePostHeader(w, p) }), nil
}

// writePostHeader writes what postHeader returns; p has a site.
func writePostHeader(w io.StringWriter, p *Page) {
	w.WriteString(`<header class="post-header">`)
	if len(p.CategoryTerms) > 0 {
		w.WriteString("\n" + `    <ul class="kicker" aria-label="Categories">`)
		writeTermItems(w, p.CategoryTerms)
		w.WriteString("\n    </ul>")
	}
	w.WriteString("\n" + `    <h1 class="post-title">`)
	htmlesc.Write(w, p.Title)
	w.WriteString("</h1>\n" + `    <p class="meta">`)
	if !p.Date.IsZero() {
		w.WriteString("\n      <span>")
		writeTime(w, p.Date, time.RFC3339)
		w.WriteString("</span>")
	}
	if !p.Lastmod.IsZero() && p.Lastmod.Format(time.DateOnly) != p.Date.Format(time.DateOnly) {
		w.WriteString("\n      <span>Updated ")
		writeTime(w, p.Lastmod, time.RFC3339)
		w.WriteString("</span>")
	}
	if p.ReadingTime != 0 {
		w.WriteString("\n      <span>" + strconv.Itoa(p.ReadingTime) + " min read</span>")
	}
	if p.Site.Author != "" {
		w.WriteString("\n      <span>By ")
		htmlesc.Write(w, p.Site.Author)
		w.WriteString("</span>")
	}
	w.WriteString("\n    </p>")
	if p.Description != "" {
		w.WriteString("\n" + `    <p class="lede">`)
		htmlesc.Write(w, p.Description)
		w.WriteString("</p>")
	}
	w.WriteString("\n  </header>")
}

// writeTime writes a <time> of t: t in the layout in datetime, the date
// in words as its text.
func writeTime(w io.StringWriter, t time.Time, layout string) {
	w.WriteString(`<time datetime="`)
	htmlesc.Write(w, t.Format(layout))
	w.WriteString(`">`)
	htmlesc.Write(w, t.Format("January 2, 2006"))
	w.WriteString("</time>")
}

// postTags is the postTags template function: the footer of the default
// theme's single.html listing a post's tags, or "" for a post without
// tags, as the template lines it replaces wrote it (the test runs both).
func (b *builder) postTags(v any) (template.HTML, error) {
	p, err := pageArg("postTags", v)
	if err != nil {
		return "", err
	}
	if len(p.TagTerms) == 0 {
		return "", nil
	}
	return htmlOf(512, func(w io.StringWriter) { writePostTags(w, p) }), nil
}

// writePostTags writes what postTags returns.
func writePostTags(w io.StringWriter, p *Page) {
	if len(p.TagTerms) == 0 {
		return
	}
	w.WriteString("\n" + `  <footer class="post-footer">` + "\n" + `    <h2 class="visually-hidden">Tags</h2>` + "\n" + `    <ul class="tags">`)
	writeTermItems(w, p.TagTerms)
	w.WriteString("\n    </ul>\n  </footer>")
}

// writeTermItems writes a list item linking each term.
func writeTermItems(w io.StringWriter, terms []*Term) {
	for _, t := range terms {
		htmlesc.WriteURLAttr(w, "\n"+`  <li><a href="`, t.RelPermalink, `">`)
		htmlesc.Write(w, t.Name)
		w.WriteString("</a></li>")
	}
}
