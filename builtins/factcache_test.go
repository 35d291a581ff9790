package builtins

import (
	"maps"
	"strings"
	"testing"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/shortcodes"
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

// TestFactCacheCommissionTables: pages sharing a FactCache share each
// program's commission table in a currency, whose markup is what the
// page's own table writes; a page that shows it in another currency
// gets its own.
func TestFactCacheCommissionTables(t *testing.T) {
	t.Parallel()
	set := testPrograms(t)
	cache := NewFactCache()
	for _, p := range set.All() {
		tables := map[string]*CommissionTableData{}
		for _, cur := range []money.Currency{money.USD(), {Code: "EUR", Symbol: "€"}, money.USD()} {
			alone := NewPageState(set, affiliate.Config{Currency: cur})
			shared := NewPageState(set, affiliate.Config{Currency: cur})
			shared.FactCache = cache
			want, wantErr := commissionTableOf(alone, p.ID)
			got, err := commissionTableOf(shared, p.ID)
			if errText(err) != errText(wantErr) {
				t.Fatalf("%s in %s: error %v, alone %v", p.ID, cur.Code, err, wantErr)
			}
			if err != nil {
				continue
			}
			if got.HTML() != want.HTML() {
				t.Errorf("%s in %s: shared table\n%s\nthe page's own:\n%s", p.ID, cur.Code, got.HTML(), want.HTML())
			}
			code := cur.Code
			if p.Currency.Code != "" {
				code = "own"
			}
			if prev, ok := tables[code]; ok && prev != got {
				t.Errorf("%s in %s: a second table, not the shared one", p.ID, cur.Code)
			}
			tables[code] = got
		}
	}
}

// commissionTableOf is the commission-table data of program id on st's
// page.
func commissionTableOf(st *PageState, id string) (*CommissionTableData, error) {
	inv := &shortcodes.Invocation{Name: "commission-table", Params: map[string]string{"program": id}}
	if err := st.CommissionTable(inv); err != nil {
		return nil, err
	}
	return inv.Data.(*CommissionTableData), nil
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
