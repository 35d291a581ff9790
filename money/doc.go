// Package money does exact money arithmetic: integer cents, exact decimal
// rates, one rounding rule.
//
// Amounts are [Cents], parsed from their literal text and never through
// float64, so "24.99" is exactly 2499 cents. Rates are exact decimals
// ([Rate]); applying a rate to an amount multiplies exactly and rounds once,
// half-up to the cent (half away from zero for negative amounts). That single
// rule is what makes 24.99 × 0.50 come out as 12.50 rather than the 12.49 a
// float64 product would round to.
package money
