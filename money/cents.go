package money

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Cents is an amount of money as a whole number of its currency's minor
// units: cents for USD and EUR, yen for JPY (which has none smaller), fils
// (thousandths) for BHD. A Cents means nothing without its [Currency];
// [Currency.Format] and [Currency.ParseAmount] use the currency's own number
// of decimals, while [ParseCents] and [Cents.String] assume two.
type Cents int64

// ErrOverflow is returned, wrapped, by every operation whose exact result
// does not fit in a Cents. Callers report it; nothing in this package wraps
// around or saturates.
var ErrOverflow = errors.New("money: amount out of range")

// maxMagnitude is |math.MinInt64|, the largest magnitude a negative Cents can
// hold; positive amounts stop one below it.
const maxMagnitude = uint64(1) << 63

// ParseCents parses a decimal amount with at most two decimals, such as
// "24.99", "12.5", "12", "1,099.20", "-3.10" or "$1,099.20", into cents.
// It is [Currency.ParseAmount] for US dollars.
func ParseCents(s string) (Cents, error) {
	return parseAmount(s, 2)
}

// parseAmount parses s as an amount with at most digits decimals, returned in
// units of 10^-digits. The text is read digit by digit, never through
// float64. A leading "-" or "+" and a "$" (in either order) are allowed; commas must separate groups of exactly three digits.
// Anything else, including the empty string, an exponent and more decimals
// than digits, is an error.
func parseAmount(s string, digits int) (Cents, error) {
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
	whole, err := ungroup(intPart)
	if err != nil {
		return 0, fmt.Errorf("money: %q is not an amount: %w", s, err)
	}
	if hasDot && frac == "" {
		return 0, fmt.Errorf("money: %q is not an amount: no digits after the decimal point", s)
	}
	if !allDigits(frac) {
		return 0, fmt.Errorf("money: %q is not an amount", s)
	}
	if len(frac) > digits {
		return 0, &DecimalsError{Text: s, Decimals: len(frac), Max: digits}
	}
	frac += strings.Repeat("0", digits-len(frac))
	mag, ok := parseMagnitude(whole + frac)
	if !ok || mag > maxMagnitude || (!neg && mag == maxMagnitude) {
		return 0, fmt.Errorf("money: %q is too large: %w", s, ErrOverflow)
	}
	return fromMagnitude(neg, mag), nil
}

// DecimalsError reports an amount written with more decimals than its
// currency has: such an amount is refused rather than rounded.
type DecimalsError struct {
	Text     string // the amount as written
	Decimals int    // decimals written
	Max      int    // decimals the currency has
}

// Error returns a message such as `money: "12.345" has 3 decimals; the
// currency has 2`.
func (e *DecimalsError) Error() string {
	if e.Max == 0 {
		return fmt.Sprintf("money: %q has %d decimals; the currency has no minor unit", e.Text, e.Decimals)
	}
	return fmt.Sprintf("money: %q has %d decimals; the currency has %d", e.Text, e.Decimals, e.Max)
}

// fromMagnitude returns the Cents of sign neg and magnitude mag, which must
// be at most maxMagnitude (and below it when neg is false).
func fromMagnitude(neg bool, mag uint64) Cents {
	if neg && mag > 0 {
		return Cents(-int64(mag-1) - 1) // avoids overflow at MinInt64
	}
	return Cents(mag)
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

// String formats c as an amount with two decimals, a thousands separator and
// no currency symbol: "1,099.20", "-3.10", "0.00". Use [Currency.Format] for
// an amount of a currency with another number of decimals.
func (c Cents) String() string {
	return string(c.appendDecimal(nil, 2, true))
}

// appendDecimal appends c, read as units of 10^-digits, to b: a "-" for a
// negative amount, the whole part (with "," between groups of three digits
// when group is set) and, unless digits is 0, "." and digits decimals.
func (c Cents) appendDecimal(b []byte, digits int, group bool) []byte {
	mag := c.magnitude()
	unit := pow10(digits)
	var buf [20]byte
	whole := strconv.AppendUint(buf[:0], mag/unit, 10)
	if c < 0 {
		b = append(b, '-')
	}
	for i, d := range whole {
		if group && i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, d)
	}
	if digits == 0 {
		return b
	}
	frac := strconv.AppendUint(buf[:0], mag%unit, 10)
	b = append(b, '.')
	for range digits - len(frac) {
		b = append(b, '0')
	}
	return append(b, frac...)
}

// Mul returns c × n exactly, or an error wrapping [ErrOverflow] when the
// product does not fit in a Cents.
func (c Cents) Mul(n int64) (Cents, error) {
	nmag := Cents(n).magnitude()
	hi, lo := bits.Mul64(c.magnitude(), nmag)
	neg := (c < 0) != (n < 0)
	if hi != 0 || lo > maxMagnitude || (!neg && lo == maxMagnitude) {
		return 0, fmt.Errorf("%s × %d: %w", c, n, ErrOverflow)
	}
	return fromMagnitude(neg, lo), nil
}

// Add returns c + o exactly, or an error wrapping [ErrOverflow] when the sum
// does not fit in a Cents.
func (c Cents) Add(o Cents) (Cents, error) {
	sum := c + o
	// Signed overflow happened when both operands have the same sign and
	// the sum's sign differs from it.
	if (c >= 0) == (o >= 0) && (sum >= 0) != (c >= 0) {
		return 0, fmt.Errorf("%s + %s: %w", c, o, ErrOverflow)
	}
	return sum, nil
}
