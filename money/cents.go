package money

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Cents is an amount of money in integer cents (hundredths of the currency
// unit).
type Cents int64

// maxMagnitude is |math.MinInt64|, the largest magnitude a negative Cents can
// hold; positive amounts stop one below it.
const maxMagnitude = uint64(1) << 63

// ParseCents parses a decimal amount such as "24.99", "12.5", "12",
// "1,099.20", "-3.10" or "$1,099.20" into cents.
//
// The text is read digit by digit, never through float64. A leading "-" or
// "+" and a "$" (in either order) are allowed; commas must separate groups of
// exactly three digits; at most two decimals are allowed. Anything else,
// including the empty string, is an error.
func ParseCents(s string) (Cents, error) {
	neg, body := cutSign(strings.TrimSpace(s))
	if rest, ok := strings.CutPrefix(body, "$"); ok {
		body = rest
		if !neg {
			neg, body = cutSign(body)
		}
	}
	intPart, frac, hasDot := strings.Cut(body, ".")
	if intPart == "" && (!hasDot || frac == "") {
		return 0, fmt.Errorf("money: %q is not an amount", s)
	}
	digits, err := ungroup(intPart)
	if err != nil {
		return 0, fmt.Errorf("money: %q is not an amount: %w", s, err)
	}
	if hasDot && frac == "" {
		return 0, fmt.Errorf("money: %q is not an amount: no digits after the decimal point", s)
	}
	if len(frac) > 2 {
		return 0, fmt.Errorf("money: %q has more than two decimals", s)
	}
	if !allDigits(frac) {
		return 0, fmt.Errorf("money: %q is not an amount", s)
	}
	frac += strings.Repeat("0", 2-len(frac))
	mag, ok := parseMagnitude(digits + frac)
	if !ok || mag > maxMagnitude || (!neg && mag == maxMagnitude) {
		return 0, fmt.Errorf("money: %q is too large", s)
	}
	if neg && mag > 0 {
		return Cents(-int64(mag-1) - 1), nil // avoids overflow at MinInt64
	}
	return Cents(mag), nil
}

// cutSign removes one leading "-" or "+" and reports whether it was "-".
func cutSign(s string) (neg bool, rest string) {
	switch {
	case strings.HasPrefix(s, "-"):
		return true, s[1:]
	case strings.HasPrefix(s, "+"):
		return false, s[1:]
	}
	return false, s
}

// ungroup checks the integer part of an amount and removes its thousands
// separators: "1,099" → "1099". Groups after the first must have exactly
// three digits.
func ungroup(s string) (string, error) {
	if !strings.Contains(s, ",") {
		if !allDigits(s) {
			return "", errors.New("not a number")
		}
		return s, nil
	}
	groups := strings.Split(s, ",")
	if n := len(groups[0]); n == 0 || n > 3 || !allDigits(groups[0]) {
		return "", errors.New("misplaced thousands separator")
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return "", errors.New("misplaced thousands separator")
		}
	}
	return strings.Join(groups, ""), nil
}

// allDigits reports whether s consists of ASCII digits only (true for "").
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseMagnitude reads a string of ASCII digits as an unsigned number,
// reporting false when it does not fit in a uint64.
func parseMagnitude(digits string) (uint64, bool) {
	var n uint64
	for i := 0; i < len(digits); i++ {
		d := uint64(digits[i] - '0')
		if n > (math.MaxUint64-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// magnitude returns |c| as a uint64, which is exact even for math.MinInt64.
func (c Cents) magnitude() uint64 {
	if c < 0 {
		return uint64(-(c + 1)) + 1
	}
	return uint64(c)
}

// String formats c with a thousands separator and two decimals and no
// currency symbol: "1,099.20", "-3.10", "0.00".
func (c Cents) String() string {
	mag := c.magnitude()
	var digits [20]byte
	units := strconv.AppendUint(digits[:0], mag/100, 10)
	b := make([]byte, 0, 32)
	if c < 0 {
		b = append(b, '-')
	}
	for i, d := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, d)
	}
	frac := mag % 100
	b = append(b, '.', byte('0'+frac/10), byte('0'+frac%10))
	return string(b)
}

// Times returns c multiplied by the integer count n. Like any int64
// arithmetic it wraps on overflow, which needs amounts beyond 92 quadrillion.
func (c Cents) Times(n int64) Cents {
	return c * Cents(n)
}
