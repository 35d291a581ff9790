package money

import (
	"fmt"
	"math/big"
)

// Exact is an exact amount of minor units that need not be whole, for a
// computation of several steps that must round only once: ClickBank's
// (price × 92.5 % − $1) × 55 %, WP Engine's max($200, first month) on an
// annual price divided by 12, a second tier that is a share of the first
// tier's commission. Every step is exact (a fraction, never a float64);
// [Exact.Round] rounds the result half-up to the minor unit. The zero
// value is 0. An Exact is a value: no operation changes its operand.
type Exact struct{ r *big.Rat }

// ExactOf returns c as an Exact.
func ExactOf(c Cents) Exact {
	return Exact{new(big.Rat).SetInt64(int64(c))}
}

// rat returns e's value; the zero Exact is 0.
func (e Exact) rat() *big.Rat {
	if e.r == nil {
		return new(big.Rat)
	}
	return e.r
}

// ratOf returns r as a fraction.
func ratOf(r Rate) *big.Rat {
	return new(big.Rat).SetFrac(big.NewInt(r.num), new(big.Int).SetUint64(pow10(int(r.scale))))
}

// MulRate returns e × r.
func (e Exact) MulRate(r Rate) Exact {
	return Exact{new(big.Rat).Mul(e.rat(), ratOf(r))}
}

// Div returns e / n; n must not be 0.
func (e Exact) Div(n int64) Exact {
	return Exact{new(big.Rat).Quo(e.rat(), new(big.Rat).SetInt64(n))}
}

// Mul returns e × n.
func (e Exact) Mul(n int64) Exact {
	return Exact{new(big.Rat).Mul(e.rat(), new(big.Rat).SetInt64(n))}
}

// Add returns e + o.
func (e Exact) Add(o Exact) Exact {
	return Exact{new(big.Rat).Add(e.rat(), o.rat())}
}

// Sub returns e − o.
func (e Exact) Sub(o Exact) Exact {
	return Exact{new(big.Rat).Sub(e.rat(), o.rat())}
}

// Cmp compares e and o and returns -1, 0 or +1.
func (e Exact) Cmp(o Exact) int {
	return e.rat().Cmp(o.rat())
}

// Sign returns -1, 0 or +1.
func (e Exact) Sign() int {
	return e.rat().Sign()
}

// Round returns e rounded half-up to a whole minor unit (half away from
// zero for a negative amount), the one rounding of a computation, or an
// error wrapping [ErrOverflow] when it does not fit in a Cents.
func (e Exact) Round() (Cents, error) {
	r := e.rat()
	num, den := new(big.Int).Abs(r.Num()), r.Denom()
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	if rem.Lsh(rem, 1).Cmp(den) >= 0 { // 2·rem ≥ den: half or more
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	if !q.IsInt64() {
		return 0, fmt.Errorf("%s minor units: %w", r.FloatString(2), ErrOverflow)
	}
	return Cents(q.Int64()), nil
}

// MaxExact returns the larger of a and b.
func MaxExact(a, b Exact) Exact {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

// MinExact returns the smaller of a and b.
func MinExact(a, b Exact) Exact {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}
