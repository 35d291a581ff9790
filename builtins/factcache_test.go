package builtins

import (
	"maps"
	"strings"
	"testing"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/money"
)

// TestFactCache: pages sharing a FactCache get the facts each would
// work out alone, per program and per currency the page shows it in.
func TestFactCache(t *testing.T) {
	t.Parallel()
	set := testPrograms(t)
	cache := NewFactCache()
	for _, cur := range []money.Currency{money.USD(), {Code: "EUR", Symbol: "€"}, money.USD()} {
		for _, p := range set.All() {
			alone := NewPageState(set, affiliate.Config{Currency: cur})
			shared := NewPageState(set, affiliate.Config{Currency: cur})
			shared.FactCache = cache
			want, got := alone.Facts(p), shared.Facts(p)
			if !maps.Equal(want, got) {
				t.Errorf("%s in %s: cached facts differ from the page's own:\n got %v\nwant %v", p.ID, cur.Code, got, want)
			}
			if p.Currency.Code == "" && cur.Code == "EUR" && !strings.Contains(got["lowest_price"], "€") {
				t.Errorf("%s in EUR: lowest_price = %q, want euros", p.ID, got["lowest_price"])
			}
		}
	}
	// One entry a program in its own currency, two for the others.
	want := 0
	for _, p := range set.All() {
		want += 2
		if p.Currency.Code != "" {
			want--
		}
	}
	if len(cache.m) != want {
		t.Errorf("cache holds %d entries, want %d", len(cache.m), want)
	}
}
