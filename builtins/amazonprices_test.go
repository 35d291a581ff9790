package builtins

import (
	"strings"
	"testing"
)

// amazonDataPrices are the prices of Amazon's products in its data
// (programs/testdata/real/amazon.yaml), which no built-in prints.
var amazonDataPrices = []string{"$19.99", "$50.00", "$25.00"}

// Test that every built-in that prints a price prints none of a program
// on Amazon (pricesShown), each in its own way: the text a reader sees in
// its place, or an error at the shortcode.
func TestAmazonPrices(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := modelPrograms(t)
	const at = testFile + ":6:1: "
	rule := "which is on Amazon: Amazon's terms allow a price only with the time it was fetched and a note that it may change, for at most 24 hours; show it in a product box (price= and checked=) or leave it out"
	tests := []struct {
		name, src string
		want      string // in the output, or the error when err is set
		err       bool
	}{
		{name: "plans card", src: `{{< plans program="amazon" >}}`, want: `<p class="price">Check the price on Amazon</p>`},
		{name: "compare lowest", src: `{{< compare programs="amazon,kit" facts="lowest" best="true" >}}`,
			want: `<td data-label="Lowest price"><span>Check the price on Amazon</span></td>`},
		{name: "compare per month", src: `{{< compare programs="amazon,kit" facts="lowest_price.per_month" >}}`,
			want: `<td data-label="Lowest a month"><span>Check the price on Amazon</span></td>`},
		{name: "calculator", src: `{{< calculator program="amazon" >}}`, want: `<td data-label="Billing"><span data-calc-static>Once</span></td>`},
		{name: "fact lowest", src: `{{< fact amazon "lowest" >}}`, err: true,
			want: at + `shortcode "fact": "lowest" is a price of program "amazon", ` + rule},
		{name: "fact per month", src: `{{< fact amazon "lowest_price.per_month" >}}`, err: true,
			want: at + `shortcode "fact": "lowest_price.per_month" is a price of program "amazon", ` + rule},
		{name: "fact plan price", src: `{{< fact program="amazon" name="plans.chefs-knife.price" >}}`, err: true,
			want: at + `shortcode "fact": "plans.chefs-knife.price" is a price of program "amazon", ` + rule},
		{name: "fact plan commission", src: `{{< fact amazon "plans.chefs-knife.commission.price" >}}`, want: "$0.90"},
	}
	for _, tt := range tests {
		out, err := expandPage(t, ts, testState(set), tt.src+"\n")
		switch {
		case tt.err && (err == nil || err.Error() != tt.want):
			t.Errorf("%s: err = %v\nwant %s", tt.name, err, tt.want)
		case tt.err:
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case !strings.Contains(out, tt.want):
			t.Errorf("%s: no %s in\n%s", tt.name, tt.want, out)
		}
		for _, price := range amazonDataPrices {
			if strings.Contains(out, price) {
				t.Errorf("%s: shows Amazon's price %s:\n%s", tt.name, price, out)
			}
		}
	}
}

// Test that the program template function gives a program on Amazon no
// price amounts and no price facts, and still the commission on them.
func TestAmazonProgramView(t *testing.T) {
	t.Parallel()
	st := testState(modelPrograms(t))
	p, _ := st.Programs.Get("amazon")
	v, err := st.View(p)
	if err != nil {
		t.Fatal(err)
	}
	pl := v.Plans[0]
	if pl.Monthly != nil || pl.Annual != nil || pl.Price != nil {
		t.Errorf("amounts %v %v %v, want none", pl.Monthly, pl.Annual, pl.Price)
	}
	if c := pl.Commission["price"]; c == nil || c.String() != "$0.90" {
		t.Errorf("commission = %v, want $0.90", c)
	}
	for path, text := range v.Facts {
		if priceFact(path) {
			t.Errorf("Facts[%q] = %q: a price", path, text)
		}
	}
	if _, err := v.Fact("lowest"); err == nil {
		t.Error("Fact(lowest): no error")
	}
}
