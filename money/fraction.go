package money

import "math/big"

// Fraction returns e as a reduced fraction of minor units, numerator and
// denominator in decimal ("2851/5", "0/1"), the denominator positive: the
// exact value a page's script can compute with (in BigInt) and round as
// [Exact.Round] does, so that it never shows a figure the build would
// round differently.
func (e Exact) Fraction() (num, den string) {
	r := e.rat()
	return r.Num().String(), r.Denom().String()
}

// Rat returns e as a new fraction of minor units, for a caller that
// orders exact amounts among other fractions; changing it leaves e as it
// was.
func (e Exact) Rat() *big.Rat { return new(big.Rat).Set(e.rat()) }
