package money

import "testing"

func TestCurrencyFormat(t *testing.T) {
	t.Parallel()
	eur := Currency{Code: "EUR", Symbol: "€"}
	tests := []struct {
		cur  Currency
		c    Cents
		want string
	}{
		{Currency{}, 109920, "$1,099.20"},
		{Currency{}, -310, "-$3.10"},
		{Currency{}, 0, "$0.00"},
		{Currency{Code: "USD"}, 500, "$5.00"},
		{eur, 109920, "€1,099.20"},
		{eur, -310, "-€3.10"},
		{Currency{Code: "CHF"}, 1200, "CHF 12.00"},
		{USD(), 123456789, "$1,234,567.89"},
	}
	for _, tt := range tests {
		if got := tt.cur.Format(tt.c); got != tt.want {
			t.Errorf("%+v.Format(%d) = %q, want %q", tt.cur, int64(tt.c), got, tt.want)
		}
	}
}
