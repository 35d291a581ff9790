package money

import (
	"errors"
	"math"
	"slices"
	"testing"
)

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
		{Currency{Code: "JPY", Symbol: "¥"}, 1001, "¥1,001"},
		{Currency{Code: "JPY", Symbol: "¥"}, -5, "-¥5"},
		{Currency{Code: "JPY"}, 0, "JPY 0"},
		{Currency{Code: "BHD"}, 1250, "BHD 1.250"},
		{Currency{Code: "KWD", Symbol: "KD "}, 5, "KD 0.005"},
		{Currency{Code: "CLF"}, 12345, "CLF 1.2345"},
		{Currency{Code: "USD"}, math.MinInt64, "-$92,233,720,368,547,758.08"},
		{Currency{Code: "JPY", Symbol: "¥"}, math.MaxInt64, "¥9,223,372,036,854,775,807"},
		{Currency{Code: "BHD"}, math.MinInt64, "-BHD 9,223,372,036,854,775.808"},
	}
	for _, tt := range tests {
		if got := tt.cur.Format(tt.c); got != tt.want {
			t.Errorf("%+v.Format(%d) = %q, want %q", tt.cur, int64(tt.c), got, tt.want)
		}
	}
}

func TestCurrencyPlain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code string
		c    Cents
		want string
	}{
		{"USD", 109920, "1099.20"},
		{"JPY", 100100, "100100"},
		{"BHD", 1001, "1.001"},
		{"EUR", -5, "-0.05"},
	}
	for _, tt := range tests {
		if got := (Currency{Code: tt.code}).Plain(tt.c); got != tt.want {
			t.Errorf("%s Plain(%d) = %q, want %q", tt.code, int64(tt.c), got, tt.want)
		}
	}
}

func TestParseAmount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code, in string
		want     Cents
	}{
		{"USD", "$24.99", 2499},
		{"EUR", "24.9", 2490},
		{"JPY", "1,001", 1001},
		{"JPY", "-7", -7},
		{"BHD", "1.5", 1500},
		{"BHD", "0.001", 1},
		{"KWD", "12.345", 12345},
		{"JPY", "9,223,372,036,854,775,807", math.MaxInt64},
	}
	for _, tt := range tests {
		got, err := Currency{Code: tt.code}.ParseAmount(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("%s ParseAmount(%q) = %d, %v; want %d", tt.code, tt.in, int64(got), err, int64(tt.want))
		}
	}
}

func TestParseAmountErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code, in string
		decimals bool // a *DecimalsError
	}{
		{"JPY", "1001.5", true},
		{"JPY", "1001.00", true}, // no decimals at all, not even zeros
		{"USD", "12.4999999999999999999", true},
		{"USD", "12.345", true},
		{"BHD", "1.2345", true},
		{"USD", "1e2", false},
		{"USD", "4e-1", false},
		{"USD", "1_000", false},
		{"USD", "inf", false},
		{"USD", "0x10", false},
		{"JPY", "9,223,372,036,854,775,808", false},
	}
	for _, tt := range tests {
		got, err := Currency{Code: tt.code}.ParseAmount(tt.in)
		var de *DecimalsError
		if err == nil || errors.As(err, &de) != tt.decimals {
			t.Errorf("%s ParseAmount(%q) = %d, %v; want an error (too many decimals: %v)", tt.code, tt.in, int64(got), err, tt.decimals)
		}
	}
}

func TestLookupCurrency(t *testing.T) {
	t.Parallel()
	for code, minor := range map[string]int{"USD": 2, "eur": 2, "JPY": 0, "BHD": 3, "KWD": 3, "CLF": 4, " gbp ": 2, "KRW": 0, "AED": 2, "ZWG": 2} {
		cur, err := LookupCurrency(code)
		if err != nil || cur.MinorUnits() != minor {
			t.Errorf("LookupCurrency(%q) = %+v (%d decimals), %v; want %d decimals", code, cur, cur.MinorUnits(), err, minor)
		}
	}
	for _, code := range []string{"", "not a code", "US", "USDD", "XAU", "XXX", "ZZZ", "AAA", "usd2"} {
		if cur, err := LookupCurrency(code); err == nil {
			t.Errorf("LookupCurrency(%q) = %+v, want an error", code, cur)
		}
	}
	codes := CurrencyCodes()
	if !slices.IsSorted(codes) || len(codes) < 150 || slices.Index(codes, "USD") < 0 {
		t.Errorf("CurrencyCodes() = %d codes, sorted %v", len(codes), slices.IsSorted(codes))
	}
	for _, c := range codes {
		if _, err := LookupCurrency(c); err != nil {
			t.Errorf("listed code %s: %v", c, err)
		}
	}
}
