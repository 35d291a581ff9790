package money

// SavingPercent returns how much paying annually saves compared with paying
// monthly for twelve months, as a whole percentage rounded half-up (half away
// from zero), e.g. monthly 99.00 and annual 948.00 save 240.00 of 1,188.00,
// 20.2 %, so the result is the rate 0.2 ("20%" from [Rate.Percent]).
//
// The division is exact integer arithmetic. ok is false when monthly is not
// positive, since there is nothing to compare with. An annual price above 12
// monthly payments gives a negative rate.
func SavingPercent(monthly, annual Cents) (saving Rate, ok bool) {
	if monthly <= 0 {
		return Rate{}, false
	}
	year := monthly.Times(12)
	saved := year - annual
	neg := saved < 0
	if neg {
		saved = -saved
	}
	// percent = round(saved*100 / year); 100 is a small factor, but go
	// through Rate.Apply so that large amounts saturate instead of wrapping.
	hundred := newRate(100, 0)
	num := hundred.Apply(saved)
	pct := int64(num / year)
	if rem := num % year; rem >= year-rem {
		pct++
	}
	if neg {
		pct = -pct
	}
	return newRate(pct, 2), true
}
