package money

import "testing"

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
		_ = r.Apply(123456)
		if r.Cmp(back) != 0 {
			t.Fatalf("Cmp of equal rates %v is not 0", r)
		}
	})
}
