package money

import (
	"math/big"
	"testing"
)

func TestExactFraction(t *testing.T) {
	t.Parallel()
	tests := []struct {
		e        Exact
		num, den string
	}{
		{Exact{}, "0", "1"},
		{ExactOf(9900).MulRate(MustParseRate("40%")), "3960", "1"},
		{ExactOf(94800).MulRate(MustParseRate("40%")).Div(12), "3160", "1"},
		{ExactOf(2499).MulRate(MustParseRate("4.5%")), "22491", "200"},
		{ExactOf(-1).Div(3), "-1", "3"},
	}
	for _, tt := range tests {
		if num, den := tt.e.Fraction(); num != tt.num || den != tt.den {
			t.Errorf("Fraction() = %s/%s, want %s/%s", num, den, tt.num, tt.den)
		}
	}
}

func TestExactRat(t *testing.T) {
	t.Parallel()
	if got := (Exact{}).Rat(); got.Sign() != 0 {
		t.Errorf("Exact{}.Rat() = %s, want 0", got)
	}
	e := ExactOf(2499).MulRate(MustParseRate("4.5%"))
	r := e.Rat()
	if want := big.NewRat(22491, 200); r.Cmp(want) != 0 {
		t.Errorf("Rat() = %s, want %s", r, want)
	}
	r.Neg(r)
	if num, den := e.Fraction(); num != "22491" || den != "200" {
		t.Errorf("after negating Rat(), e = %s/%s, want 22491/200", num, den)
	}
}
