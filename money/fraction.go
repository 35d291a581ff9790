package money

// Fraction returns e as a reduced fraction of minor units, numerator and
// denominator in decimal ("2851/5", "0/1"), the denominator positive: the
// exact value a page's script can compute with (in BigInt) and round as
// [Exact.Round] does, so that it never shows a figure the build would
// round differently.
func (e Exact) Fraction() (num, den string) {
	r := e.rat()
	return r.Num().String(), r.Denom().String()
}
