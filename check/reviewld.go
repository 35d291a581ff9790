package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// reviewLD is the part of a schema.org Review that check reads.
type reviewLD struct {
	Type   string `json:"@type"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
	PositiveNotes *notesLD `json:"positiveNotes"`
	NegativeNotes *notesLD `json:"negativeNotes"`
}

type notesLD struct {
	Items []struct {
		Name string `json:"name"`
	} `json:"itemListElement"`
}

// checkReviewMarkup reports Review markup search engines reject or
// distrust: a Review without an author is an error (Google requires
// one), and pros or cons in positiveNotes/negativeNotes that the page
// does not show are a warning (markup must describe what readers see).
func (a *auditor) checkReviewMarkup() {
	for _, p := range a.pages {
		if p.redirect {
			continue
		}
		scripts, text := ldScriptsAndText(p.raw)
		for _, s := range scripts {
			var r reviewLD
			if json.Unmarshal([]byte(s), &r) != nil || r.Type != "Review" {
				continue
			}
			if r.Author == nil || strings.TrimSpace(r.Author.Name) == "" {
				a.report(p.name, `"@type":"Review"`, Error, "review markup has no author (set author in site.toml or the page's front matter)")
			}
			for _, n := range []*notesLD{r.PositiveNotes, r.NegativeNotes} {
				if n == nil {
					continue
				}
				for _, it := range n.Items {
					if name := strings.Join(strings.Fields(it.Name), " "); name != "" && !strings.Contains(text, name) {
						a.report(p.name, it.Name, Warning, fmt.Sprintf("review markup lists %q, which the page does not show (show it with {{< pros-cons >}})", name))
					}
				}
			}
		}
	}
	a.flush()
}

// ldScriptsAndText returns the JSON-LD scripts of a page and its visible
// text, spaces folded.
func ldScriptsAndText(raw []byte) (scripts []string, text string) {
	z := html.NewTokenizer(bytes.NewReader(raw))
	var sb strings.Builder
	skip, inLD := 0, false
	for {
		switch z.Next() {
		case html.ErrorToken: // io.EOF, or markup the tokenizer gives up on
			return scripts, strings.Join(strings.Fields(sb.String()), " ")
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "script":
				inLD = hasAttr && isLDJSON(z)
				skip++
			case "style", "template", "noscript":
				skip++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "template", "noscript":
				if skip > 0 {
					skip--
				}
				inLD = false
			}
		case html.TextToken:
			switch {
			case inLD:
				scripts = append(scripts, string(z.Text()))
			case skip == 0:
				sb.Write(z.Text())
				sb.WriteByte(' ')
			}
		}
	}
}

// isLDJSON reports whether the start tag z is at, which has attributes,
// says type="application/ld+json".
func isLDJSON(z *html.Tokenizer) bool {
	ld := false
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		ld = ld || string(k) == "type" && string(v) == "application/ld+json"
	}
	return ld
}
