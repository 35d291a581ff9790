package builtins

import (
	"testing"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

func mustRate(s string) money.Rate { return money.MustParseRate(s) }

// The three Kartra scenarios, from the data's scenarios and from counts.
func TestEarningsKartra(t *testing.T) {
	t.Parallel()
	set := programs.NewSet(kartra(t))
	tests := []struct {
		params map[string]string
		total  string
	}{
		{map[string]string{"program": "kartra", "scenario": "one-referral-a-month"}, "$715.20"},
		{map[string]string{"program": "kartra", "scenario": "One referral a week"}, "$4,659.20"},
		{map[string]string{"program": "kartra", "scenario": "paid-advertising"}, "$17,880.00"},
		{map[string]string{"program": "kartra", "Starter": "6", "SILVER": "6"}, "$715.20"},
		{map[string]string{"program": "kartra", "starter": "14", "silver": "21", "gold": "12", "platinum": "5"}, "$4,659.20"},
		{map[string]string{"program": "kartra", "Platinum": "22", "Gold": "38", "Silver": "85", "Starter": "55"}, "$17,880.00"},
	}
	for _, tt := range tests {
		inv := &shortcodes.Invocation{Name: "earnings", Params: tt.params}
		if err := testState(set).Earnings(inv); err != nil {
			t.Fatal(err)
		}
		d := inv.Data.(*EarningsData)
		if d.Total != tt.total {
			t.Errorf("%v: total %s, want %s", tt.params, d.Total, tt.total)
		}
		if d.Rows[0].Plan != "Starter" {
			t.Errorf("%v: rows not in plan order: %+v", tt.params, d.Rows)
		}
	}
}
