package builtins

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

func TestVerdictJSONLD(t *testing.T) {
	t.Parallel()
	st := testState(programs.NewSet(kartra(t)))
	inv := &shortcodes.Invocation{Name: "verdict", Params: map[string]string{"program": "kartra", "rating": "4.5"}}
	if err := st.Verdict(inv); err != nil {
		t.Fatal(err)
	}
	if len(st.JSONLD) != 1 {
		t.Fatalf("%d JSON-LD documents", len(st.JSONLD))
	}
	var doc struct {
		Context      string `json:"@context"`
		Type         string `json:"@type"`
		Name         string
		ItemReviewed struct {
			Type, Name, ApplicationCategory, OperatingSystem string
			Offers                                           struct {
				Type                               string `json:"@type"`
				PriceCurrency, LowPrice, HighPrice string
				OfferCount                         int
			}
		}
		ReviewRating struct {
			Type                                 string `json:"@type"`
			RatingValue, BestRating, WorstRating string
		}
		Author struct {
			Type string `json:"@type"`
			Name string
		}
		DatePublished string
		PositiveNotes struct {
			Type            string `json:"@type"`
			ItemListElement []struct {
				Type     string `json:"@type"`
				Position int
				Name     string
			}
		}
		NegativeNotes struct {
			ItemListElement []struct{ Name string }
		}
	}
	if err := json.Unmarshal([]byte(st.JSONLD[0]), &doc); err != nil {
		t.Fatal(err)
	}
	got := []string{doc.Context, doc.Type, doc.Name, doc.ItemReviewed.Name, doc.ItemReviewed.ApplicationCategory,
		doc.ItemReviewed.OperatingSystem, doc.ItemReviewed.Offers.Type, doc.ItemReviewed.Offers.PriceCurrency,
		doc.ItemReviewed.Offers.LowPrice, doc.ItemReviewed.Offers.HighPrice,
		doc.ReviewRating.Type, doc.ReviewRating.RatingValue, doc.ReviewRating.BestRating, doc.ReviewRating.WorstRating,
		doc.Author.Type, doc.Author.Name, doc.DatePublished, doc.PositiveNotes.Type}
	want := []string{"https://schema.org", "Review", "Kartra review", "Kartra", "BusinessApplication",
		"Web", "AggregateOffer", "USD", "99.00", "499.00",
		"Rating", "4.5", "5", "1",
		"Person", "Ann Example", "2026-11-02", "ItemList"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fields\n got %q\nwant %q", got, want)
	}
	if doc.ItemReviewed.Offers.OfferCount != 4 {
		t.Errorf("offerCount %d", doc.ItemReviewed.Offers.OfferCount)
	}
	pos := doc.PositiveNotes.ItemListElement
	if len(pos) != 4 || pos[0].Type != "ListItem" || pos[0].Position != 1 || pos[3].Position != 4 ||
		!strings.HasPrefix(pos[0].Name, "40% recurring") || len(doc.NegativeNotes.ItemListElement) != 3 {
		t.Errorf("notes %+v / %+v", pos, doc.NegativeNotes)
	}
	d := inv.Data.(*VerdictData)
	if d.Stars != `★★★★<span class="star-half">☆</span>` || d.Label != "Rated 4.5 out of 5" || d.Score != "4.5" || d.Best != "5" {
		t.Errorf("data %+v", d)
	}
}

// JSON-LD goes into a <script> element: no "</script>" may survive.
func TestVerdictJSONLDEscaped(t *testing.T) {
	t.Parallel()
	p := &programs.Program{ID: "x", Name: "X</script><b>", URL: "https://x.example/", Pros: []string{"a & b"}}
	st := testState(programs.NewSet(p))
	st.Title = ""
	inv := &shortcodes.Invocation{Name: "verdict", Params: map[string]string{"program": "x", "rating": "0.5", "best": "10"}}
	if err := st.Verdict(inv); err != nil {
		t.Fatal(err)
	}
	js := string(st.JSONLD[0])
	if strings.ContainsAny(js, "<>&") {
		t.Errorf("unescaped: %s", js)
	}
	for _, s := range []string{`"name":"X\u003c/script\u003e\u003cb\u003e review"`, `"worstRating":"0"`, `"bestRating":"10"`} {
		if !strings.Contains(js, s) {
			t.Errorf("no %s in %s", s, js)
		}
	}
	if strings.Contains(js, "offers") || strings.Contains(js, "negativeNotes") {
		t.Errorf("empty parts present: %s", js)
	}
	if d := inv.Data.(*VerdictData); d.Stars != `<span class="star-half">☆</span>☆☆☆☆☆☆☆☆☆` {
		t.Errorf("stars %q", d.Stars)
	}
}

