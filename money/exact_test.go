package money

import (
	"errors"
	"math"
	"testing"
)

func TestExactRoundsOnce(t *testing.T) {
	t.Parallel()
	fee, fixed := MustParseRate("7.5%"), ExactOf(100)
	// ClickBank's net: price − price × 7.5 % − $1, then the affiliate's
	// share; figures from shared/reference/real-programs.md (C1, C16).
	clickbank := func(price Cents, rate string) Exact {
		p := ExactOf(price)
		return p.Sub(p.MulRate(fee)).Sub(fixed).MulRate(MustParseRate(rate))
	}
	tests := []struct {
		name string
		e    Exact
		want Cents
	}{
		{"zero value", Exact{}, 0},
		{"whole", ExactOf(12345), 12345},
		{"half up", ExactOf(1).Div(2), 1},
		{"below half", ExactOf(49).Div(100), 0},
		{"negative half away from zero", ExactOf(-1).Div(2), -1},
		{"clickbank $29.95 at 55%", clickbank(2995, "55%"), 1469},
		{"clickbank $100 at 50%", clickbank(10000, "50%"), 4575},
		{"clickbank $27 at 50%", clickbank(2700, "50%"), 1199},
		{"clickbank $127 at 50%", clickbank(12700, "50%"), 5824},
		// 10 % of 40 % of $99, computed exactly and rounded once.
		{"share of a share", ExactOf(9900).MulRate(MustParseRate("40%")).MulRate(MustParseRate("10%")), 396},
		{"annual over 12", ExactOf(348000).Div(12), 29000},
		{"max", MaxExact(ExactOf(20000), ExactOf(3000)), 20000},
		{"min", MinExact(ExactOf(20000), ExactOf(3000)), 3000},
		{"mul", ExactOf(1650).Mul(25).Add(ExactOf(2000).Mul(5)), 51250},
	}
	for _, tt := range tests {
		got, err := tt.e.Round()
		if err != nil || got != tt.want {
			t.Errorf("%s: Round() = %d, %v; want %d", tt.name, got, err, tt.want)
		}
	}
}

func TestExactOverflow(t *testing.T) {
	t.Parallel()
	_, err := ExactOf(math.MaxInt64).Mul(2).Round()
	if !errors.Is(err, ErrOverflow) {
		t.Errorf("MaxInt64 × 2: err = %v, want ErrOverflow", err)
	}
	if got, err := ExactOf(math.MinInt64).Round(); err != nil || got != math.MinInt64 {
		t.Errorf("MinInt64: %d, %v", got, err)
	}
}
