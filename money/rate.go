package money

import (
	"fmt"
	"math/big"
	"math/bits"
	"strings"
)

// MaxRateDecimals is the number of decimal places a [Rate] can hold.
const MaxRateDecimals = 9

// Rate is an exact decimal rate such as 0.4 (40 %). Its value is
// num / 10^scale; it is kept normalized (no trailing zero digits in num), so
// two equal rates compare equal with ==. The zero value is the rate 0.
type Rate struct {
	num   int64
	scale uint8
}

// pow10 returns 10^n for 0 ≤ n ≤ 18.
func pow10(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 10
	}
	return p
}

// newRate builds a normalized Rate from a signed numerator and a scale.
func newRate(num int64, scale int) Rate {
	for scale > 0 && num%10 == 0 {
		num /= 10
		scale--
	}
	if num == 0 {
		scale = 0
	}
	return Rate{num: num, scale: uint8(scale)}
}

// ParseRate parses a rate written as a decimal ("0.40", ".4", "1", "0",
// "0.125") or as a percentage ("40%", "40 %", "12.5%"). The value may have at
// most [MaxRateDecimals] decimal places once a percentage is divided by 100.
// A sign is accepted, so that callers can report out-of-range rates
// themselves. The text is read digit by digit, never through float64.
func ParseRate(s string) (Rate, error) {
	body := strings.TrimSpace(s)
	percent := false
	if rest, ok := strings.CutSuffix(body, "%"); ok {
		percent = true
		body = strings.TrimSpace(rest)
	}
	neg, body := cutSign(body)
	intPart, frac, hasDot := strings.Cut(body, ".")
	if (intPart == "" && frac == "") || (hasDot && frac == "") || !allDigits(intPart) || !allDigits(frac) {
		return Rate{}, fmt.Errorf("money: %q is not a rate", s)
	}
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	scale := len(frac)
	if percent {
		scale += 2
	}
	if scale > MaxRateDecimals {
		return Rate{}, fmt.Errorf("money: rate %q has more than %d decimal places", s, MaxRateDecimals)
	}
	if len(intPart)+len(frac) > 18 {
		return Rate{}, fmt.Errorf("money: rate %q is too large", s)
	}
	mag, _ := parseMagnitude(intPart + frac) // ≤ 18 digits always fits
	num := int64(mag)
	if neg {
		num = -num
	}
	return newRate(num, scale), nil
}

// MustParseRate is like [ParseRate] but panics on error. It is meant for
// constants in tests and examples.
func MustParseRate(s string) Rate {
	r, err := ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}

// maxRateNum bounds |num| of a Rate: at most 18 digits, so that negating
// it and the products in Apply stay in range.
const maxRateNum = 1_000_000_000_000_000_000

// Apply returns c × r, computed exactly and rounded once, half-up to the
// currency's minor unit (half away from zero for negative products). A
// product beyond the range of Cents is an error wrapping [ErrOverflow],
// never a wrapped or saturated figure.
func (r Rate) Apply(c Cents) (Cents, error) {
	neg := (c < 0) != (r.num < 0)
	rmag := uint64(r.num)
	if r.num < 0 {
		rmag = uint64(-r.num) // |num| < 10^18, so this cannot overflow
	}
	hi, lo := bits.Mul64(c.magnitude(), rmag)
	d := pow10(int(r.scale))
	if hi >= d {
		return 0, r.overflow(c)
	}
	q, rem := bits.Div64(hi, lo, d)
	if rem >= d-rem { // rem ≥ d/2 without overflow: round half up
		q++
	}
	if q == 0 {
		return 0, nil
	}
	if q > maxMagnitude || (!neg && q == maxMagnitude) {
		return 0, r.overflow(c)
	}
	return fromMagnitude(neg, q), nil
}

// overflow is Apply's error for c.
func (r Rate) overflow(c Cents) error {
	return fmt.Errorf("%s of %d minor units: %w", r.Percent(), int64(c), ErrOverflow)
}

// decimal formats num / 10^scale in the shortest exact decimal form.
func decimal(num int64, scale int) string {
	sign := ""
	mag := uint64(num)
	if num < 0 {
		sign = "-"
		mag = uint64(-num)
	}
	digits := fmt.Sprint(mag)
	if mag == 0 {
		return "0"
	}
	if scale <= 0 {
		return sign + digits + strings.Repeat("0", -scale)
	}
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	cut := len(digits) - scale
	frac := strings.TrimRight(digits[cut:], "0")
	if frac == "" {
		return sign + digits[:cut]
	}
	return sign + digits[:cut] + "." + frac
}

// String returns r in its shortest decimal form: "0.4", "0.125", "1", "0".
func (r Rate) String() string {
	return decimal(r.num, int(r.scale))
}

// Percent returns r as a percentage in its shortest exact form: "40%",
// "12.5%", "10%".
func (r Rate) Percent() string {
	return decimal(r.num, int(r.scale)-2) + "%"
}

// IsZero reports whether r is 0.
func (r Rate) IsZero() bool {
	return r.num == 0
}

// InUnitRange reports whether 0 ≤ r ≤ 1, the range of a commission rate.
func (r Rate) InUnitRange() bool {
	return r.num >= 0 && uint64(r.num) <= pow10(int(r.scale))
}

// Cmp compares r and o and returns -1, 0 or +1.
func (r Rate) Cmp(o Rate) int {
	if r.scale == o.scale {
		switch {
		case r.num < o.num:
			return -1
		case r.num > o.num:
			return 1
		}
		return 0
	}
	// Bring both to the larger scale; 18 digits × 10^9 can pass int64.
	a := new(big.Int).Mul(big.NewInt(r.num), new(big.Int).SetUint64(pow10(int(o.scale))))
	b := new(big.Int).Mul(big.NewInt(o.num), new(big.Int).SetUint64(pow10(int(r.scale))))
	return a.Cmp(b)
}
