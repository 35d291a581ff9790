package money

import (
	"errors"
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

func TestCentsMul(t *testing.T) {
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
		{math.MaxInt64, 1, math.MaxInt64},
		{math.MinInt64, 1, math.MinInt64},
		{-1, math.MinInt64 + 1, math.MaxInt64},
		{1 << 31, -(1 << 32), math.MinInt64},
	}
	for _, tt := range tests {
		if got, err := tt.c.Mul(tt.n); err != nil || got != tt.want {
			t.Errorf("%v.Mul(%d) = %v, %v; want %v", tt.c, tt.n, got, err, tt.want)
		}
	}
}

// TestCentsOverflow has the products and sums that do not fit: each is an
// error, never a wrapped figure.
func TestCentsOverflow(t *testing.T) {
	t.Parallel()
	muls := []struct {
		c Cents
		n int64
	}{
		{3960, 100000000000000000}, // 40 % of Kartra Starter × 10^17 customers
		{1000, math.MaxInt64},      // a count of MaxInt64 once printed -$10.00
		{math.MaxInt64, 2},
		{math.MinInt64, -1},
		{-1, math.MinInt64},
		{math.MinInt64, math.MinInt64},
		{1 << 32, 1 << 31},
	}
	for _, tt := range muls {
		if got, err := tt.c.Mul(tt.n); !errors.Is(err, ErrOverflow) {
			t.Errorf("%d.Mul(%d) = %d, %v; want ErrOverflow", int64(tt.c), tt.n, int64(got), err)
		}
	}
	adds := [][2]Cents{
		{math.MaxInt64, 1},
		{math.MinInt64, -1},
		{math.MaxInt64 / 2, math.MaxInt64/2 + 2},
		{math.MinInt64, math.MinInt64},
	}
	for _, a := range adds {
		if got, err := a[0].Add(a[1]); !errors.Is(err, ErrOverflow) {
			t.Errorf("%d + %d = %d, %v; want ErrOverflow", int64(a[0]), int64(a[1]), int64(got), err)
		}
	}
	for _, a := range [][3]Cents{{math.MaxInt64, math.MinInt64, -1}, {math.MaxInt64 - 1, 1, math.MaxInt64}, {-5, 3, -2}} {
		if got, err := a[0].Add(a[1]); err != nil || got != a[2] {
			t.Errorf("%d + %d = %d, %v; want %d", int64(a[0]), int64(a[1]), int64(got), err, int64(a[2]))
		}
	}
}
