package money

import (
	"errors"
	"math"
	"math/big"
	"testing"
)

func FuzzParseCents(f *testing.F) {
	for _, s := range []string{"24.99", "12.5", "12", "1,099.20", "-3.10", "$5", "-$0.01", "", "1,00", "12.345", "92,233,720,368,547,758.07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCents(s)
		if err != nil {
			return
		}
		back, err := ParseCents(c.String())
		if err != nil || back != c {
			t.Fatalf("ParseCents(%q) = %d, String %q parses back as %d, %v", s, int64(c), c.String(), int64(back), err)
		}
		_ = Currency{}.Format(c)
	})
}

func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"0.40", ".4", "1", "0", "40%", "40 %", "12.5%", "0.125", "-1.5", "0.000000001", "1e3", "%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRate(s)
		if err != nil {
			return
		}
		back, err := ParseRate(r.String())
		if err != nil || back != r {
			t.Fatalf("ParseRate(%q) = %v, String %q parses back as %v, %v", s, r, r.String(), back, err)
		}
		if p, err := ParseRate(r.Percent()); err == nil && p != r {
			t.Fatalf("ParseRate(%q).Percent() = %q parses back as %v", s, r.Percent(), p)
		}
		_, _ = r.Apply(123456)
		if r.Cmp(back) != 0 {
			t.Fatalf("Cmp of equal rates %v is not 0", r)
		}
	})
}

// FuzzArithmetic checks Mul, Add and Apply against math/big: each returns
// the exact result when it fits in a Cents and ErrOverflow when it does not,
// never another figure.
func FuzzArithmetic(f *testing.F) {
	f.Add(int64(3960), int64(100000000000000000), int64(-1), "0.40")
	f.Add(int64(1000), int64(math.MaxInt64), int64(1), "1")
	f.Add(int64(math.MinInt64), int64(-1), int64(math.MinInt64), "0.5")
	f.Add(int64(2499), int64(6), int64(math.MaxInt64), "999999999")
	f.Fuzz(func(t *testing.T, a, n, b int64, rate string) {
		lo, hi := big.NewInt(math.MinInt64), big.NewInt(math.MaxInt64)
		fits := func(x *big.Int) bool { return x.Cmp(lo) >= 0 && x.Cmp(hi) <= 0 }
		check := func(what string, got Cents, err error, want *big.Int) {
			t.Helper()
			switch {
			case fits(want) && (err != nil || int64(got) != want.Int64()):
				t.Fatalf("%s = %d, %v; want %s", what, int64(got), err, want)
			case !fits(want) && !errors.Is(err, ErrOverflow):
				t.Fatalf("%s = %d, %v; want ErrOverflow (exact %s)", what, int64(got), err, want)
			}
		}
		got, err := Cents(a).Mul(n)
		check("Mul", got, err, new(big.Int).Mul(big.NewInt(a), big.NewInt(n)))
		got, err = Cents(a).Add(Cents(b))
		check("Add", got, err, new(big.Int).Add(big.NewInt(a), big.NewInt(b)))

		r, err := ParseRate(rate)
		if err != nil {
			return
		}
		// Exact: round(a × num / 10^scale), half away from zero.
		num, den := new(big.Int), new(big.Int)
		rat, _ := new(big.Rat).SetString(r.String())
		num.Mul(big.NewInt(a), rat.Num())
		den.Set(rat.Denom())
		neg := num.Sign() < 0
		num.Abs(num)
		q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
		if rem.Lsh(rem, 1).Cmp(den) >= 0 {
			q.Add(q, big.NewInt(1))
		}
		if neg {
			q.Neg(q)
		}
		got, err = r.Apply(Cents(a))
		check("Apply "+r.String(), got, err, q)
	})
}

// FuzzFormat checks that every currency's Format and ParseAmount agree.
func FuzzFormat(f *testing.F) {
	f.Add(int64(100100), "JPY")
	f.Add(int64(-1250), "BHD")
	f.Add(int64(math.MinInt64), "USD")
	f.Fuzz(func(t *testing.T, c int64, code string) {
		cur, err := LookupCurrency(code)
		if err != nil {
			return
		}
		s := cur.Format(Cents(c))
		plain := cur.Plain(Cents(c))
		back, err := cur.ParseAmount(plain)
		if err != nil || int64(back) != c {
			t.Fatalf("%s: %d formats as %q, plain %q, parses back as %d, %v", code, c, s, plain, int64(back), err)
		}
	})
}
