package money

import (
	"errors"
	"math"
	"testing"
)

func TestParseRate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		str     string
		percent string
	}{
		{"0.40", "0.4", "40%"},
		{".4", "0.4", "40%"},
		{"1", "1", "100%"},
		{"0", "0", "0%"},
		{"40%", "0.4", "40%"},
		{"40 %", "0.4", "40%"},
		{"12.5%", "0.125", "12.5%"},
		{"0.125", "0.125", "12.5%"},
		{"0.10", "0.1", "10%"},
		{"10%", "0.1", "10%"},
		{"0.000000001", "0.000000001", "0.0000001%"},
		{"0.0000001%", "0.000000001", "0.0000001%"},
		{"1.5", "1.5", "150%"},
		{"-0.1", "-0.1", "-10%"},
		{"007.50", "7.5", "750%"},
		{"0%", "0", "0%"},
		{"100%", "1", "100%"},
	}
	for _, tt := range tests {
		r, err := ParseRate(tt.in)
		if err != nil {
			t.Errorf("ParseRate(%q): %v", tt.in, err)
			continue
		}
		if got := r.String(); got != tt.str {
			t.Errorf("ParseRate(%q).String() = %q, want %q", tt.in, got, tt.str)
		}
		if got := r.Percent(); got != tt.percent {
			t.Errorf("ParseRate(%q).Percent() = %q, want %q", tt.in, got, tt.percent)
		}
	}
}

func TestParseRateErrors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"", "%", ".", "4.", "abc", "0.4.1", "0.1234567891", "0.00000001%",
		"1e-3", "40%%", "% 40", "0,4", "1234567890123456789", "NaN", "--1",
	} {
		if r, err := ParseRate(in); err == nil {
			t.Errorf("ParseRate(%q) = %v, want an error", in, r)
		}
	}
}

// TestApplyFloatTraps checks products that float64 arithmetic rounds the
// wrong way, such as 24.99 × 0.50 = 12.495 which float64 holds as
// 12.494999… and rounds to 12.49.
func TestApplyFloatTraps(t *testing.T) {
	t.Parallel()
	tests := []struct {
		amount, rate, want string
	}{
		{"24.99", "0.50", "12.50"},
		{"79.50", "0.45", "35.78"},
		{"4.99", "0.25", "1.25"},
		{"12.50", "0.25", "3.13"},
		{"49.90", "0.25", "12.48"},
		{"-24.99", "0.50", "-12.50"}, // half away from zero
		{"24.99", "-0.50", "-12.50"},
		{"0.01", "0.5", "0.01"},
		{"0.01", "0.49", "0.00"},
		{"100", "0", "0.00"},
		{"100", "1", "100.00"},
		{"1.00", "0.000000001", "0.00"},
	}
	for _, tt := range tests {
		c, r := mustCents(t, tt.amount), MustParseRate(tt.rate)
		if got := mustApply(t, r, c).String(); got != tt.want {
			t.Errorf("%s × %s = %s, want %s", tt.amount, tt.rate, got, tt.want)
		}
	}
}

// TestApplyOverflow: a product beyond the range of Cents is an error (it
// used to saturate at the bound, a wrong figure); one just inside is exact.
func TestApplyOverflow(t *testing.T) {
	t.Parallel()
	big := MustParseRate("999999999")
	for _, c := range []Cents{math.MaxInt64, math.MinInt64, 9223372036854775, -9223372036854776} {
		if got, err := big.Apply(c); !errors.Is(err, ErrOverflow) {
			t.Errorf("999999999 × %d = %d, %v; want ErrOverflow", int64(c), int64(got), err)
		}
	}
	if got, err := MustParseRate("1").Apply(math.MinInt64); err != nil || got != math.MinInt64 {
		t.Errorf("1 × MinInt64 = %d, %v", got, err)
	}
	if got, err := MustParseRate("1").Apply(math.MaxInt64); err != nil || got != math.MaxInt64 {
		t.Errorf("1 × MaxInt64 = %d, %v", got, err)
	}
	// 1.5 × MaxInt64 does not fit; 0.5 × MaxInt64 rounds half up to 2^62.
	if got, err := MustParseRate("1.5").Apply(math.MaxInt64); !errors.Is(err, ErrOverflow) {
		t.Errorf("1.5 × MaxInt64 = %d, %v; want ErrOverflow", got, err)
	}
	if got, err := MustParseRate("0.5").Apply(math.MaxInt64); err != nil || got != 1<<62 {
		t.Errorf("0.5 × MaxInt64 = %d, %v; want 2^62", got, err)
	}
}

func TestRatePredicates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in         string
		zero, unit bool
	}{
		{"0", true, true},
		{"0.4", false, true},
		{"1", false, true},
		{"100%", false, true},
		{"1.000000001", false, false},
		{"-0.1", false, false},
		{"40", false, false},
	}
	for _, tt := range tests {
		r := MustParseRate(tt.in)
		if r.IsZero() != tt.zero || r.InUnitRange() != tt.unit {
			t.Errorf("%s: IsZero %v InUnitRange %v, want %v %v", tt.in, r.IsZero(), r.InUnitRange(), tt.zero, tt.unit)
		}
	}
	if (Rate{}) != MustParseRate("0.000") {
		t.Error("zero value differs from parsed 0.000")
	}
}

func TestRateCmp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"0.4", "40%", 0},
		{"0.4", "0.125", 1},
		{"0.1", "0.125", -1},
		{"1", "0.999999999", 1},
		{"-0.5", "0.1", -1},
		{"123456789012345678", "0.000000001", 1},
		{"-123456789012345678", "-0.000000001", -1},
	}
	for _, tt := range tests {
		if got := MustParseRate(tt.a).Cmp(MustParseRate(tt.b)); got != tt.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func mustApply(t testing.TB, r Rate, c Cents) Cents {
	t.Helper()
	got, err := r.Apply(c)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func mustCents(t testing.TB, s string) Cents {
	t.Helper()
	c, err := ParseCents(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