// Test stars: rounded down to the half star, never beyond best.
func TestStars(t *testing.T) {
	t.Parallel()
	const half = `<span class="star-half">☆</span>`
	tests := []struct {
		rating float64
		best   int
		want   string
	}{
		{0, 5, "☆☆☆☆☆"},
		{0.4, 5, "☆☆☆☆☆"},
		{0.5, 5, half + "☆☆☆☆"},
		{3, 5, "★★★☆☆"},
		{4.4, 5, "★★★★☆"},
		{4.5, 5, "★★★★" + half},
		{4.9, 5, "★★★★" + half},
		{5, 5, "★★★★★"},
		{7, 5, "★★★★★"},
		{-1, 5, "☆☆☆☆☆"},
		{2.5, 3, "★★" + half},
		{9.5, 10, "★★★★★★★★★" + half},
	}
	for _, tc := range tests {
		if got := string(stars(tc.rating, tc.best)); got != tc.want {
			t.Errorf("stars(%v, %d) = %q, want %q", tc.rating, tc.best, got, tc.want)
		}
	}
}

// TestVerdictOffersOnePeriod: the verdict's AggregateOffer compares the
// plans' prices of one period, the one most plans have, never a monthly
// price with an annual or one-off one.
func TestVerdictOffersOnePeriod(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, plans string
		want        *offersLD // nil: no offers
	}{
		{"monthly and annual: the monthly prices, most plans have them",
			"  - {name: A, monthly: 10, annual: 100}\n  - {name: B, monthly: 30}\n  - {name: C, annual: 200}\n  - {name: D, monthly: 50, annual: 500}\n",
			&offersLD{LowPrice: "10.00", HighPrice: "50.00", OfferCount: 3}},
		{"a tie goes to the shorter period",
			"  - {name: A, monthly: 10, annual: 100}\n  - {name: B, annual: 200}\n  - {name: C, monthly: 30}\n",
			&offersLD{LowPrice: "10.00", HighPrice: "30.00", OfferCount: 2}},
		{"annual plans, with a free plan at 0",
			"  - {name: Free, free: true}\n  - {name: B, annual: 200}\n  - {name: C, annual: 300, monthly: 35}\n",
			&offersLD{LowPrice: "0.00", HighPrice: "300.00", OfferCount: 3}},
		{"a one-off lifetime deal is not compared with subscriptions",
			"  - {name: Lifetime, price: 999}\n  - {name: B, monthly: 20}\n  - {name: C, monthly: 40}\n",
			&offersLD{LowPrice: "20.00", HighPrice: "40.00", OfferCount: 2}},
		{"a price for 12 months is an annual one",
			"  - {name: Year pass, price: 150, period_months: 12}\n  - {name: B, annual: 200}\n  - {name: C, monthly: 9}\n",
			&offersLD{LowPrice: "150.00", HighPrice: "200.00", OfferCount: 2}},
		{"one-off products",
			"  - {name: Small, price: 19.99}\n  - {name: Large, price: 49.99}\n",
			&offersLD{LowPrice: "19.99", HighPrice: "49.99", OfferCount: 2}},
		{"free plans only", "  - {name: Free, free: true}\n", &offersLD{LowPrice: "0.00", HighPrice: "0.00", OfferCount: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := programs.Parse("x.yaml", []byte("name: X\nurl: https://x.example/\nplans:\n"+tt.plans))
			if err != nil {
				t.Fatal(err)
			}
			got := offers(p, p.CurrencyOrDefault())
			if tt.want != nil {
				tt.want.Type, tt.want.PriceCurrency = "AggregateOffer", "USD"
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("offers = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestVerdictOffersAmazon: a program on Amazon has no offers in its
// review markup, as its cards show no price: Amazon lets a site show its
// prices only for 24 hours after fetching them.
func TestVerdictOffersAmazon(t *testing.T) {
	t.Parallel()
	for url, want := range map[string]bool{"https://www.amazon.com/dp/B0X": false, "https://shop.example/": true} {
		p, err := programs.Parse("x.yaml", []byte("name: X\nurl: "+url+"\nplans:\n  - {name: Scale, price: 24.99}\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := offers(p, p.CurrencyOrDefault()); (got != nil) != want {
			t.Errorf("%s: offers = %+v, want offers: %v", url, got, want)
		}
	}
}
