package builtins

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// checkGolden compares out (and the links st recorded) with
// testdata/NAME.golden, or writes it with -update.
func checkGolden(t *testing.T, name, out string, st *PageState) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(out)
	for _, l := range st.Links {
		fmt.Fprintf(&b, "-- link: %+v\n", l)
	}
	for _, js := range st.JSONLD {
		fmt.Fprintf(&b, "-- json-ld: %s\n", js)
	}
	golden := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("output differs from %s:\n%s", golden, got)
	}
}

func TestCompareGolden(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := modelPrograms(t)
	tests := []struct{ name, src string }{
		{"compare", `{{< compare programs="kartra,funnelforge" facts="commission,recurring,tier2,cookie,minimum,hold,trial,lowest,rating" best="true" >}}` + "\n"},
		// Models whose terms do not compare: tiers, categories, first
		// payment only, cookie hours; the default facts, no marks.
		{"compare_models", `{{< compare programs="siteground, amazon ,kit" placement="table" >}}` + "\n"},
		// Amazon's lowest price is not shown (pricesShown), so it is not
		// ranked: the column's mark goes to the recurring prices.
		{"compare_units", `{{< compare programs="siteground,amazon,kit" facts="lowest,cookie,minimum" best="true" >}}` + "\n"},
		// Recurring prices rank by their cost a month: SiteGround's
		// $35.88/year ($2.99) before NordVPN's $83.76/2 years ($3.49),
		// Systeme.io's $228.00/year (its free plan left out) and Kit's
		// $100.00/month.
		{"compare_per_month", `{{< compare programs="kit,systemeio,nordvpn,siteground" facts="lowest,lowest_price.per_month" best="true" >}}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := testState(set)
			st.Config.BasePath = "/"
			out, err := expandPage(t, ts, st, tt.src)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, out, st)
		})
	}
}

// Test that best= marks the best value of each column that has an
// order, in the direction that favours the reader: the higher rate and
// rating, the lower minimum and price; no mark where all are equal.
func TestCompareBest(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	d := lastCompare(t, ts, testPrograms(t), `{{< compare programs="kartra,funnelforge" facts="rate,minimum,hold,lowest,rating,cookie,methods" best="true" >}}`)
	want := map[string][2]bool{ // fact: kartra best, funnelforge best
		"commission": {true, false}, "payout.minimum": {false, true}, "payout.hold": {false, false},
		"lowest_price": {false, true}, "rating": {true, false}, "cookie": {false, false}, "payout.methods": {false, false},
	}
	for i, f := range d.Facts {
		got := [2]bool{d.Rows[0].Cells[i].Best, d.Rows[1].Cells[i].Best}
		if got != want[f.Path] {
			t.Errorf("%s: best (kartra, funnelforge) = %v, want %v", f.Path, got, want[f.Path])
		}
	}
}

// Test that a one-off lowest price is not ranked with a recurring one
// (Kit's): neither cell is marked. (Amazon's one-off prices are not shown
// at all: pricesShown.)
func TestCompareUnitsNotRanked(t *testing.T) {
	t.Parallel()
	guide := program(t, "guide.yaml", "name: Guide\nurl: https://guide.example/\ncommission: {rate: 50%}\nplans:\n  - {name: Book, price: 19.99}\n")
	set := programs.NewSet(append(modelPrograms(t).All(), guide)...)
	d := lastCompare(t, loadThemeTemplates(t), set, `{{< compare programs="guide,kit" facts="lowest" best="true" >}}`)
	once, month := d.Rows[0].Cells[0], d.Rows[1].Cells[0]
	if once.unit != "once" || month.unit != "month" {
		t.Fatalf("units %q, %q; want once, month", once.unit, month.unit)
	}
	if once.Best || month.Best {
		t.Errorf("best = %v, %v; want neither", once.Best, month.Best)
	}
}

// lastCompare expands src, one compare shortcode on the programs of set,
// and returns its data.
func lastCompare(t *testing.T, ts *themeTemplates, set *programs.Set, src string) *CompareData {
	t.Helper()
	st := testState(set)
	var d *CompareData
	r := Registry(st)
	r.Add("compare", func(inv *shortcodes.Invocation) error {
		err := st.Compare(inv)
		d, _ = inv.Data.(*CompareData)
		return err
	}, named("programs", "facts", "best", "placement"))
	doc, err := shortcodes.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	env := &shortcodes.Env{File: testFile, Registry: r, Templates: ts}
	if _, err := shortcodes.Expand([]byte(src), doc, env); err != nil {
		t.Fatal(err)
	}
	if d == nil {
		t.Fatal("no compare data")
	}
	return d
}

func TestCompareErrors(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	tests := []struct{ src, want string }{
		{`{{< compare programs="kartra" >}}`, `shortcode "compare": programs= wants 2 or more program ids, such as programs="funnelforge,kartra" (programs: funnelforge, kartra, shieldwave)`},
		{`{{< compare programs="kartra,funelforge" >}}`, `shortcode "compare": unknown program "funelforge" in programs= (did you mean "funnelforge"?)`},
		{`{{< compare programs="kartra,kartra" >}}`, `shortcode "compare": program "kartra" is listed twice in programs=`},
		{`{{< compare programs="kartra,funnelforge" facts="comission" >}}`, `shortcode "compare": unknown fact "comission" in facts= (did you mean "commission"?)`},
		{`{{< compare programs="kartra,funnelforge" best="yes please" >}}`, `shortcode "compare": best="yes please" is not true or false`},
		{`{{< compare program="kartra,funnelforge" >}}`, `unknown argument "program" of compare; did you mean "programs"?`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			_, err := expandPage(t, ts, testState(set), tt.src)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); !strings.HasPrefix(got, testFile+":6:") || !strings.Contains(got, tt.want) {
				t.Errorf("error\n got %s\nwant %s:6:1: %s", got, testFile, tt.want)
			}
		})
	}
}
