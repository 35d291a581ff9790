package money

import "math/big"

// SavingPercent returns how much paying annually saves compared with paying
// monthly for twelve months, as a whole percentage rounded half-up (half away
// from zero), e.g. monthly 99.00 and annual 948.00 save 240.00 of 1,188.00,
// 20.2 %, so the result is the rate 0.2 ("20%" from [Rate.Percent]).
//
// The arithmetic is exact at any size (twelve payments of a large price
// need not fit in a Cents). ok is false when monthly is not positive, since
// there is nothing to compare with, and when the percentage is too large
// for a Rate (an annual price quadrillions of times the monthly one). An
// annual price above 12 monthly payments gives a negative rate.
func SavingPercent(monthly, annual Cents) (saving Rate, ok bool) {
	if monthly <= 0 {
		return Rate{}, false
	}
	year := new(big.Int).Mul(big.NewInt(int64(monthly)), big.NewInt(12))
	saved := new(big.Int).Sub(year, big.NewInt(int64(annual)))
	neg := saved.Sign() < 0
	saved.Abs(saved)
	// pct = round(saved × 100 / year), half up.
	saved.Mul(saved, big.NewInt(100))
	pct, rem := new(big.Int).QuoRem(saved, year, new(big.Int))
	if rem.Lsh(rem, 1).Cmp(year) >= 0 {
		pct.Add(pct, big.NewInt(1))
	}
	if !pct.IsInt64() || pct.Int64() >= maxRateNum {
		return Rate{}, false
	}
	n := pct.Int64()
	if neg {
		n = -n
	}
	return newRate(n, 2), true
}
