package check

import (
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
		for _, s := range p.ldScripts {
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
					if name := strings.Join(strings.Fields(it.Name), " "); name != "" && !strings.Contains(p.text, name) {
						a.report(p.name, it.Name, Warning, fmt.Sprintf("review markup lists %q, which the page does not show (show it with {{< pros-cons >}})", name))
					}
				}
			}
		}
	}
}

// isLDJSON reports whether the script element n says
// type="application/ld+json".
func isLDJSON(n *html.Node) bool {
	for _, at := range n.Attr {
		if at.Namespace == "" && at.Key == "type" && at.Val == "application/ld+json" {
			return true
		}
	}
	return false
}
