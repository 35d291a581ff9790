package builtins

import (
	"encoding/json"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// VerdictData is the data of the verdict template.
type VerdictData struct {
	Program string        // the program's name
	Heading string        // "Verdict: Kartra"
	Stars   template.HTML // the rating's stars out of Best, to the half star (see stars)
	Label   string        // "Rated 4.5 out of 5", what screen readers read
	Score   string        // "4.5"
	Best    string        // "5"
	Summary template.HTML
	CTA     LinkData // the sign-up button (placement "verdict")
}

// Verdict is the verdict shortcode: the review's rating, summary and
// sign-up button. It also adds a schema.org Review to PageState.JSONLD.
//
//	{{< verdict rating="4.5" program="kartra" >}}Worth it for …{{< /verdict >}}
//
// rating= is required, a number from 0 to best= (default 5, a whole
// number). Its template's .Data is a VerdictData.
func (st *PageState) Verdict(inv *shortcodes.Invocation) error {
	raw, ok := inv.Arg("rating")
	if !ok || strings.TrimSpace(raw) == "" {
		return inv.Errorf("shortcode %q: missing argument rating=, such as rating=\"4.5\"", inv.Name)
	}
	bestRaw, ok := inv.Arg("best")
	if !ok {
		bestRaw = "5"
	}
	best, err := strconv.Atoi(strings.TrimSpace(bestRaw))
	if err != nil || best < 1 || best > 100 {
		return inv.Errorf("shortcode %q: best=%q is not a whole number from 1 to 100", inv.Name, bestRaw)
	}
	rating, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsNaN(rating) || rating < 0 || rating > float64(best) {
		return inv.Errorf("shortcode %q: rating=%q is not a number from 0 to %d", inv.Name, raw, best)
	}
	p, err := st.program(inv)
	if err != nil {
		return err
	}

	score := strconv.FormatFloat(rating, 'f', -1, 64)
	bestS := strconv.Itoa(best)
	d := &VerdictData{
		Program: p.Name,
		Heading: "Verdict: " + p.Name,
		Stars:   stars(rating, best),
		Label:   "Rated " + score + " out of " + bestS,
		Score:   score,
		Best:    bestS,
		Summary: inv.Inner,
	}
	d.CTA = st.link(inv, p, nil, "verdict", escapeHTML("Try "+p.Name))
	doc, err := reviewJSONLD(st, p, score, bestS, rating)
	if err != nil {
		return inv.Errorf("shortcode %q: JSON-LD: %w", inv.Name, err)
	}
	st.JSONLD = append(st.JSONLD, doc)
	inv.Data = d
	return nil
}

// The schema.org Review document; struct fields keep the keys in order.
type (
	reviewLD struct {
		Context       string      `json:"@context"`
		Type          string      `json:"@type"`
		Name          string      `json:"name,omitempty"`
		ItemReviewed  softwareLD  `json:"itemReviewed"`
		ReviewRating  ratingLD    `json:"reviewRating"`
		Author        *personLD   `json:"author,omitempty"`
		DatePublished string      `json:"datePublished,omitempty"`
		DateModified  string      `json:"dateModified,omitempty"`
		PositiveNotes *itemListLD `json:"positiveNotes,omitempty"`
		NegativeNotes *itemListLD `json:"negativeNotes,omitempty"`
	}
	softwareLD struct {
		Type                string    `json:"@type"`
		Name                string    `json:"name"`
		ApplicationCategory string    `json:"applicationCategory"`
		OperatingSystem     string    `json:"operatingSystem"`
		Offers              *offersLD `json:"offers,omitempty"`
	}
	offersLD struct {
		Type          string `json:"@type"`
		PriceCurrency string `json:"priceCurrency"`
		LowPrice      string `json:"lowPrice"`
		HighPrice     string `json:"highPrice"`
		OfferCount    int    `json:"offerCount"`
	}
	ratingLD struct {
		Type        string `json:"@type"`
		RatingValue string `json:"ratingValue"`
		BestRating  string `json:"bestRating"`
		WorstRating string `json:"worstRating"`
	}
	personLD struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	itemListLD struct {
		Type            string       `json:"@type"`
		ItemListElement []listItemLD `json:"itemListElement"`
	}
	listItemLD struct {
		Type     string `json:"@type"`
		Position int    `json:"position"`
		Name     string `json:"name"`
		URL      string `json:"url,omitempty"` // best-of: the item's card
	}
)

// reviewJSONLD returns the page's review of p as a JSON-LD document, safe
// inside a <script> element: json.Marshal escapes <, > and &.
func reviewJSONLD(st *PageState, p *programs.Program, score, best string, rating float64) (template.JS, error) {
	worst := "1"
	if rating < 1 {
		worst = "0" // schema.org needs the rating within worst..best
	}
	name := st.Title
	if name == "" {
		name = p.Name + " review"
	}
	doc := reviewLD{
		Context: "https://schema.org",
		Type:    "Review",
		Name:    name,
		ItemReviewed: softwareLD{
			Type: "SoftwareApplication", Name: p.Name,
			ApplicationCategory: "BusinessApplication", OperatingSystem: "Web",
			Offers: offers(p, st.currency(p)),
		},
		ReviewRating:  ratingLD{Type: "Rating", RatingValue: score, BestRating: best, WorstRating: worst},
		PositiveNotes: itemList(p.Pros),
		NegativeNotes: itemList(p.Cons),
	}
	if st.Author != "" {
		doc.Author = &personLD{Type: "Person", Name: st.Author}
	}
	if !st.Date.IsZero() {
		doc.DatePublished = st.Date.Format("2006-01-02")
	}
	if !st.Lastmod.IsZero() {
		doc.DateModified = st.Lastmod.Format("2006-01-02")
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

// offers returns the range of p's prices over one billing period, so that
// lowPrice and highPrice compare like with like (schema.org's
// AggregateOffer has no period of its own): the period at which the most
// of its paid plans have a price (a month, a year, a plan's own period of
// months, or a one-off purchase), ties going to the shorter period and a
// one-off price last. A price of a 12-month period is annual. A free plan
// counts as 0 at any period; a plan without a price at the period is left
// out of the range and of offerCount. nil without plans, and for a
// program on Amazon, whose prices a site may show only for the 24 hours
// after it fetched them (as its cards show none).
func offers(p *programs.Program, cur money.Currency) *offersLD {
	if !pricesShown(p) {
		return nil
	}
	months := commonPeriod(p.Plans)
	var lo, hi money.Cents
	n := 0
	for _, pl := range p.Plans {
		v, ok := priceOver(pl, months)
		if !ok {
			continue
		}
		if n == 0 || v < lo {
			lo = v
		}
		if n == 0 || v > hi {
			hi = v
		}
		n++
	}
	if n == 0 {
		return nil
	}
	return &offersLD{
		Type: "AggregateOffer", PriceCurrency: cur.OrDefault().Code,
		LowPrice: cur.Plain(lo), HighPrice: cur.Plain(hi), OfferCount: n,
	}
}

// commonPeriod is the period, in months (0 for a one-off price), at
// which the most of plans have a paid price; ties go to the shorter
// period, a one-off price last. It is 1 (a month) for plans that are all
// free.
func commonPeriod(plans []*programs.Plan) int64 {
	count := map[int64]int{}
	for _, pl := range plans {
		seen := map[int64]bool{}
		for _, pr := range pl.Prices() {
			if !seen[pr.Months] {
				seen[pr.Months] = true
				count[pr.Months]++
			}
		}
	}
	// rank orders periods for ties: shorter first, one-off last.
	rank := func(m int64) int64 {
		if m == 0 {
			return math.MaxInt64
		}
		return m
	}
	best, bestN := int64(1), 0
	for m, c := range count {
		if c > bestN || c == bestN && rank(m) < rank(best) {
			best, bestN = m, c
		}
	}
	return best
}

// priceOver is what pl costs at a payment of the period months (0: a
// one-off price): 0 for a free plan; ok is false when pl has no price at
// that period.
func priceOver(pl *programs.Plan, months int64) (money.Cents, bool) {
	if pl.Free {
		return 0, true
	}
	for _, pr := range pl.Prices() {
		if pr.Months == months {
			return pr.Amount, true
		}
	}
	return 0, false
}

func itemList(items []string) *itemListLD {
	if len(items) == 0 {
		return nil
	}
	l := &itemListLD{Type: "ItemList"}
	for i, s := range items {
		l.ItemListElement = append(l.ItemListElement, listItemLD{Type: "ListItem", Position: i + 1, Name: s})
	}
	return l
}
