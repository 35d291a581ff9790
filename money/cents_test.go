package money

import (
	"math"
	"testing"
)

func TestParseCents(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Cents
	}{
		{"24.99", 2499},
		{"12.5", 1250},
		{"12", 1200},
		{"1,099.20", 109920},
		{"-3.10", -310},
		{"$24.99", 2499},
		{"-$3.10", -310},
		{"$-3.10", -310},
		{"+5", 500},
		{"0", 0},
		{"-0.00", 0},
		{".5", 50},
		{"0.01", 1},
		{" 7.00 ", 700},
		{"1,234,567.89", 123456789},
		{"92,233,720,368,547,758.07", math.MaxInt64},
		{"-92,233,720,368,547,758.08", math.MinInt64},
	}
	for _, tt := range tests {
		got, err := ParseCents(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseCents(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseCentsErrors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"", " ", "$", "-", "12.", ".", "12.345", "1.999", "abc", "12a", "1e3",
		"1,00", "1,0000.00", ",100", "1,,000", "12,34.5", "--3", "$$3", "3$",
		"NaN", "Inf", "0x10", "92,233,720,368,547,758.08", "99999999999999999999999",
		"1 000", "١٢",
	} {
		if got, err := ParseCents(in); err == nil {
			t.Errorf("ParseCents(%q) = %d, want an error", in, got)
		}
	}
}

func TestCentsString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   Cents
		want string
	}{
		{0, "0.00"},
		{5, "0.05"},
		{500, "5.00"},
		{99999, "999.99"},
		{100000, "1,000.00"},
		{109920, "1,099.20"},
		{123456789, "1,234,567.89"},
		{-310, "-3.10"},
		{-5, "-0.05"},
		{-100000, "-1,000.00"},
		{math.MaxInt64, "92,233,720,368,547,758.07"},
		{math.MinInt64, "-92,233,720,368,547,758.08"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Cents(%d).String() = %q, want %q", int64(tt.in), got, tt.want)
		}
	}
}

func TestCentsTimes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		c    Cents
		n    int64
		want Cents
	}{
		{9900, 6, 59400},
		{2499, 0, 0},
		{-310, 3, -930},
		{1, -1, -1},
	}
	for _, tt := range tests {
		if got := tt.c.Times(tt.n); got != tt.want {
			t.Errorf("%v.Times(%d) = %v, want %v", tt.c, tt.n, got, tt.want)
		}
	}
}
