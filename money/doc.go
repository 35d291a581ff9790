// Package money does exact money arithmetic: integer minor units, exact
// decimal rates, one rounding rule, and no wrong figures.
//
// Amounts are [Cents]: whole minor units of their [Currency] (cents, yen,
// fils), parsed from their literal text and never through float64, so
// "24.99" is exactly 2499 cents. Each ISO 4217 currency has its own number of
// decimals (USD 2, JPY 0, BHD 3), taken from the ISO table in iso4217.go.
// Rates are exact decimals ([Rate]); applying a rate to an amount multiplies
// exactly and rounds once, half-up to the minor unit (half away from zero for
// negative amounts). That single rule is what makes 24.99 × 0.50 come out as
// 12.50 rather than the 12.49 a float64 product would round to.
//
// Every operation whose exact result does not fit in a Cents returns an error
// wrapping [ErrOverflow]; nothing wraps around or saturates.
package money
